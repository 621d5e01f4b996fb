import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

async function typeShortReport(ed: EditorPage): Promise<void> {
  await ed.title.click()
  await ed.type('2025年上半年教育工作总结')
  await ed.press('Enter')
  await ed.type('上半年，我局认真贯彻落实上级部署，现将有关情况总结如下：')
  await ed.press('Enter')
  await ed.type('主要工作')
  await ed.press('Control+1')
  await ed.press('Enter')
  await ed.type('全年培训教师700余名，入园率93%。')
}

test.describe('export', () => {
  test('Word: the file lands where the clerk chose, in the official layout, and can be opened', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeShortReport(ed)
    const target = join(app.dir, '上半年总结.docx')
    app.dialogs.save.push(target)
    await app.page.getByRole('button', { name: '导出 Word' }).click()
    const notice = app.page.getByRole('status').filter({ hasText: '已导出' })
    await expect(notice).toContainText(target)
    const zip = await JSZip.loadAsync(await readFile(target))
    const doc = await zip.file('word/document.xml')!.async('string')
    expect(doc).toContain('2025年上半年教育工作总结')
    expect(doc).toContain('一、主要工作')
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    await notice.getByRole('button', { name: '打开文件' }).click()
    await expect.poll(() => app.opened).toContain(target)
  })

  test('an existing file is replaced only after the clerk confirms', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeShortReport(ed)
    const target = join(app.dir, '总结.txt')
    app.dialogs.save.push(target)
    await app.page.getByRole('button', { name: '文本' }).click()
    await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible()
    const first = await readFile(target, 'utf-8')
    expect(first).toContain('一、主要工作')

    await ed.content.locator('.body-paragraph').last().click()
    await ed.press('End')
    await ed.type('新增内容。')
    // Declined: the old file stays as it was.
    app.dialogs.save.push(target)
    app.page.once('dialog', (d) => void d.dismiss())
    await app.page.getByRole('button', { name: '文本' }).click()
    await expect.poll(async () => (await readFile(target, 'utf-8')) === first).toBe(true)
    // Confirmed: replaced.
    app.dialogs.save.push(target)
    app.page.once('dialog', (d) => void d.accept())
    await app.page.getByRole('button', { name: '文本' }).click()
    await expect.poll(async () => readFile(target, 'utf-8')).toContain('新增内容。')
  })

  test('PDF is printed from the same report', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeShortReport(ed)
    const target = join(app.dir, '总结.pdf')
    app.dialogs.save.push(target)
    await app.page.getByRole('button', { name: 'PDF' }).click()
    await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible()
    const pdf = await readFile(target)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await stat(target)).size).toBeGreaterThan(5000)
  })
})

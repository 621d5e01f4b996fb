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
    // The question is answered from the dialog event itself: a confirm() blocks the page, so a
    // click that opens it at once would not return until it is answered.
    const answer = (accept: boolean) =>
      new Promise<string>((resolve) =>
        app.page.once('dialog', (d) => {
          resolve(d.message())
          void (accept ? d.accept() : d.dismiss())
        })
      )
    // Declined: the old file stays as it was.
    app.dialogs.save.push(target)
    let asked = answer(false)
    await app.page.getByRole('button', { name: '文本' }).click()
    expect(await asked).toContain('已存在')
    expect(await readFile(target, 'utf-8')).toBe(first)
    // Confirmed: replaced.
    app.dialogs.save.push(target)
    asked = answer(true)
    await app.page.getByRole('button', { name: '文本' }).click()
    expect(await asked).toContain('已存在')
    await expect.poll(async () => readFile(target, 'utf-8')).toContain('新增内容。')
  })

  test('PDF is printed from the same report', async ({ app }) => {
    test.setTimeout(150_000)
    const ed = new EditorPage(app.page)
    await typeShortReport(ed)
    const target = join(app.dir, '总结.pdf')
    app.dialogs.save.push(target)
    await app.page.getByRole('button', { name: 'PDF' }).click()
    // Printing may be tried again (the fixture's printToPDF stand-in): up to three tries of 20 s.
    await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible({ timeout: 70_000 })
    const pdf = await readFile(target)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await stat(target)).size).toBeGreaterThan(5000)
  })
})

test('several reports at once from the library: one file each, with progress, nothing replaced', async ({ app }) => {
  const { mkdir, readdir, writeFile } = await import('node:fs/promises')
  const { copyFile } = await import('node:fs/promises')
  const { CORPUS_DIR, corpusFile } = await import('../fixtures/corpus')
  const { LibraryPage } = await import('../pages/LibraryPage')
  const src = join(app.dir, 'src')
  await mkdir(src)
  for (const p of ['000_', '004_']) await copyFile(join(CORPUS_DIR, corpusFile(p).name), join(src, corpusFile(p).name))
  app.dialogs.folder.push(src)
  const lib = new LibraryPage(app.page)
  await lib.open()
  await lib.root.getByRole('button', { name: '导入文件夹…' }).click()
  await lib.preview.getByRole('button', { name: '导入 6 篇' }).click()
  await expect(lib.rows()).toHaveCount(7)

  const out = join(app.dir, 'out')
  await mkdir(out)
  // A file already there with one of the names stays untouched.
  await writeFile(join(out, '年度教育局工作总结1.docx'), 'old')
  await lib.root.getByRole('checkbox', { name: '全选' }).check()
  await lib.rows().filter({ hasText: '（未命名）' }).getByRole('checkbox').uncheck()
  app.dialogs.folder.push(out)
  await lib.root.getByRole('button', { name: '导出所选（6 篇）…' }).click()
  await expect(app.page.getByRole('status')).toContainText('已导出 6 篇')
  const files = (await readdir(out)).sort()
  expect(files).toHaveLength(7)
  expect(files).toContain('年度教育局工作总结1（2）.docx')
  expect(await readFile(join(out, '年度教育局工作总结1.docx'), 'utf-8')).toBe('old')
  for (const f of files.filter((f) => f !== '年度教育局工作总结1.docx')) {
    const zip = await JSZip.loadAsync(await readFile(join(out, f)))
    expect(await zip.file('word/document.xml')!.async('string')).toContain('<w:docGrid')
  }
})

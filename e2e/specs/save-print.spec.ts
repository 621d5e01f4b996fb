import { join } from 'node:path'
import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

test('Ctrl+S saves at once and says so; a second Ctrl+S within a minute adds no version', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.type('2025年工作总结')
  await ed.press('Enter')
  await ed.type('今年以来，我局扎实推进各项工作。')
  await ed.press('Control+s')
  await expect(app.page.getByTestId('save-note')).toHaveText('已保存，并存为一个历史版本')
  await expect(app.page.getByTestId('save-status')).toHaveText(/^已保存 \d\d:\d\d$/)
  await app.page.getByRole('tab', { name: '历史' }).click()
  // One version from Ctrl+S (the autosave may have taken an automatic one of the first words too).
  const versions = app.page.getByRole('list', { name: '版本列表' }).getByRole('listitem').filter({ hasText: '保存（Ctrl+S）' })
  await expect(versions).toHaveCount(1)
  await expect(versions.first()).toContainText('手动保存')
  // Typing on, then Ctrl+S again: saved, but no second version so soon.
  await ed.clickIn(ed.content.locator('.body-paragraph').first())
  await ed.press('End')
  await ed.type('成效明显。')
  await ed.press('Control+s')
  await expect(app.page.getByTestId('save-note')).toHaveText('已保存')
  await expect(app.page.getByTestId('save-status')).toHaveText(/^已保存/)
  await expect(versions).toHaveCount(1)
  // The text is in the database: it is there after the app reopens.
  await app.reload()
  await expect(ed.content.locator('.body-paragraph').first()).toHaveText('今年以来，我局扎实推进各项工作。成效明显。')
})

test('Ctrl+P sends the print view the PDF is made from to the system print dialog', async ({ app }) => {
  test.setTimeout(150_000)
  test.skip(app.shell === 'electron', 'the system print dialog cannot be answered from a test')
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.pasteText(['2025年工作总结', '今年以来，我局扎实推进各项工作。', '一、主要工作', '全年组织学习12次。'].join('\n'))
  await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作'])
  app.dialogs.save.push(join(app.dir, '总结.pdf'))
  await app.page.getByRole('button', { name: 'PDF' }).click()
  // Printing may be tried again (the fixture's printToPDF stand-in): up to three tries of 20 s.
  await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible({ timeout: 70_000 })
  expect(app.dialogs.pdfSources).toHaveLength(1)
  await ed.clickIn(ed.title)
  await ed.press('Control+p')
  await expect.poll(() => app.dialogs.printed.length).toBe(1)
  expect(app.dialogs.printed[0]).toBe(app.dialogs.pdfSources[0])
  expect(app.dialogs.printed[0]).toContain('<h1>一、主要工作</h1>')
  // The toolbar's 打印 does the same; a cancelled dialog leaves no message.
  app.dialogs.print.push(false)
  await app.page.getByRole('button', { name: '打印' }).click()
  await expect.poll(() => app.dialogs.printed.length).toBe(2)
  await expect(app.page.getByRole('alert')).toHaveCount(0)
})

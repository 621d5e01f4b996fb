import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures/app'
import { CORPUS_DIR } from '../fixtures/corpus'
import { LibraryPage } from '../pages/LibraryPage'

/**
 * Old reports as offices keep them: a Word 97 .doc saved by WPS and a .docx whose outline is Word's
 * automatic numbering. Imported through the dialog, the preview shows the outline each file really
 * has, with the numbers the page showed (no typed number is in either file).
 */
test('importing a real .doc and a Word-numbered .docx shows their outlines in the preview', async ({ app }) => {
  const doc = 'gh06_learninglog_工作总结_Word97_WPS10.doc'
  const docx = 'gh01_lubiaook_工作总结_自动编号.docx'
  for (const f of [doc, docx]) await copyFile(join(CORPUS_DIR, 'real', f), join(app.dir, f))
  app.dialogs.openFiles.push([join(app.dir, doc), join(app.dir, docx)])

  const lib = new LibraryPage(app.page)
  await lib.open()
  await lib.root.getByRole('button', { name: '导入文件…' }).click()
  await expect(lib.preview).toBeVisible()

  const fromDoc = lib.preview.getByRole('region', { name: doc }).locator('.preview-outline > li')
  await expect(fromDoc).toHaveCount(14)
  await expect(fromDoc.nth(0)).toContainText('UEditor')
  await expect(fromDoc.nth(2)).toContainText('Js 运算，精度丢失')
  // 1. under 3、 is a level of its own, and 4、 comes back to the top.
  await expect(fromDoc.nth(3)).toContainText('两个简单的浮点数相加')
  await expect(fromDoc.nth(3)).toContainText('原文 1.')
  await expect(fromDoc.nth(7)).toContainText('Webpack')
  await expect(fromDoc.nth(7)).toContainText('原文 4、')

  const fromDocx = lib.preview.getByRole('region', { name: docx }).locator('.preview-outline > li')
  await expect(fromDocx).toHaveCount(11)
  await expect(fromDocx.nth(0)).toContainText('易煤交易德胜系统交互接口异步需求，无人跟进异步状态')
  await expect(fromDocx.nth(0)).toContainText('原文 (一)')
  await expect(fromDocx.nth(2)).toContainText('德盛需求了解不清晰')
  await expect(fromDocx.nth(2)).toContainText('原文 1、')
  await expect(fromDocx.nth(10)).toContainText('OA系统bug')

  await lib.preview.getByRole('button', { name: /^导入 \d+ 篇$/ }).click()
  await expect(lib.preview).toBeHidden()
  expect(await lib.titles()).toContain('工作总结')
})

import { expect, test } from '../fixtures/app'
import { corpusFile } from '../fixtures/corpus'
import { EditorPage } from '../pages/EditorPage'

test('an imported traditional report becomes simplified in one step, after a preview, and Ctrl+Z brings it back', async ({ app }) => {
  const ed = new EditorPage(app.page)
  const { text, gold } = corpusFile('002_')
  await ed.title.click()
  await ed.pasteText(text)
  await expect(ed.title).toHaveText(gold.reports[0].title) // 2006年教育局工作總結
  await expect(ed.outline.getByRole('treeitem')).toHaveCount(gold.reports[0].headings.length)
  const headingsBefore = await ed.outlineNames()

  await app.page.getByRole('button', { name: '简繁' }).click()
  const dialog = app.page.getByRole('dialog', { name: '简繁转换' })
  await dialog.getByRole('radio', { name: '转为简体' }).check()
  await dialog.getByRole('radio', { name: '全文' }).check()
  await expect(dialog).toContainText('将改动')
  await expect(dialog.getByRole('list', { name: '转换预览' })).toContainText('總結')
  await dialog.getByRole('button', { name: '转换' }).click()

  await expect(ed.title).toHaveText('2006年教育局工作总结')
  await expect(ed.content).toContainText('上线率为7.7%')
  await expect(ed.content).not.toContainText('縣')
  // Same structure, same numbers.
  await expect.poll(async () => (await ed.outlineNames()).length).toBe(headingsBefore.length)
  await ed.content.focus()
  await ed.press('Control+z')
  await expect(ed.title).toHaveText('2006年教育局工作總結')
})

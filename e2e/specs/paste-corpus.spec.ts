import { expect, test } from '../fixtures/app'
import { corpusFile } from '../fixtures/corpus'
import { EditorPage } from '../pages/EditorPage'
import { screenshot } from '../fixtures/screenshots'

test('a real report pasted from a web page becomes a numbered, outlined draft', async ({ app }, testInfo) => {
  const ed = new EditorPage(app.page)
  const { text, gold } = corpusFile('002_')
  await ed.title.click()
  await ed.pasteText(text)
  const report = gold.reports[0]
  await expect(ed.title).toHaveText(report.title)
  // The outline lists the gold headings in order, at their depths, renumbered by the app.
  const items = ed.outline.getByRole('treeitem')
  await expect(items).toHaveCount(report.headings.length)
  const names = await ed.outlineNames()
  report.headings.forEach((h, i) => expect(names[i]).toContain(h.title.slice(0, 6)))
  expect(await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-level'))))).toEqual(report.headings.map((h) => h.depth))
  // Web noise never reaches the draft.
  await expect(ed.content).not.toContainText('首頁>')
  await expect(ed.content).toContainText('上線率為7.7%')

  // The draft takes the pasted report's metadata: its period and its traditional script.
  await expect(app.page.getByLabel('期间')).toHaveValue(/2006/)
  await ed.waitSaved()
  await app.page.locator('.page-scroll').evaluate((el) => (el.scrollTop = 0))
  await ed.outlineItem(/（二）/).locator('> .outline-row').hover()
  await screenshot(app.page, testInfo, 'editor.png')
})

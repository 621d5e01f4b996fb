import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'
import { LibraryPage } from '../pages/LibraryPage'

/** The figures marked as still last period's, as painted (CSS Custom Highlight API), in document order. */
const markedFigures = (page: import('@playwright/test').Page) =>
  page.evaluate(() => [...(CSS.highlights.get('stale-figure') ?? [])].map((r) => (r as Range).toString()).sort())

test('carry last year’s report forward, update a figure, finalize, and compare the versions', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.type('2024年度教育工作总结')
  await ed.press('Enter')
  await ed.type('2024年以来，我局认真贯彻落实上级部署，比2023年有较大进步。')
  await ed.press('Enter')
  await ed.type('主要成绩')
  await ed.press('Control+1')
  await ed.press('Enter')
  await ed.type('城乡学前三年幼儿入园率93%，资助金额6267.4万元。')
  await app.page.getByLabel('期间').fill('2024年')
  await ed.waitSaved()

  const lib = new LibraryPage(app.page)
  await lib.open()
  await lib.row('2024年度教育工作总结').getByRole('button', { name: '定稿' }).click()
  await lib.row('2024年度教育工作总结').getByRole('button', { name: '结转下期' }).click()

  // The new draft: the year moves where it names the period, comparisons stay, figures are marked.
  await expect(ed.title).toHaveText('2025年度教育工作总结')
  await expect(ed.content).toContainText('2025年以来，我局认真贯彻落实上级部署，比2023年有较大进步。')
  await expect(app.page.getByLabel('期间')).toHaveValue('2025年')
  await expect.poll(() => markedFigures(app.page)).toEqual(['6267.4万元', '93%'])

  // Update the rate: its mark goes once the number is no longer last period's, and stays gone after a reload.
  await ed.placeCaretAfter('入园率93')
  await ed.press('Backspace')
  await ed.press('Backspace')
  await ed.type('95')
  await expect(ed.content).toContainText('入园率95%')
  await expect.poll(() => markedFigures(app.page)).toEqual(['6267.4万元'])
  await ed.waitSaved()
  await app.reload()
  await expect(ed.content).toContainText('入园率95%')
  await expect.poll(() => markedFigures(app.page)).toEqual(['6267.4万元'])

  await lib.open()
  await expect(lib.rows()).toHaveCount(2)
  await lib.row('2025年度教育工作总结').getByRole('button', { name: '定稿' }).click()
  await lib.openReport('2025年度教育工作总结')
  await expect(ed.content).toHaveAttribute('contenteditable', 'false')

  await app.page.getByRole('tab', { name: '历史' }).click()
  const panel = app.page.getByRole('region', { name: '历史版本' })
  const items = panel.getByRole('list', { name: '版本列表' }).getByRole('listitem')
  await items.filter({ hasText: '定稿' }).getByRole('checkbox').check()
  await items.filter({ hasText: '自动保存' }).last().getByRole('checkbox').check()
  await panel.getByRole('button', { name: '比较所选两个版本' }).click()
  const dialog = app.page.getByRole('dialog', { name: '版本比较' })
  await expect(dialog.getByRole('region', { name: '一、主要成绩' }).locator('del')).toHaveText(['3'])
  await expect(dialog.getByRole('region', { name: '一、主要成绩' }).locator('ins')).toHaveText(['5'])
})

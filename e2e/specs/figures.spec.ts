import { expect, test } from '../fixtures/app'
import { corpusFile } from '../fixtures/corpus'
import { screenshot } from '../fixtures/screenshots'
import { EditorPage } from '../pages/EditorPage'
import { LibraryPage } from '../pages/LibraryPage'

test('figures view: every figure with its measure, last period’s value beside it, and the ones never updated flagged', async ({ app }, testInfo) => {
  const ed = new EditorPage(app.page)
  const { text, gold } = corpusFile('000_')
  await ed.title.click()
  await ed.pasteText(text)
  const first = gold.reports[0].title
  await expect(ed.title).toHaveText(first)
  await ed.waitSaved()

  await app.page.getByRole('tab', { name: '数据' }).click()
  const panel = app.page.getByRole('region', { name: '数据' })
  const list = panel.getByRole('list', { name: '数字列表' })
  await expect(list.getByRole('listitem').filter({ hasText: '入园率' }).first()).toContainText('93%')
  await expect(list.getByRole('listitem').filter({ hasText: '6267.4万元' })).toHaveCount(1)

  // Carry it forward: the new draft's figures are all still last period's.
  const lib = new LibraryPage(app.page)
  await lib.open()
  await lib.row(first).getByRole('button', { name: '结转下期' }).click()
  await expect.poll(() => app.page.evaluate(() => CSS.highlights.get('stale-figure')?.size ?? 0)).toBeGreaterThan(10)
  await app.page.getByRole('tab', { name: '数据' }).click()
  await expect(panel).toContainText('对比上一期：《' + first + '》')
  const stale = list.getByRole('listitem').filter({ hasText: '仍是上期数字' })
  const before = await stale.count()
  expect(before).toBeGreaterThan(10)

  // Update the enrolment rate: it leaves the stale list and shows the change.
  const rate = list.getByRole('listitem').filter({ hasText: '入园率' }).filter({ hasText: '93%' }).first()
  await rate.getByRole('button').click()
  const selected = await app.page.evaluate(() => window.getSelection()?.toString())
  expect(selected).toBe('93%')
  await ed.type('95%')
  await expect(list.getByRole('listitem').filter({ hasText: '95%' }).first()).toContainText('上期 93%')
  await expect(list.getByRole('listitem').filter({ hasText: '95%' }).first()).toContainText('+2个百分点')
  await expect(stale).toHaveCount(before - 1)
  // A change is given in the figure's own unit: 万元, not 元.
  const money = list.getByRole('listitem').filter({ hasText: '6267.4万元' }).first()
  await money.getByRole('button').click()
  await expect.poll(() => app.page.evaluate(() => window.getSelection()?.toString())).toBe('6267.4万元')
  await ed.type('7120.8万元')
  const changed = list.getByRole('listitem').filter({ hasText: '7120.8万元' }).first()
  await expect(changed).toContainText('上期 6267.4万元')
  await expect(changed).toContainText('+853.4万元')
  await expect(changed).not.toContainText('8,534,000')
  await screenshot(app.page, testInfo, 'figures.png')
})

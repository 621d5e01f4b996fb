import { expect, test } from '../fixtures/app'
import { corpusFile } from '../fixtures/corpus'
import { EditorPage } from '../pages/EditorPage'
import { screenshot } from '../fixtures/screenshots'

/** The text of the block the caret or selection is in, and the selected text. */
function selectionInfo(ed: EditorPage) {
  return ed.page.evaluate(() => {
    const s = window.getSelection()
    const node = s?.anchorNode
    const el = node ? (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)) : null
    const block = el?.closest('.editor-content > *') as HTMLElement | null
    return { selected: s?.toString() ?? '', block: block?.textContent ?? '', marker: block?.dataset.marker ?? '' }
  })
}

test.describe('proofreading', () => {
  test('corpus 004: the numbering-gap finding leads to the section the source numbered （四）', async ({ app }, testInfo) => {
    const ed = new EditorPage(app.page)
    const { text, gold } = corpusFile('004_')
    await ed.title.click()
    await ed.pasteText(text)
    // Three reports in the file: the first stays here, the other two become drafts of their own.
    await expect(app.page.getByRole('status')).toContainText('其余 2 篇已分别存为草稿')
    const drafts = app.page.getByRole('complementary', { name: '草稿' })
    await expect(drafts.getByRole('listitem')).toHaveCount(3)
    await drafts.getByRole('button', { name: new RegExp(gold.reports[2].title) }).click()
    await expect(ed.title).toHaveText(gold.reports[2].title)
    await app.page.getByRole('tab', { name: /校对/ }).click()
    const gap = app.page.locator('.check-item.rule-numbering-gap')
    await expect(gap).toHaveCount(1)
    await expect(gap).toContainText('缺少“(三)”')
    await gap.locator('.check-open').click()
    const info = await selectionInfo(ed)
    expect(info.block).toBe('总结阶段(第8周)')
    expect(info.selected).toBe('总结阶段(第8周)')
    // The app numbers by structure: the heading the source called (四) is shown as （三）.
    expect(info.marker).toBe('（三）')
    await screenshot(app.page, testInfo, 'checks.png')
  })

  test('a half-width comma is fixed with one click and the fix is undone with Ctrl+Z', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.pasteText(['2024年工作总结', '今年以来,我局认真工作。', '一、主要工作', '全年培训教师700余名,成效明显。'].join('\n'))
    await app.page.getByRole('tab', { name: /校对/ }).click()
    const items = app.page.locator('.check-item.rule-halfwidth-punctuation')
    await expect(items).toHaveCount(2)
    await items.filter({ hasText: '700余名' }).getByRole('button', { name: '改为“，”' }).click()
    await expect(ed.content).toContainText('全年培训教师700余名，成效明显。')
    await expect(items).toHaveCount(1)
    await ed.content.focus()
    await ed.press('Control+z')
    await expect(ed.content).toContainText('全年培训教师700余名,成效明显。')
    await expect(items).toHaveCount(2)
    // All at once is one step too.
    await app.page.getByRole('button', { name: /全部改为全角标点/ }).click()
    await expect(items).toHaveCount(0)
    await expect(ed.content).toContainText('今年以来，我局认真工作。')
    await ed.content.focus()
    await ed.press('Control+z')
    await expect(items).toHaveCount(2)
  })

  test('when the checks worker cannot start, the findings still come, from the page itself', async ({ app }) => {
    test.skip(app.shell === 'electron', 'the worker file is blocked through a Chromium route')
    let blocked = 0
    await app.page.route(/checks\.worker[^/]*\.js/, (route) => (blocked++, route.abort()))
    await app.reload()
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.pasteText(['2024年工作总结', '今年以来,我局认真工作。', '一、主要工作', '全年培训教师__名。'].join('\n'))
    await app.page.getByRole('tab', { name: /校对/ }).click()
    await expect(app.page.locator('.check-item.rule-halfwidth-punctuation')).toHaveCount(1)
    await expect(app.page.locator('.check-item.rule-placeholder')).toHaveCount(1)
    expect(blocked).toBeGreaterThan(0)
  })
})

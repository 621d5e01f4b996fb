import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

const REPORT = ['2025年工作总结', '今年以来，我局扎实推进各项工作。', '一、主要工作', '全年组织学习12次，参学率98%。', '二、存在问题', '经费不足。'].join('\n')

test.describe('editing as in Word', () => {
  test('triple-click a paragraph and type: the paragraph is replaced, the next heading stays a heading', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.pasteText(REPORT)
    await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作', '二、存在问题'])
    await ed.content.locator('.body-paragraph', { hasText: '全年组织学习' }).click({ clickCount: 3 })
    // What is highlighted is that paragraph, and no more.
    await expect.poll(() => app.page.evaluate(() => String(window.getSelection()))).toBe('全年组织学习12次，参学率98%。')
    await ed.selectionSettled()
    await ed.type('全年组织学习15次。')
    await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作', '二、存在问题'])
    await expect.poll(() => ed.lines()).toEqual(['2025年工作总结', '今年以来，我局扎实推进各项工作。', '一、主要工作', '全年组织学习15次。', '二、存在问题', '经费不足。'])
  })
})

test('a marker typed by hand is dropped when the paragraph becomes a heading: no （二）三、', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.pasteText(REPORT)
  await ed.placeCaretAfter('经费不足。')
  await ed.press('Enter')
  await ed.type('三、强化队伍建设')
  await ed.press('Control+2')
  await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作', '二、存在问题', '（一）强化队伍建设'])
  // Undo brings the paragraph back as typed.
  await ed.press('Control+z')
  await expect.poll(() => ed.lines()).toContain('三、强化队伍建设')
})

/** The block the caret is in: its class and text. */
async function caretBlock(ed: EditorPage): Promise<string> {
  return ed.content.evaluate((root) => {
    let n: Node | null = window.getSelection()?.anchorNode ?? null
    while (n && n.parentNode !== root) n = n.parentNode
    return n ? `${(n as HTMLElement).className}:${n.textContent}` : ''
  })
}

test('the caret starts at the title of a report never opened, and a new template draft not in the signature date', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.newFromTemplate(/^年度工作总结/, { 单位名称: '某某县教育局', 年度: '2026' })
  await expect(ed.title).toHaveText('某某县教育局2026年工作总结')
  await expect.poll(() => caretBlock(ed)).toBe('report-title:某某县教育局2026年工作总结')
  await ed.type('（初稿）')
  await expect(ed.title).toHaveText('某某县教育局2026年工作总结（初稿）')
  await expect(ed.content.locator('.signature-date')).not.toContainText('初稿')

  // A second report, opened for the first time: at its title too. Going back to the first finds the caret where it was left.
  await ed.newBlankDraft()
  await ed.title.click()
  await ed.pasteText(REPORT)
  await ed.waitSaved()
  await ed.placeCaretAfter('参学率98%')
  const list = app.page.getByRole('complementary', { name: '草稿' })
  await list.getByRole('button', { name: /某某县教育局2026年工作总结/ }).click()
  await expect(ed.title).toHaveText('某某县教育局2026年工作总结（初稿）')
  await expect.poll(() => caretBlock(ed)).toBe('report-title:某某县教育局2026年工作总结（初稿）')
  await list.getByRole('button', { name: /2025年工作总结/ }).click()
  await expect(ed.title).toHaveText('2025年工作总结')
  await expect.poll(() => caretBlock(ed)).toBe('body-paragraph:全年组织学习12次，参学率98%。')
  await ed.type('以上')
  await expect(ed.content.locator('.body-paragraph', { hasText: '以上' })).toHaveText('全年组织学习12次，参学率98%以上。')
})

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

import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'
import { screenshot } from '../fixtures/screenshots'

const REPORT = ['2025年工作总结', '今年以来，我局扎实推进各项工作，现将有关情况总结如下：', '一、主要工作', '（一）加强学习', '全年组织学习12次,参学率98%。'].join('\n')

async function setup(ed: EditorPage): Promise<void> {
  await ed.title.click()
  await ed.pasteText(REPORT)
  await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作', '（一）加强学习'])
}

test.describe('the context menu', () => {
  test('by mouse: the clipboard on any text, the level on a heading', async ({ app }, testInfo) => {
    await app.page.setViewportSize({ width: 1366, height: 768 })
    const ed = new EditorPage(app.page)
    await setup(ed)
    const menu = app.page.getByRole('menu', { name: '编辑菜单' })
    await ed.content.locator('.body-paragraph').first().click({ button: 'right' })
    await expect(menu).toBeVisible()
    await expect(menu.getByRole('menuitem')).toHaveText(['剪切Ctrl+X', '复制Ctrl+C', '粘贴Ctrl+V', '粘贴为纯文本Ctrl+Shift+V', '全选Ctrl+A'])
    await app.page.keyboard.press('Escape')
    await expect(menu).toBeHidden()

    await ed.headings().filter({ hasText: '加强学习' }).click({ button: 'right', position: { x: 120, y: 12 } })
    await expect(menu.getByRole('menuitem', { name: /^升级/ })).toBeVisible()
    await menu.getByRole('menuitem', { name: /^降级/ }).hover()
    await screenshot(app.page, testInfo, 'context-menu.png')
    await menu.getByRole('menuitem', { name: /^降级/ }).click()
    await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作', '1.加强学习'])
    await ed.headings().filter({ hasText: '加强学习' }).click({ button: 'right' })
    await menu.getByRole('menuitem', { name: /^转为正文/ }).click()
    await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作'])
    await expect(ed.content.locator('.body-paragraph', { hasText: '加强学习' })).toHaveCount(1)
  })

  test('by keyboard: Shift+F10 and the Menu key open it at the caret, arrows and Enter choose, Escape goes back to the text', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await setup(ed)
    await ed.placeCaretAfter('主要')
    await ed.press('Shift+F10')
    const menu = app.page.getByRole('menu', { name: '编辑菜单' })
    await expect(menu).toBeVisible()
    await expect(menu.getByRole('menuitem').first()).toBeFocused()
    // Near the caret, not in a corner.
    const caret = await ed.headings().first().boundingBox()
    const box = await menu.boundingBox()
    expect(Math.abs(box!.y - (caret!.y + caret!.height))).toBeLessThan(60)
    await app.page.keyboard.press('End')
    await expect(menu.getByRole('menuitem').last()).toBeFocused()
    await expect(menu.getByRole('menuitem').last()).toHaveText(/^转为正文/)
    await app.page.keyboard.press('ArrowUp')
    await expect(menu.getByRole('menuitem', { name: /^降级/ })).toBeFocused()
    await app.page.keyboard.press('Enter')
    await expect(menu).toBeHidden()
    await expect.poll(() => ed.headingTexts()).toEqual(['（一）主要工作', '1.加强学习'])
    // Escape leaves the text as it was, with the caret where it was.
    await ed.press('ContextMenu')
    await expect(menu).toBeVisible()
    await app.page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    await ed.selectionSettled()
    await ed.type('的')
    await expect.poll(() => ed.headingTexts()).toEqual(['（一）主要的工作', '1.加强学习'])
  })

  test('copy and paste, and paste as plain text, through the menu', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await setup(ed)
    const menu = app.page.getByRole('menu', { name: '编辑菜单' })
    // Select 主要工作 (the heading's whole text) and copy it.
    await ed.clickIn(ed.headings().first())
    await ed.press('End')
    await ed.press('Shift+Home')
    // A right-click inside the selection keeps it (a click elsewhere moves the caret there).
    const r = await app.page.evaluate(() => window.getSelection()!.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect)
    await app.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2, { button: 'right' })
    await expect(menu).toBeVisible()
    await app.page.keyboard.press('Escape')
    await expect.poll(() => app.page.evaluate(() => String(window.getSelection()))).toBe('主要工作')
    await ed.press('ContextMenu')
    await menu.getByRole('menuitem', { name: /^复制/ }).click()
    await expect.poll(() => app.page.evaluate(() => String(window.getSelection()))).toBe('主要工作')
    await ed.placeCaretAfter('参学率98%。')
    await ed.press('ContextMenu')
    await menu.getByRole('menuitem', { name: /^粘贴为纯文本/ }).click()
    await expect(ed.content.locator('.body-paragraph').last()).toHaveText('全年组织学习12次,参学率98%。主要工作')
    await ed.press('ContextMenu')
    await menu.getByRole('menuitem', { name: /^粘贴\s*Ctrl\+V/ }).click()
    await expect(ed.content.locator('.body-paragraph').last()).toHaveText('全年组织学习12次,参学率98%。主要工作主要工作')
  })

  test("on a 校对 finding's text the menu offers its fix", async ({ app }) => {
    const ed = new EditorPage(app.page)
    await setup(ed)
    await app.page.getByRole('tab', { name: /校对/ }).click()
    await expect(app.page.locator('.check-item.rule-halfwidth-punctuation')).toHaveCount(1)
    await ed.placeCaretAfter('12次')
    await ed.press('Shift+F10')
    const menu = app.page.getByRole('menu', { name: '编辑菜单' })
    const fix = menu.getByRole('menuitem').first()
    await expect(fix).toHaveText(/^改为“，”/)
    await fix.click()
    await expect(ed.content.locator('.body-paragraph').last()).toHaveText('全年组织学习12次，参学率98%。')
    // Elsewhere there is no fix to offer.
    await ed.placeCaretAfter('全年')
    await ed.press('Shift+F10')
    await expect(menu.getByRole('menuitem').first()).toHaveText(/^剪切/)
  })
})

import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../fixtures/app'
import { CORPUS_DIR, corpusFile } from '../fixtures/corpus'
import { EditorPage } from '../pages/EditorPage'

/** Focus is inside the dialog, stays there through Tab and Shift+Tab, and Escape closes it. */
async function behavesAsDialog(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible()
  const inside = () => dialog.evaluate((el) => el.contains(document.activeElement))
  await expect.poll(inside).toBe(true)
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab')
    expect(await inside()).toBe(true)
  }
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Shift+Tab')
    expect(await inside()).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

const focusedIs = (page: Page, selector: string) => page.evaluate((s) => !!document.activeElement?.matches(s), selector)

test.describe('dialogs: focus moves in, stays in, Escape closes and focus goes back', () => {
  test('新建总结, 存为模板 and 简繁转换', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.pasteText(['2025年工作总结', '今年以来，我局扎实推进各项工作。', '一、主要工作', '全年组织学习12次。'].join('\n'))
    await ed.waitSaved()

    await app.page.getByRole('button', { name: '新建' }).click()
    await behavesAsDialog(app.page, app.page.getByRole('dialog', { name: '新建总结' }))
    await expect.poll(() => focusedIs(app.page, 'button.primary')).toBe(true)
    await expect(ed.title).toHaveText('2025年工作总结')

    await ed.clickIn(ed.content.locator('.body-paragraph').first())
    await app.page.getByRole('button', { name: '存为模板' }).click()
    const prompt = app.page.getByRole('dialog', { name: '存为模板' })
    await expect(prompt.getByLabel('模板名称')).toBeFocused()
    await behavesAsDialog(app.page, prompt)
    // Back in the text: typing goes on where the caret was.
    await expect.poll(() => focusedIs(app.page, '.editor-content')).toBe(true)

    await app.page.getByRole('button', { name: '简繁' }).click()
    await behavesAsDialog(app.page, app.page.getByRole('dialog', { name: '简繁转换' }))
    await expect.poll(() => focusedIs(app.page, '.editor-content')).toBe(true)
  })

  test('导入预览 and 版本比较', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.type('2025年工作总结')
    await ed.waitSaved()
    // The import preview takes focus on its confirm button; Escape imports nothing.
    app.dialogs.openFiles.push([join(CORPUS_DIR, corpusFile('002_').name)])
    await ed.press('Control+o')
    const preview = app.page.getByRole('dialog', { name: '导入预览' })
    await expect(preview.getByRole('button', { name: /^导入 \d+ 篇$/ })).toBeFocused()
    await behavesAsDialog(app.page, preview)
    await expect(app.page.getByRole('complementary', { name: '草稿' }).locator('.draft-open')).toHaveCount(1)

    await app.page.getByRole('tab', { name: '历史' }).click()
    await app.page.getByRole('button', { name: '保存版本' }).click()
    const items = app.page.getByRole('list', { name: '版本列表' }).getByRole('listitem')
    await items.first().getByRole('checkbox').check()
    const compare = app.page.getByRole('button', { name: /^比较/ })
    await compare.click()
    await behavesAsDialog(app.page, app.page.getByRole('dialog', { name: '版本比较' }))
    await expect(compare).toBeFocused()
  })

  test('从备份恢复', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.type('2025年工作总结')
    await ed.waitSaved()
    await app.page.getByRole('button', { name: '设置与备份' }).click()
    const file = join(app.dir, '备份.zjbak')
    app.dialogs.save.push(file)
    await app.page.getByRole('button', { name: '备份到文件…' }).click()
    await expect(app.page.getByRole('status')).toContainText('已备份')
    app.dialogs.openFiles.push([file])
    const restore = app.page.getByRole('button', { name: '从备份恢复…' })
    await restore.click()
    await behavesAsDialog(app.page, app.page.getByRole('dialog', { name: '从备份恢复' }))
    await expect(restore).toBeFocused()
  })
})

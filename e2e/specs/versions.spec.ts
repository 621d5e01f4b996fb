import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

test('save a version, edit, compare with the current text, restore without losing the edit', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.type('2025年工作总结')
  await ed.press('Enter')
  await ed.type('主要工作')
  await ed.press('Control+1')
  await ed.press('Enter')
  await ed.type('全年培训教师700余名。')
  await ed.waitSaved()

  await app.page.getByRole('tab', { name: '历史' }).click()
  const panel = app.page.getByRole('region', { name: '历史版本' })
  await panel.getByLabel('版本说明').fill('初稿')
  await panel.getByRole('button', { name: '保存版本' }).click()
  const list = panel.getByRole('list', { name: '版本列表' })
  await expect(list.getByRole('listitem').filter({ hasText: '初稿' })).toHaveCount(1)

  // Edit: 700 → 800.
  await ed.content.locator('.body-paragraph').last().click()
  await ed.placeCaretAfter('全年培训教师7')
  await ed.press('Backspace')
  await ed.type('8')
  await expect(ed.content).toContainText('全年培训教师800余名。')
  await ed.waitSaved()

  await list.getByRole('listitem').filter({ hasText: '初稿' }).getByRole('checkbox').check()
  await panel.getByRole('button', { name: '比较与当前内容' }).click()
  const dialog = app.page.getByRole('dialog', { name: '版本比较' })
  const changed = dialog.getByRole('region', { name: '一、主要工作' })
  await expect(changed.locator('del')).toHaveText(['7'])
  await expect(changed.locator('ins')).toHaveText(['8'])
  await dialog.getByRole('button', { name: '关闭' }).click()

  app.page.once('dialog', (d) => void d.accept())
  await list.getByRole('listitem').filter({ hasText: '初稿' }).getByRole('button', { name: '恢复' }).click()
  await expect(ed.content).toContainText('全年培训教师700余名。')
  // The text before the restore is a version of its own.
  await app.page.getByRole('tab', { name: '历史' }).click()
  const restoreEntry = list.getByRole('listitem').filter({ hasText: '恢复前的内容' })
  await expect(restoreEntry).toHaveCount(1)
  await restoreEntry.getByRole('checkbox').check()
  await panel.getByRole('button', { name: '比较与当前内容' }).click()
  await expect(dialog.getByRole('region', { name: '一、主要工作' }).locator('del')).toContainText(['8'])
})

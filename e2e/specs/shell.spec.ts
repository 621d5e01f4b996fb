import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

test.describe('the window shell', () => {
  test('a shortcut acts once: Ctrl+\\ hides the outline and a second press shows it again', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.type('标题')
    // Re-renders re-created the listener in the old shell, and a listener left behind made each key act twice.
    await ed.press('Enter')
    await ed.type('正文一段。')
    await ed.waitSaved()
    const outlineTab = app.page.getByRole('tab', { name: '大纲' })
    await expect(outlineTab).toBeVisible()
    await ed.press('Control+\\')
    await expect(outlineTab).toBeHidden()
    await ed.press('Control+\\')
    await expect(outlineTab).toBeVisible()
  })
})

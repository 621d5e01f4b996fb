import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

/** Every report in the archive as the clerk sees it: title, outline and text, by opening each. */
async function archiveContent(page: Page): Promise<string[][]> {
  const ed = new EditorPage(page)
  const drafts = page.getByRole('complementary', { name: '草稿' }).locator('.draft-open')
  const n = await drafts.count()
  const out: string[][] = []
  for (let i = 0; i < n; i++) {
    await drafts.nth(i).click()
    await expect(drafts.nth(i)).toHaveAttribute('aria-current', 'true')
    out.push([...(await ed.lines()), ...(await ed.outlineNames())])
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]))
}

test('back up, wipe the database, restore, and get identical content', async ({ app }) => {
  const ed = new EditorPage(app.page)
  for (const [title, heading, body] of [
    ['2024年度工作总结', '主要工作', '全年培训教师700余名。'],
    ['2025年上半年工作总结', '存在问题', '经费不足，师资紧缺。']
  ]) {
    if (title.startsWith('2025')) await ed.newBlankDraft()
    await ed.title.click()
    await ed.type(title)
    await ed.press('Enter')
    await ed.type(heading)
    await ed.press('Control+1')
    await ed.press('Enter')
    await ed.type(body)
    await ed.waitSaved()
  }
  const before = await archiveContent(app.page)
  expect(before).toHaveLength(2)

  await app.page.getByRole('button', { name: '设置与备份' }).click()
  const target = join(app.dir, '备份.zjbak')
  app.dialogs.save.push(target)
  await app.page.getByRole('button', { name: '备份到文件…' }).click()
  await expect(app.page.getByRole('status')).toContainText('已备份 2 篇总结')
  expect(await readdir(app.dir)).toContain('备份.zjbak')

  // Wipe: the database is deleted (the app lets go of it) and the app starts again, empty.
  await app.page.evaluate(() => new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('zongjie')
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  }))
  await app.reload()
  await expect(app.page.getByRole('complementary', { name: '草稿' }).locator('.draft-open')).toHaveCount(1)
  await expect(ed.title).toHaveText('')

  await app.page.getByRole('button', { name: '设置与备份' }).click()
  app.dialogs.openFiles.push([target])
  await app.page.getByRole('button', { name: '从备份恢复…' }).click()
  const dialog = app.page.getByRole('dialog', { name: '从备份恢复' })
  await expect(dialog.getByRole('list', { name: '恢复预览' })).toContainText('新增 2 篇')
  await dialog.getByRole('radio', { name: /替换/ }).check()
  await dialog.getByRole('button', { name: '替换恢复' }).click()
  await expect(app.page.getByRole('status')).toContainText('恢复完成')
  // The replace kept a safety copy of what was there before.
  expect((await readdir(join(app.dir, '.data', 'safety-backups'))).some((f) => f.endsWith('.zjbak'))).toBe(true)

  await app.page.getByRole('button', { name: '设置与备份' }).click()
  expect(await archiveContent(app.page)).toEqual(before)
})

test('a damaged backup file is refused with a clear message and nothing changes', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.type('原有的总结')
  await ed.waitSaved()
  const bad = join(app.dir, '坏的备份.zjbak')
  const { writeFile } = await import('node:fs/promises')
  await writeFile(bad, '{"format":"zongjie-backup","version":1,"truncated')
  await app.page.getByRole('button', { name: '设置与备份' }).click()
  app.dialogs.openFiles.push([bad])
  await app.page.getByRole('button', { name: '从备份恢复…' }).click()
  await expect(app.page.getByRole('alert')).toContainText('备份')
  await expect(app.page.getByRole('dialog', { name: '从备份恢复' })).toHaveCount(0)
  await app.page.getByRole('button', { name: '设置与备份' }).click()
  await expect(ed.title).toHaveText('原有的总结')
})

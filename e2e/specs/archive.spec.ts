import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type AppFixture } from '../fixtures/app'
import { manyReportsText } from '../fixtures/many-reports'
import { EditorPage } from '../pages/EditorPage'
import { LibraryPage } from '../pages/LibraryPage'

/** Reports in one text file (forty unless said), imported from the library: the library, the file and their titles. */
async function importReports(app: AppFixture, count = 40): Promise<{ lib: LibraryPage; file: string; titles: string[] }> {
  const { text, titles } = manyReportsText(count)
  const file = join(app.dir, `${count}篇.txt`)
  await writeFile(file, text)
  const lib = new LibraryPage(app.page)
  await lib.open()
  app.dialogs.openFiles.push([file])
  await lib.root.getByRole('button', { name: '导入文件…' }).click()
  await lib.preview.getByRole('button', { name: `导入 ${count} 篇` }).click()
  await expect(app.page.getByRole('status').filter({ hasText: '已导入' })).toContainText(`已导入 ${count} 篇总结`)
  return { lib, file, titles }
}

test.describe('an archive of hundreds', () => {
  test('a file of 633 reports: select none and all, import with progress, every one listed at once and reachable from the sidebar', async ({ app }) => {
    test.setTimeout(180_000)
    const { text, titles } = manyReportsText(633)
    const file = join(app.dir, '633篇工作总结.txt')
    await writeFile(file, text)
    app.dialogs.openFiles.push([file])

    const lib = new LibraryPage(app.page)
    await lib.open()
    await lib.root.getByRole('button', { name: '导入文件…' }).click()
    await expect(lib.preview).toContainText('识别出 633 篇总结')
    const importButton = lib.preview.getByRole('button', { name: /^导入 \d+ 篇$/ })
    await expect(importButton).toHaveText('导入 633 篇')
    await lib.preview.getByRole('button', { name: '全不选' }).click()
    await expect(importButton).toHaveText('导入 0 篇')
    await expect(importButton).toBeDisabled()
    await lib.preview.getByRole('button', { name: '全选' }).click()
    await expect(importButton).toHaveText('导入 633 篇')
    await importButton.click()
    // Saved in batches with a progress bar, not in one long freeze.
    await expect(app.page.getByRole('dialog', { name: '正在保存导入的总结…' })).toBeVisible()
    // Saving 633 reports takes seconds, more on a busy machine.
    await expect(app.page.getByRole('status').filter({ hasText: '已导入' })).toContainText('已导入 633 篇总结', { timeout: 120_000 })

    // The library lists them all at once (633 and the blank draft the app started with), rendering only those in view.
    await expect(lib.root.getByText(/^共 634 篇/)).toBeVisible()
    expect(await lib.rows().count()).toBeLessThan(100)
    const wrap = lib.root.locator('.library-table-wrap')
    await wrap.evaluate((el) => (el.scrollTop = el.scrollHeight))
    const lastRow = lib.rows().last()
    await expect(lastRow).toBeVisible()
    // Filters see all of them too.
    await lib.root.getByLabel('单位', { exact: true }).selectOption('实验小学')
    await expect(lib.root.getByText(/^共 79 篇/)).toBeVisible()
    await lib.root.getByLabel('单位', { exact: true }).selectOption('')

    // The sidebar: a count, and every draft reachable by scrolling, the oldest imported one included.
    const sidebar = app.page.getByRole('complementary', { name: '草稿' })
    await expect(sidebar.locator('.draft-count')).toHaveText('634 篇')
    const scroll = sidebar.locator('.draft-scroll')
    const first = titles[0]
    await scroll.evaluate((el) => (el.scrollTop = el.scrollHeight))
    const oldest = sidebar.getByRole('button', { name: new RegExp(first) })
    for (let i = 0; i < 20 && !(await oldest.isVisible()); i++) await scroll.evaluate((el) => (el.scrollTop -= el.clientHeight / 2))
    await oldest.click()
    await expect(new EditorPage(app.page).title).toHaveText(first)
  })

  test('the search index is kept in a file of its own, read again at the next start and saved over while still being read; reports imported since are found', async ({ app }) => {
    // The origin private file system holds it (app:// is a secure origin, as the test origin is made to be).
    const indexFileBytes = () =>
      app.page.evaluate(async () => {
        try {
          const root = await navigator.storage.getDirectory()
          return (await (await root.getFileHandle('search-index.bin')).getFile()).size
        } catch {
          return 0
        }
      })
    // The first start indexes the archive (the blank draft) and saves the index.
    await expect.poll(indexFileBytes, { timeout: 30_000 }).toBeGreaterThan(0)
    const blank = await indexFileBytes()

    // Sixty is past what a start catches up without saving (archiveIndex.ts, SAVE_AFTER_CHANGES);
    // the reload comes before the ten idle seconds after which the index would be saved.
    const { lib, titles } = await importReports(app, 60)
    expect(await indexFileBytes()).toBe(blank)
    await app.reload()
    // The start reads the file, leaving most of it there to read later, catches up with the sixty
    // and saves over the file it is reading: it must let go of it first.
    await expect.poll(indexFileBytes, { timeout: 30_000 }).toBeGreaterThan(blank)

    await lib.open()
    await lib.root.getByRole('searchbox', { name: '全文搜索' }).fill('参训教师137人次')
    const results = lib.root.getByRole('region', { name: '搜索结果' })
    await expect(results).toContainText('找到 1 篇')
    await expect(results.getByRole('listitem')).toContainText(titles[36])
  })

  test('bulk actions ask once for all the selected reports; importing the same file again warns of duplicates', async ({ app }) => {
    const { lib, file } = await importReports(app)

    const dialogs: string[] = []
    app.page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.accept()
    })
    await lib.root.getByLabel('单位', { exact: true }).selectOption('实验小学')
    await expect(lib.rows()).toHaveCount(5)
    await lib.root.getByRole('checkbox', { name: '全选' }).check()
    await expect(lib.root.getByText('已选 5 篇')).toBeVisible()
    await lib.root.getByRole('button', { name: '删除所选' }).click()
    await expect(lib.rows()).toHaveCount(0)
    expect(dialogs).toHaveLength(1)
    expect(dialogs[0]).toContain('5 篇')
    await expect(lib.root.getByRole('button', { name: '回收站（5）' })).toBeVisible()

    await lib.root.getByLabel('单位', { exact: true }).selectOption('县教育局')
    await lib.root.getByRole('checkbox', { name: '全选' }).check()
    await lib.root.getByRole('button', { name: '定稿所选' }).click()
    await expect(lib.rows().filter({ hasText: '草稿' })).toHaveCount(0)
    await expect(lib.rows().filter({ hasText: '定稿' })).toHaveCount(5)
    expect(dialogs).toHaveLength(2)
    await lib.root.getByRole('button', { name: '全不选' }).click()
    await expect(lib.root.getByText('已选 0 篇')).toBeVisible()
    await lib.root.getByLabel('单位', { exact: true }).selectOption('')

    // The same file again: the 35 still in the archive are flagged and left out; the 5 in the trash are not.
    app.dialogs.openFiles.push([file])
    await lib.root.getByRole('button', { name: '导入文件…' }).click()
    await expect(lib.preview.getByRole('alert').filter({ hasText: '文档库中已有' })).toContainText('其中 35 篇')
    await expect(lib.preview.getByText('文档库中已有', { exact: true })).toHaveCount(35)
    await expect(lib.preview.getByRole('button', { name: /^导入 \d+ 篇$/ })).toHaveText('导入 5 篇')
    await lib.preview.getByRole('button', { name: '取消' }).click()
  })
})

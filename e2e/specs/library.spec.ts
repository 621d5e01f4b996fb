import { copyFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures/app'
import { CORPUS_DIR, corpusFile } from '../fixtures/corpus'
import { EditorPage } from '../pages/EditorPage'
import { LibraryPage } from '../pages/LibraryPage'

test.describe('the archive', () => {
  test('importing a folder previews every file, names the bad ones, and saves the reports found', async ({ app }) => {
    const files = ['000_', '002_', '004_'].map((p) => corpusFile(p))
    for (const f of files) await copyFile(join(CORPUS_DIR, f.name), join(app.dir, f.name))
    await writeFile(join(app.dir, '损坏的文件.docx'), Buffer.from('PK\u0003\u0004broken'))
    await writeFile(join(app.dir, '空文件.txt'), '')
    app.dialogs.folder.push(app.dir)

    const lib = new LibraryPage(app.page)
    await lib.open()
    await lib.root.getByRole('button', { name: '导入文件夹…' }).click()
    await expect(lib.preview).toBeVisible()
    const expected = files.flatMap((f) => f.gold.reports.map((r) => r.title))
    await expect(lib.preview.getByRole('button', { name: `导入 ${expected.length} 篇` })).toBeVisible()
    await expect(lib.preview.getByRole('region', { name: '损坏的文件.docx' }).getByRole('alert')).toContainText('Word 文档')
    await expect(lib.preview.getByRole('region', { name: '空文件.txt' }).getByRole('alert')).toContainText('空')

    // A removed line can be put back: it leaves the removed list.
    const file000 = lib.preview.getByRole('region', { name: files[0].name })
    await file000.locator('summary').click()
    const removed = file000.getByRole('list', { name: '已去除的内容' }).getByRole('listitem')
    const before = await removed.count()
    expect(before).toBeGreaterThan(0)
    const blurb = removed.filter({ hasText: '小编' }).first()
    const blurbText = await blurb.locator('.noise-text').textContent()
    await blurb.getByRole('button', { name: '恢复' }).click()
    await expect(removed).toHaveCount(before - 1)
    await expect(removed.filter({ hasText: blurbText! })).toHaveCount(0)

    await lib.preview.getByRole('button', { name: /^导入 \d+ 篇$/ }).click()
    await expect(lib.preview).toBeHidden()
    await expect(lib.rows()).not.toHaveCount(1) // more than the blank draft the app started with
    const titles = await lib.titles()
    for (const t of expected) expect(titles).toContain(t)

    // Open one: the editor shows its outline.
    await lib.openReport(files[1].gold.reports[0].title)
    const ed = new EditorPage(app.page)
    await expect(ed.title).toHaveText(files[1].gold.reports[0].title)
    await expect(ed.outline.getByRole('treeitem')).toHaveCount(files[1].gold.reports[0].headings.length)
  })

  test('filter and sort, finalize (read-only), reopen, delete to the trash and restore', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.type('2024年度工作总结')
    await app.page.getByLabel('类型').selectOption('annual')
    await ed.waitSaved()
    await ed.newBlankDraft()
    await ed.title.click()
    await ed.type('2025年上半年工作总结')
    await app.page.getByLabel('类型').selectOption('half-year')
    await app.page.getByLabel('期间').fill('2025年上半年')
    await ed.waitSaved()

    const lib = new LibraryPage(app.page)
    await lib.open()
    await expect(lib.rows()).toHaveCount(2)
    await lib.root.getByLabel('年度', { exact: true }).selectOption('2025')
    expect(await lib.titles()).toEqual(['2025年上半年工作总结'])
    await lib.root.getByLabel('年度', { exact: true }).selectOption('')
    await lib.root.getByLabel('类型', { exact: true }).selectOption('annual')
    expect(await lib.titles()).toEqual(['2024年度工作总结'])
    await lib.root.getByLabel('类型', { exact: true }).selectOption('')
    await lib.table.getByRole('button', { name: /^标题/ }).click()
    expect(await lib.titles()).toEqual(['2024年度工作总结', '2025年上半年工作总结'])

    // Finalize: the report opens read-only; reopening makes it editable again.
    await lib.row('2024年度工作总结').getByRole('button', { name: '定稿' }).click()
    await expect(lib.row('2024年度工作总结')).toContainText('定稿')
    await lib.openReport('2024年度工作总结')
    await expect(ed.content).toHaveAttribute('contenteditable', 'false')
    await lib.open()
    await lib.row('2024年度工作总结').getByRole('button', { name: '重新编辑' }).click()
    await lib.openReport('2024年度工作总结')
    await expect(ed.content).toHaveAttribute('contenteditable', 'true')

    // Delete goes to the trash, and comes back.
    await lib.open()
    app.page.once('dialog', (d) => void d.accept())
    await lib.row('2025年上半年工作总结').getByRole('button', { name: '删除 2025年上半年工作总结' }).click()
    await expect(lib.rows()).toHaveCount(1)
    await lib.root.getByRole('button', { name: /回收站/ }).click()
    await lib.root.getByRole('table', { name: '回收站' }).getByRole('button', { name: '恢复' }).click()
    await lib.root.getByRole('button', { name: /回收站/ }).click()
    await expect(lib.rows()).toHaveCount(2)
  })
})

test('leaving the editor for the library and coming back keeps the latest text (no stale reload)', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.type('第一版标题')
  await ed.waitSaved()
  const lib = new LibraryPage(app.page)
  await lib.open()
  await app.page.getByRole('button', { name: /^文档库/ }).click()
  await expect(ed.title).toHaveText('第一版标题')
  await ed.title.click()
  await ed.press('End')
  await ed.type('（修改）')
  await app.page.getByRole('button', { name: '设置与备份' }).click()
  await app.page.getByRole('button', { name: '设置与备份' }).click()
  await expect(ed.title).toHaveText('第一版标题（修改）')
  await ed.waitSaved()
  await app.reload()
  await expect(ed.title).toHaveText('第一版标题（修改）')
})

test('search the imported corpus for a phrase: results name the report and section, and open there', async ({ app }) => {
  for (const p of ['000_', '002_', '004_']) {
    const f = corpusFile(p)
    await copyFile(join(CORPUS_DIR, f.name), join(app.dir, f.name))
  }
  app.dialogs.folder.push(app.dir)
  const lib = new LibraryPage(app.page)
  await lib.open()
  await lib.root.getByRole('button', { name: '导入文件夹…' }).click()
  await lib.preview.getByRole('button', { name: /^导入 \d+ 篇$/ }).click()
  await expect(lib.preview).toBeHidden()

  const box = lib.root.getByRole('searchbox', { name: '全文搜索' })
  await box.fill('教师资格认定')
  const results = lib.root.getByRole('region', { name: '搜索结果' })
  await expect(results).toContainText('找到')
  const hits = results.getByRole('listitem')
  await expect(hits.first()).toContainText('教育局关于教师资格认定工作总结')
  // The phrase is highlighted as a whole in every snippet.
  for (const mark of await results.locator('mark').allTextContents()) expect(mark).toBe('教师资格认定')

  // Scattered characters are not a match: 教 … 认定 apart finds nothing.
  await box.fill('教师认定资格')
  await expect(results).toContainText('没有找到')

  // Within the filters: the kind filter narrows the results.
  await box.fill('学区')
  await expect(results).toContainText('找到')
  await lib.root.getByLabel('类型', { exact: true }).selectOption('annual')
  await expect(results.getByRole('listitem').filter({ hasText: '推进城乡教育' })).toHaveCount(0)
  await lib.root.getByLabel('类型', { exact: true }).selectOption('')

  // A hit in a section opens the report there.
  await box.fill('做好宣传工作')
  const hit = results.getByRole('listitem').first()
  await expect(hit).toContainText('二、主要做法')
  await hit.getByRole('button').click()
  const ed = new EditorPage(app.page)
  await expect(ed.title).toHaveText('教育局关于教师资格认定工作总结')
})

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../fixtures/app'
import { CORPUS_DIR } from '../fixtures/corpus'
import { hasLibreOffice, libreOfficePages } from '../fixtures/libreoffice'
import { EditorPage } from '../pages/EditorPage'
import { screenshot } from '../fixtures/screenshots'
import { LibraryPage } from '../pages/LibraryPage'

/** The seed reports: the numbered files at the top of the corpus. */
const SEEDS = readdirSync(CORPUS_DIR).filter((f) => /^\d{3}_.*\.txt$/.test(f))

async function importSeeds(app: { page: import('@playwright/test').Page; dialogs: { openFiles: string[][] } }): Promise<LibraryPage> {
  app.dialogs.openFiles.push(SEEDS.map((f) => join(CORPUS_DIR, f)))
  const lib = new LibraryPage(app.page)
  await lib.open()
  await lib.root.getByRole('button', { name: '导入文件…' }).click()
  await lib.preview.getByRole('button', { name: /^导入 \d+ 篇$/ }).click()
  await expect(lib.preview).toBeHidden()
  return lib
}

/** The seeds imported and one of them open, at a window size. */
async function openSeed(app: { page: import('@playwright/test').Page; dialogs: { openFiles: string[][] } }, title: string, viewport: { width: number; height: number }): Promise<EditorPage> {
  await app.page.setViewportSize(viewport)
  const lib = await importSeeds(app)
  await lib.openReport(title)
  const ed = new EditorPage(app.page)
  await expect(ed.title).toHaveText(title)
  return ed
}

/** The page view's count once it has laid the open report out. */
async function pagesShown(app: { page: import('@playwright/test').Page }): Promise<{ page: number; pages: number }> {
  const status = app.page.getByTestId('page-count')
  await expect(status).toHaveAttribute('data-measured', 'true')
  const m = /第 (\d+) 页，共 (\d+) 页/.exec((await status.textContent()) ?? '')
  return { page: Number(m?.[1]), pages: Number(m?.[2]) }
}

test.describe('the page view', () => {
  test('for every seed report the page count equals LibreOffice’s for the exported .docx', async ({ app }) => {
    test.skip(!hasLibreOffice, 'libreoffice or pdfinfo (poppler-utils) is not installed')
    test.setTimeout(600_000)
    const lib = await importSeeds(app)
    const titles = async () => (await lib.titles()).filter((t) => t && t !== '（未命名）')
    // As many reports as the corpus's outlines list for the seed files.
    const expected = SEEDS.reduce((n, f) => n + (JSON.parse(readFileSync(join(CORPUS_DIR, f.replace(/\.txt$/, '.outline.json')), 'utf8')) as { reports: unknown[] }).reports.length, 0)
    await expect.poll(async () => (await titles()).length).toBe(expected)
    const reports = await titles()
    const ed = new EditorPage(app.page)
    const shown = new Map<string, number>()
    for (const [i, title] of reports.entries()) {
      await lib.open()
      await lib.openReport(title)
      await expect(ed.title).toHaveText(title)
      shown.set(title, (await pagesShown(app)).pages)
      const file = join(app.dir, `seed-${i}.docx`)
      app.dialogs.save.push(file)
      await ed.press('Control+e')
      await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible()
      shown.set(file, shown.get(title)!)
    }
    const files = [...shown.keys()].filter((k) => k.endsWith('.docx'))
    const lo = await libreOfficePages(files)
    const rows = files.map((f, i) => ({ report: reports[i], pageView: shown.get(f), libreOffice: lo.get(f) }))
    console.table(rows)
    for (const r of rows) expect(r.pageView, r.report).toBe(r.libreOffice)
  })
})

test.describe('the page view on screen', () => {
  test('page breaks and page numbers where the pages break; the caret’s page in the status bar', async ({ app }, testInfo) => {
    const ed = await openSeed(app, '年度教育局工作总结1', { width: 1366, height: 768 })
    const { pages } = await pagesShown(app)
    expect(pages).toBeGreaterThan(2)
    // One break a page after the first, each with its number in the margin.
    const breaks = app.page.locator('.page-break')
    await expect(breaks).toHaveCount(pages - 1)
    await expect(breaks.nth(1).locator('.page-label')).toHaveText('第 3 页')
    // Every page but the last holds 22 lines or fewer: the distance between breaks.
    const tops = await breaks.evaluateAll((els) => els.map((el) => (el as HTMLElement).offsetTop))
    const pitch = await app.page.locator('.page').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
    for (let i = 1; i < tops.length; i++) expect((tops[i] - tops[i - 1]) / pitch).toBeLessThanOrEqual(22.05)
    // The caret at the end: the last page; at the title: the first.
    await ed.content.locator(':scope > *').last().click()
    await ed.press('Control+End')
    await expect(app.page.getByTestId('page-count')).toHaveText(`第 ${pages} 页，共 ${pages} 页`)
    await ed.press('Control+Home')
    await expect(app.page.getByTestId('page-count')).toHaveText(`第 1 页，共 ${pages} 页`)
    // The third page's first line, and the caret there says 第 3 页.
    await breaks.nth(1).scrollIntoViewIfNeeded()
    const box = (await breaks.nth(1).boundingBox())!
    await app.page.mouse.click(box.x + box.width / 2, box.y + pitch / 2)
    await expect(app.page.getByTestId('page-count')).toHaveText(`第 3 页，共 ${pages} 页`)
    await app.page.mouse.wheel(0, -pitch * 3)
    await app.page.getByRole('button', { name: '关闭' }).click()
    await screenshot(app.page, testInfo, 'page-view.png')

    // Typing on follows: 50 more full lines are two or three more pages, and the caret is on the last; undo takes them back.
    await ed.clickIn(ed.content.locator(':scope > *').last())
    await ed.press('Control+End')
    await ed.press('Enter')
    await ed.type('补充说明：'.repeat(280))
    const shown = async () => /共 (\d+) 页/.exec((await app.page.getByTestId('page-count').textContent()) ?? '')?.[1]
    await expect.poll(async () => Number(await shown())).toBeGreaterThanOrEqual(pages + 2)
    expect(Number(await shown())).toBeLessThanOrEqual(pages + 3)
    await expect(app.page.getByTestId('page-count')).toHaveText(/第 (\d+) 页，共 \1 页/)
    await ed.press('Control+z')
    await expect(app.page.getByTestId('page-count')).toHaveText(new RegExp(`共 ${pages} 页`))
  })

  test('at 1024×700 the page fits its width with no sideways scrolling; Ctrl+wheel and the control zoom', async ({ app }, testInfo) => {
    const ed = await openSeed(app, '年度教育局工作总结2', { width: 1024, height: 700 })
    const before = await pagesShown(app)
    const scroller = app.page.locator('.page-scroll')
    const noSideways = () => scroller.evaluate((el) => el.scrollWidth <= el.clientWidth && document.documentElement.scrollWidth <= document.documentElement.clientWidth)
    await expect.poll(noSideways).toBe(true)
    const percent = app.page.getByTestId('zoom-percent')
    const fitted = Number((await percent.textContent())!.replace('%', ''))
    expect(fitted).toBeLessThan(100)
    expect(fitted).toBeGreaterThanOrEqual(60)
    // The whole line of text is inside the window: its right edge is left of the scroller's.
    const page = (await app.page.locator('.page').boundingBox())!
    const view = (await scroller.boundingBox())!
    expect(page.x).toBeGreaterThanOrEqual(view.x)
    expect(page.x + page.width).toBeLessThanOrEqual(view.x + view.width)
    // Ctrl+wheel zooms in 10 % a notch; lines do not re-wrap, so the page count stays.
    await ed.content.hover()
    await app.page.keyboard.down('Control')
    await app.page.mouse.wheel(0, -100)
    await app.page.keyboard.up('Control')
    await expect(percent).toHaveText(`${fitted + 10}%`)
    await app.page.getByRole('button', { name: '缩小' }).click()
    await expect(percent).not.toHaveText(`${fitted + 10}%`)
    await app.page.getByRole('button', { name: '适合页宽' }).click()
    await expect(percent).toHaveText(`${fitted}%`)
    await expect.poll(noSideways).toBe(true)
    expect((await pagesShown(app)).pages).toBe(before.pages)
    await app.page.screenshot({ path: testInfo.outputPath('1024x700.png') })
  })
})

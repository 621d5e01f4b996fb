import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'
import { screenshot } from '../fixtures/screenshots'

const REPORT = [
  '2025年工作总结',
  '今年以来，教师培训工作扎实推进，制作PPT与ppt课件，现将有关情况总结如下：',
  '一、教师培训工作',
  '（一）加强教师培训',
  '全年组织教师培训12次，参训教师达到８００人次。',
  '二、下一步打算',
  '继续抓好教师培训。'
].join('\n')

/** The text under each mark the find bar painted (CSS Custom Highlight API), in document order. */
async function marked(page: Page, name = 'find-match'): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name)
}

async function pasteReport(ed: EditorPage): Promise<void> {
  await ed.title.click()
  await ed.pasteText(REPORT)
  await expect.poll(() => ed.headingTexts()).toEqual(['一、教师培训工作', '（一）加强教师培训', '二、下一步打算'])
  await ed.clickIn(ed.title)
  await ed.press('Home')
}

test.describe('find and replace', () => {
  test('Ctrl+F marks every match, headings included, with the count; F3, Shift+F3 and Enter move through them', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await pasteReport(ed)
    await ed.press('Control+f')
    const bar = app.page.getByRole('search', { name: '查找和替换' })
    await expect(bar).toBeVisible()
    await expect(bar.getByRole('textbox', { name: '查找内容' })).toBeFocused()
    await app.page.keyboard.type('教师培训')
    const count = app.page.getByTestId('find-count')
    await expect(count).toHaveText('第 1 处，共 5 处')
    await expect.poll(() => marked(app.page)).toEqual(Array(5).fill('教师培训'))
    // The second and third are in the headings.
    await app.page.keyboard.press('F3')
    await expect(count).toHaveText('第 2 处，共 5 处')
    await expect.poll(() => app.page.evaluate(() => [...(CSS.highlights.get('find-current') ?? [])].map((r) => (r as Range).startContainer.parentElement?.closest('.section-heading')?.textContent))).toEqual(['教师培训工作'])
    await app.page.keyboard.press('Enter')
    await expect(count).toHaveText('第 3 处，共 5 处')
    await app.page.keyboard.press('Shift+F3')
    await expect(count).toHaveText('第 2 处，共 5 处')
    await app.page.keyboard.press('Shift+Enter')
    await app.page.keyboard.press('Shift+Enter')
    await expect(count).toHaveText('第 5 处，共 5 处')
    // Escape closes the bar, clears the marks and leaves the caret on the match: typing replaces it.
    await app.page.keyboard.press('Escape')
    await expect(bar).toBeHidden()
    await expect.poll(() => marked(app.page)).toEqual([])
    await ed.selectionSettled()
    await ed.type('师资建设')
    await expect(ed.content.locator('.body-paragraph').last()).toHaveText('继续抓好师资建设。')
  })

  test('full-width and half-width alike, and match case, are options', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await pasteReport(ed)
    await ed.press('Control+f')
    await app.page.keyboard.type('800')
    const count = app.page.getByTestId('find-count')
    await expect(count).toHaveText('第 1 处，共 1 处')
    await expect.poll(() => marked(app.page)).toEqual(['８００'])
    await app.page.getByRole('checkbox', { name: '全角半角视为相同' }).uncheck()
    await expect(count).toHaveText('没有找到')
    await app.page.getByRole('checkbox', { name: '全角半角视为相同' }).check()
    await expect(count).toHaveText('第 1 处，共 1 处')
    await app.page.getByRole('textbox', { name: '查找内容' }).fill('ppt')
    await expect(count).toHaveText('第 1 处，共 2 处')
    await app.page.getByRole('checkbox', { name: '区分大小写' }).check()
    await expect(count).toHaveText('第 1 处，共 1 处')
    await expect.poll(() => marked(app.page)).toEqual(['ppt'])
  })

  test('Ctrl+H replaces one, then all the rest in headings and text as one undo step', async ({ app }, testInfo) => {
    await app.page.setViewportSize({ width: 1366, height: 768 })
    const ed = new EditorPage(app.page)
    await pasteReport(ed)
    await ed.press('Control+h')
    const bar = app.page.getByRole('search', { name: '查找和替换' })
    await app.page.keyboard.type('教师培训')
    await bar.getByRole('textbox', { name: '替换为' }).fill('师资培训')
    const count = app.page.getByTestId('find-count')
    await expect(count).toHaveText('第 1 处，共 5 处')
    await app.page.keyboard.press('F3')
    await screenshot(app.page, testInfo, 'find-replace.png')
    await app.page.keyboard.press('Shift+F3')
    await bar.getByRole('button', { name: '替换', exact: true }).click()
    // The first (in the opening paragraph) is replaced; the next one is current.
    await expect(count).toHaveText('第 1 处，共 4 处')
    await expect(ed.content.locator('.body-paragraph').first()).toContainText('今年以来，师资培训工作')
    await bar.getByRole('button', { name: '全部替换' }).click()
    await expect(count).toHaveText('已替换 4 处')
    await expect.poll(() => ed.headingTexts()).toEqual(['一、师资培训工作', '（一）加强师资培训', '二、下一步打算'])
    await expect(ed.content).not.toContainText('教师培训')
    await app.page.keyboard.press('Escape')
    await expect(bar).toBeHidden()
    await ed.selectionSettled()
    // One Ctrl+Z takes back all four, headings included; a second one the first replacement.
    await ed.press('Control+z')
    await expect.poll(() => ed.headingTexts()).toEqual(['一、教师培训工作', '（一）加强教师培训', '二、下一步打算'])
    await expect(ed.content.locator('.body-paragraph').first()).toContainText('今年以来，师资培训工作')
    await expect(ed.content.locator('.body-paragraph').last()).toHaveText('继续抓好教师培训。')
    await ed.press('Control+z')
    await expect(ed.content.locator('.body-paragraph').first()).toContainText('今年以来，教师培训工作')
  })

  test('the menu items do what the keys do', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await pasteReport(ed)
    const menu = (id: string) => app.page.evaluate((c) => (window as unknown as { __zongjieEmit(e: string, p: unknown): void }).__zongjieEmit('menuCommand', c), id)
    await menu('replace')
    const bar = app.page.getByRole('search', { name: '查找和替换' })
    await expect(bar.getByRole('textbox', { name: '替换为' })).toBeVisible()
    await app.page.keyboard.type('教师')
    await expect(app.page.getByTestId('find-count')).toHaveText('第 1 处，共 6 处')
    await menu('find-next')
    await expect(app.page.getByTestId('find-count')).toHaveText('第 2 处，共 6 处')
    await menu('find-previous')
    await expect(app.page.getByTestId('find-count')).toHaveText('第 1 处，共 6 处')
  })
})

test('a search hit in the library opens its report with the phrase marked, in the section it was found in', async ({ app }) => {
  const { LibraryPage } = await import('../pages/LibraryPage')
  const { CORPUS_DIR, corpusFile } = await import('../fixtures/corpus')
  const { join } = await import('node:path')
  app.dialogs.openFiles.push([join(CORPUS_DIR, corpusFile('004_').name)])
  const lib = new LibraryPage(app.page)
  await lib.open()
  await lib.root.getByRole('button', { name: '导入文件…' }).click()
  await lib.preview.getByRole('button', { name: /^导入 \d+ 篇$/ }).click()
  await expect(lib.preview).toBeHidden()
  await lib.root.getByRole('searchbox', { name: '全文搜索' }).fill('做好宣传工作')
  const hit = lib.root.getByRole('region', { name: '搜索结果' }).getByRole('listitem').first()
  await expect(hit).toContainText('二、主要做法')
  await hit.getByRole('button').click()
  const ed = new EditorPage(app.page)
  await expect(ed.title).toHaveText('教育局关于教师资格认定工作总结')
  // The phrase is marked and current, in 二、主要做法, and in view.
  await expect.poll(() => marked(app.page, 'find-current')).toEqual(['做好宣传工作'])
  await expect(app.page.getByTestId('find-count')).toHaveText(/^第 \d+ 处，共 \d+ 处$/)
  const inSection = await app.page.evaluate(() => {
    const range = [...(CSS.highlights.get('find-current') ?? [])][0] as Range
    const block = range.startContainer.parentElement?.closest('.editor-content > *')
    let n = block as Element | null
    while (n && !(n.classList.contains('section-heading') && n.classList.contains('level-1'))) n = n.previousElementSibling
    const r = range.getBoundingClientRect()
    const view = document.querySelector('.page-scroll')!.getBoundingClientRect()
    return { heading: n ? `${(n as HTMLElement).dataset.marker}${n.textContent}` : '', visible: r.top >= view.top && r.bottom <= view.bottom }
  })
  expect(inSection).toEqual({ heading: '二、主要做法', visible: true })
})

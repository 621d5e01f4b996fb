import { expect, test } from '../fixtures/app'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { readDocxComments } from '../../src/main/services/docx-comments-reader'
import { LibraryPage } from '../pages/LibraryPage'
import { screenshot } from '../fixtures/screenshots'
import { addAccount, assign, comment, commentsPanel, openDesk, openDraft, shareWith, signIn, startOffice, textOf, type Account, type Desk, type Office } from '../fixtures/office'

const SCREENSHOT_REPORT = [
  '2026年，我局在县委、县政府的坚强领导下，深入推进教育强县建设，各项工作取得新成效。现将全年工作总结如下：',
  '一、主要工作完成情况',
  '（一）学前教育普及普惠',
  '全年新建公办幼儿园3所，新增学位1080个，学前三年毛入园率达到93.5%。',
  '（二）义务教育优质均衡',
  '投入资金6267.4万元改善农村学校办学条件，义务教育巩固率保持100%。',
  '二、存在的问题',
  '城乡教育资源配置仍不均衡，农村学校教师结构性缺编问题较为突出。',
  '三、2027年工作打算',
  '（一）继续推进学前教育扩容提质',
  '力争新建公办幼儿园2所，新增学位720个。'
].join('\n')

const REPORT = ['一、工作完成情况', '全年新建幼儿园3所。', '二、存在的问题', '城乡差距仍然存在。', '三、下一步工作打算', '继续推进学前教育。'].join('\n')

/** Every character of `typed`, in order, somewhere in `text` (another clerk's typing may sit between them). */
function containsInOrder(text: string, typed: string): boolean {
  let i = 0
  for (const ch of text) if (i < typed.length && ch === typed[i]) i++
  return i === typed.length
}

test.describe('two desks on one office server', () => {
  // Two desks, each signing in and reloading, on a shared 2-core machine: room for a slow minute.
  test.describe.configure({ mode: 'serial', timeout: 120_000 })
  let office: Office
  let owner: Account
  let colleague: Account
  let a: Desk
  let b: Desk

  test.beforeAll(async ({ shell, lazyBrowser }) => {
    test.skip(shell === 'electron', 'two desks are two browser contexts of the renderer build; the Electron app is one window')
    const browser = await lazyBrowser()
    office = await startOffice()
    owner = await addAccount(office, '王主任', '办公室')
    colleague = await addAccount(office, '李干事', '教育股')
    a = await openDesk(browser)
    b = await openDesk(browser)
  })
  test.afterAll(async () => {
    await a?.close()
    await b?.close()
    await office?.stop()
  })

  test('the owner shares a report; the colleague finds it among the drafts and sees the same text, numbers computed', async () => {
    await signIn(a, office, owner)
    await a.editor.title.click()
    await a.editor.type('2026年教育局工作总结')
    await a.editor.press('End')
    await a.editor.press('Enter')
    await a.editor.pasteText(REPORT)
    await expect.poll(() => a.editor.headingTexts()).toEqual(['一、工作完成情况', '二、存在的问题', '三、下一步工作打算'])
    // The share dialog behaves as every dialog: focus inside it, Escape cancels and shares nothing.
    await a.page.getByRole('button', { name: /^共享/ }).click()
    const sharing = a.page.getByRole('dialog', { name: '共享报告' })
    await expect(sharing.locator(':focus')).toHaveCount(1)
    await a.page.keyboard.press('Escape')
    await expect(sharing).toBeHidden()
    await expect(a.page.locator('.collab-status')).toHaveCount(0)
    await shareWith(a, ['李干事'])
    await expect(a.page.locator('.collab-status')).toContainText('已连接')
    await expect.poll(() => a.editor.headingTexts()).toEqual(['一、工作完成情况', '二、存在的问题', '三、下一步工作打算'])

    await signIn(b, office, colleague)
    await openDraft(b, '2026年教育局工作总结')
    await expect(b.page.locator('.collab-status')).toContainText('王主任 共享的报告')
    await expect.poll(() => textOf(b)).toBe(await textOf(a))
    await expect.poll(() => b.editor.headingTexts()).toEqual(['一、工作完成情况', '二、存在的问题', '三、下一步工作打算'])
    // The colleague's local record receives the model: the outline (and search, checks, export) read it.
    await expect.poll(() => b.editor.outlineNames()).toEqual(['一、工作完成情况', '二、存在的问题', '三、下一步工作打算'])
    // Each sees the other's name on a caret once both have a selection in the page.
    await a.editor.placeCaretAfter('全年新建幼儿园3所。')
    await b.editor.placeCaretAfter('城乡差距仍然存在。')
    await expect(a.page.locator('.collab-cursors')).toContainText('李干事')
    await expect(b.page.locator('.collab-cursors')).toContainText('王主任')
  })

  test('typing at once into different sections and into the same paragraph: both end with the same text, nothing lost', async () => {
    const inA = '甲补充一二三四五'
    const inB = '乙补充六七八九十'
    await a.editor.placeCaretAfter('全年新建幼儿园3所。')
    await b.editor.placeCaretAfter('城乡差距仍然存在。')
    await Promise.all([a.page.keyboard.type(inA, { delay: 40 }), b.page.keyboard.type(inB, { delay: 40 })])
    const sameA = 'AAAAAaaaaa'
    const sameB = 'BBBBBbbbbb'
    await a.editor.placeCaretAfter('继续推进')
    await b.editor.placeCaretAfter('继续推进')
    await Promise.all([a.page.keyboard.type(sameA, { delay: 40 }), b.page.keyboard.type(sameB, { delay: 40 })])
    await expect.poll(async () => (await textOf(a)) === (await textOf(b)), { timeout: 15_000 }).toBe(true)
    const text = await textOf(a)
    expect(text).toContain(`全年新建幼儿园3所。${inA}`)
    expect(text).toContain(`城乡差距仍然存在。${inB}`)
    for (const typed of [sameA, sameB]) expect(containsInOrder(text, typed), typed).toBe(true)

    // Undo is each clerk's own: Ctrl+Z takes back what this desk typed, never the colleague's.
    // From here on desk A types as fast as a quick clerk, however loaded the machine: only its caret's moves part the undo steps.
    const captureWindow = await a.editor.setUndoCaptureWindow(120_000)
    await a.editor.placeCaretAfter(inA)
    await a.page.keyboard.type('（甲的改动）')
    await b.editor.placeCaretAfter(inB)
    await b.page.keyboard.type('（乙的改动）')
    await expect.poll(() => textOf(a)).toContain('（乙的改动）')
    await a.page.waitForTimeout(600)
    await a.page.keyboard.press('Control+z')
    for (const desk of [a, b]) {
      await expect.poll(() => textOf(desk)).not.toContain('（甲的改动）')
      const after = await textOf(desk)
      expect(after).toContain('（乙的改动）')
      // Only the last edit goes: what this desk typed before it stays.
      expect(after).toContain(`全年新建幼儿园3所。${inA}`)
      expect(containsInOrder(after, sameA), sameA).toBe(true)
    }
    await a.editor.setUndoCaptureWindow(captureWindow)
  })

  test('a desk that goes offline keeps typing; back online, both merge', async () => {
    await b.context.setOffline(true)
    await expect(b.page.locator('.collab-status')).toContainText('离线')
    await b.editor.placeCaretAfter('学前教育。')
    await b.page.keyboard.type('（离线补充）', { delay: 20 })
    await a.editor.placeCaretAfter('全年新建幼儿园3所。')
    await a.page.keyboard.type('（在线补充）', { delay: 20 })
    await a.page.waitForTimeout(500)
    expect(await textOf(a)).not.toContain('离线补充')
    expect(await textOf(b)).not.toContain('在线补充')
    await b.context.setOffline(false)
    await expect(b.page.locator('.collab-status')).toContainText('已连接')
    await expect.poll(async () => (await textOf(a)) === (await textOf(b)), { timeout: 15_000 }).toBe(true)
    const text = await textOf(a)
    expect(text).toContain('（离线补充）')
    expect(text).toContain('（在线补充）')
  })

  test('批注: one comments, the other replies, the first resolves; they survive a reload, go into the .docx and read back from it', async () => {
    await comment(a, '幼儿园3所', '请核实数字，是否含民办园？')
    const panelB = await commentsPanel(b)
    const thread = panelB.getByRole('listitem', { name: '王主任的批注' })
    await expect(thread).toContainText('请核实数字，是否含民办园？')
    await expect(thread).toContainText('“幼儿园3所”')
    await thread.getByLabel('回复').fill('含民办园1所，已核实。')
    await thread.getByRole('button', { name: '回复' }).click()
    const panelA = await commentsPanel(a)
    const threadA = panelA.getByRole('listitem', { name: '王主任的批注' })
    await expect(threadA).toContainText('含民办园1所，已核实。')
    await expect(a.editor.content.locator('mark')).toHaveText('幼儿园3所')

    await comment(b, '城乡差距', '这一条写具体些。')
    await expect(panelA.getByRole('listitem', { name: '李干事的批注' })).toContainText('这一条写具体些。')
    await threadA.getByRole('button', { name: '解决' }).click()
    await expect(thread).toHaveCount(0)
    await expect(panelB.getByText('显示已解决的 1 条')).toBeVisible()

    for (const desk of [a, b]) {
      await desk.page.reload()
      await desk.page.locator('.collab-status').waitFor()
      const panel = await commentsPanel(desk)
      await expect(panel.getByRole('listitem', { name: '李干事的批注' })).toContainText('这一条写具体些。')
      await panel.getByLabel(/显示已解决/).check()
      await expect(panel.getByRole('listitem', { name: '王主任的批注' })).toContainText('含民办园1所，已核实。')
    }

    const target = join(a.dir, '共享总结.docx')
    a.dialogs.save.push(target)
    await a.page.getByRole('button', { name: '导出 Word' }).click()
    await expect(a.page.getByRole('status').filter({ hasText: '已导出' })).toContainText(target)
    const data = await readFile(target)
    const xml = await (await JSZip.loadAsync(data)).file('word/comments.xml')!.async('string')
    expect(xml).toContain('请核实数字，是否含民办园？')
    const back = await readDocxComments(data)
    expect(back.map((c) => [c.thread.author, c.thread.text, c.quote, !!c.thread.resolved, c.thread.replies.map((r) => `${r.author}：${r.text}`)])).toEqual([
      ['王主任', '请核实数字，是否含民办园？', '幼儿园3所', true, ['李干事：含民办园1所，已核实。']],
      ['李干事', '这一条写具体些。', '城乡差距', false, []]
    ])
  })

  test('sections assigned to people: the outline shows who writes what; a limited colleague writes only there, and the server refuses the rest', async () => {
    await shareWith(a, ['李干事'], { limited: true })
    await a.page.getByRole('tab', { name: '大纲' }).click()
    const row = a.editor.outlineItem('二、存在的问题')
    await row.hover()
    await row.getByRole('button', { name: '分配“二、存在的问题”' }).click()
    const dialog = a.page.getByRole('dialog', { name: '分工' })
    await dialog.getByLabel('负责人或科室').selectOption({ label: '李干事' })
    await dialog.getByLabel('完成期限').fill('2026-12-20')
    await dialog.getByRole('button', { name: '确定' }).click()
    await expect(row.getByRole('button', { name: /^分工：/ })).toHaveText('李干事 · 待写 · 12月20日')

    // The colleague's app learns of the limit at its next sync (here: on reloading).
    await b.page.reload()
    await b.page.locator('.collab-status').waitFor()
    await b.page.getByRole('tab', { name: '大纲' }).click()
    const rowB = b.editor.outlineItem('二、存在的问题')
    await expect(rowB.getByRole('button', { name: /^分工：/ })).toHaveText('李干事 · 待写 · 12月20日')
    await expect(b.editor.content.locator('.collab-locked').first()).toBeVisible()

    await b.editor.placeCaretAfter('乙补充六七八九十')
    await b.page.keyboard.type('（乙负责部分）')
    await expect.poll(() => textOf(a)).toContain('（乙负责部分）')
    const before = await textOf(b)
    await b.editor.placeCaretAfter('甲补充一二三四五')
    await b.page.keyboard.type('越权')
    await expect(b.page.getByRole('status').filter({ hasText: '这部分不归您负责' })).toBeVisible()
    expect(await textOf(b)).toBe(before)

    await rowB.getByRole('button', { name: /^分工：/ }).click()
    const mark = b.page.getByRole('dialog', { name: '分工' })
    await expect(mark.getByLabel('已审')).toBeDisabled()
    await mark.getByLabel('已写').check()
    await mark.getByRole('button', { name: '确定' }).click()
    await expect(row.getByRole('button', { name: /^分工：/ })).toHaveText('李干事 · 已写 · 12月20日')

    // Past the page: a change made in the editor's state directly. The server refuses it, and the
    // colleague's desk drops it and takes the server's text again.
    await forceTextInto(b, '全年新建', '（强行改动）')
    await expect(b.page.getByRole('alert').filter({ hasText: '服务器拒绝了' })).toBeVisible({ timeout: 15_000 })
    await expect.poll(() => textOf(b), { timeout: 15_000 }).not.toContain('（强行改动）')
    await expect.poll(() => textOf(b)).toBe(await textOf(a))
    expect(await textOf(a)).not.toContain('（强行改动）')
  })

  test('the office archive: finalising the shared report, or publishing any report, puts it in every member\'s archive, read-only and marked 办公室', async () => {
    const libA = new LibraryPage(a.page)
    await libA.open()
    await libA.row('2026年教育局工作总结').getByRole('button', { name: '定稿' }).click()
    await expect(a.page.getByRole('status').filter({ hasText: '发布到办公室文档库' })).toBeVisible()

    await a.editor.newBlankDraft()
    await a.editor.title.click()
    await a.editor.type('2025年财务工作总结')
    await a.editor.press('End')
    await a.editor.press('Enter')
    await a.editor.type('全年预算执行率98%。')
    await a.page.getByRole('button', { name: '发布到办公室…' }).click()
    const publish = a.page.getByRole('dialog', { name: '发布到办公室' })
    await publish.getByRole('button', { name: '发布' }).click()
    await expect(a.page.getByRole('status').filter({ hasText: '已发布到办公室文档库' })).toBeVisible()

    await b.page.reload()
    await b.page.locator('.editor-content').waitFor()
    const libB = new LibraryPage(b.page)
    await libB.open()
    for (const title of ['2026年教育局工作总结', '2025年财务工作总结']) {
      const row = libB.row(title)
      await expect(row).toContainText('办公室')
      await expect(row).toContainText('定稿')
      await expect(row.getByRole('button', { name: '重新编辑' })).toHaveCount(0)
    }
    await libB.openReport('2025年财务工作总结')
    await expect(b.editor.content).toHaveAttribute('contenteditable', 'false')
    await expect(b.editor.content).toContainText('全年预算执行率98%。')
    // The shared report became its final, published text here too.
    await libB.open()
    await libB.openReport('2026年教育局工作总结')
    await expect(b.editor.content).toHaveAttribute('contenteditable', 'false')
    await expect(b.editor.content).toContainText('（乙负责部分）')
  })

  test('what two collaborators see: names on carets, the outline with assignments, a comment thread', async ({}, testInfo) => {
    await a.editor.newBlankDraft()
    await a.editor.title.click()
    await a.editor.type('2026年度教育工作总结')
    await a.editor.press('End')
    await a.editor.press('Enter')
    await a.editor.pasteText(SCREENSHOT_REPORT)
    await expect.poll(() => a.editor.headingTexts()).toHaveLength(6)
    await shareWith(a, ['李干事'])
    await assign(a, '（一）学前教育普及普惠', '办公室（全科室）', '2026-12-15')
    await assign(a, '（二）义务教育优质均衡', '李干事', '2026-12-20')
    await assign(a, '二、存在的问题', '李干事', '2026-12-20')
    await b.page.reload()
    await b.page.locator('.editor-content').waitFor()
    await openDraft(b, '2026年度教育工作总结')
    await expect.poll(() => textOf(b)).toBe(await textOf(a))
    await b.editor.placeCaretAfter('义务教育巩固率保持100%。')
    await b.page.keyboard.type('全县18所学校通过县域义务教育优质均衡发展督导评估。')
    await comment(a, '新增学位1080个', '请与统计年报核对学位数。')
    const card = a.page.getByRole('dialog', { name: '批注' })
    const threadB = (await commentsPanel(b)).getByRole('listitem', { name: '王主任的批注' })
    await threadB.getByLabel('回复').fill('已核对，与年报一致。')
    await threadB.getByRole('button', { name: '回复' }).click()
    await expect(card).toContainText('已核对，与年报一致。')
    // Back in the text: a caret is drawn for a colleague whose editor has the focus.
    await b.editor.content.focus()
    await b.editor.placeCaretAfter('优质均衡发展督导评估。')
    await a.editor.placeCaretAfter('学前三年毛入园率达到93.5%。')
    await a.page.locator('mark', { hasText: '新增学位1080个' }).click()
    await expect(card).toBeVisible()
    await a.page.getByRole('tab', { name: '大纲' }).click()
    await expect(a.page.locator('.collab-cursors')).toContainText('李干事')
    await a.page.mouse.move(0, 0)
    await screenshot(a.page, testInfo, 'collaboration.png')
  })

  test('a colleague\'s caret is drawn where they are in the text, on a zoomed page too', async () => {
    await a.page.getByRole('button', { name: '放大' }).click()
    await expect(a.page.getByRole('group', { name: '缩放' })).not.toContainText('100%')
    await b.editor.content.focus()
    await b.editor.placeCaretAfter('学前教育普及普惠')
    // On a's page: the end of that text, and 李干事's caret (the 1-pixel bar carrying the name).
    const offBy = () =>
      a.editor.content.evaluate((root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        let end: DOMRect | null = null
        for (let n = walker.nextNode(); n && !end; n = walker.nextNode()) {
          const i = n.textContent?.indexOf('学前教育普及普惠') ?? -1
          if (i < 0) continue
          const range = document.createRange()
          range.setStart(n, i + '学前教育普及普惠'.length)
          end = range.getBoundingClientRect()
        }
        const caret = [...document.querySelectorAll<HTMLElement>('.collab-cursors span')].find((s) => s.style.width === '1px' && s.textContent?.includes('李干事'))
        if (!end || !caret) return Infinity
        const at = caret.getBoundingClientRect()
        return Math.abs(at.left - end.left) + Math.abs(at.top - end.top)
      })
    await expect.poll(offBy).toBeLessThan(3)
    await a.page.getByRole('button', { name: '适合页宽' }).click()
  })

  test('switching between two shared reports: each opens with its own text, before and after a reload', async () => {
    const reports = [
      { title: '2027年人事科工作总结', body: '人事科全年完成招聘42人。' },
      { title: '2027年基教科工作总结', body: '基教科全年督导学校36所。' }
    ]
    for (const r of reports) {
      await a.editor.newBlankDraft()
      await a.editor.title.click()
      await a.editor.type(r.title)
      await a.editor.press('End')
      await a.editor.press('Enter')
      await a.editor.type(r.body)
      await shareWith(a, ['李干事'])
      await expect(a.page.locator('.collab-status')).toContainText('已连接')
    }
    const showsOnly = async (r: (typeof reports)[number]) => {
      await expect(a.editor.title).toHaveText(r.title)
      await expect(a.editor.content).toContainText(r.body)
      for (const other of reports) if (other !== r) await expect(a.editor.content).not.toContainText(other.body)
    }
    for (const r of [reports[0], reports[1], reports[0]]) {
      await openDraft(a, r.title)
      await showsOnly(r)
    }
    await a.page.reload()
    await a.page.locator('.editor-content').waitFor()
    for (const r of [reports[1], reports[0]]) {
      await openDraft(a, r.title)
      await showsOnly(r)
    }
  })

  test('定稿所选 in the library publishes the shared reports among the selection, as a single 定稿 does', async () => {
    const libA = new LibraryPage(a.page)
    await libA.open()
    a.page.once('dialog', (d) => void d.accept())
    await libA.row('2026年度教育工作总结').getByRole('checkbox').check()
    await libA.root.getByRole('button', { name: '定稿所选' }).click()
    await expect(a.page.getByRole('status').filter({ hasText: '已定稿 1 篇。其中 1 篇共享报告已发布到办公室文档库。' })).toBeVisible()

    await b.page.reload()
    await b.page.locator('.editor-content').waitFor()
    const libB = new LibraryPage(b.page)
    await libB.open()
    const row = libB.row('2026年度教育工作总结')
    await expect(row).toContainText('办公室')
    await expect(row).toContainText('定稿')
  })

})

/**
 * Changes a text of the report through the page's editor object itself, as any script in the page
 * could, with no UI in the way: the office server is what must refuse it.
 */
async function forceTextInto(desk: Desk, textStart: string, added: string): Promise<void> {
  await desk.editor.content.evaluate(
    (root, [start, more]) => {
      type TextNode = { __type: string; getTextContent(): string; setTextContent(t: string): void }
      const editor = (root as unknown as { __lexicalEditor: { update(fn: () => void, o?: object): void; _pendingEditorState: { _nodeMap: Map<string, TextNode> } } }).__lexicalEditor
      editor.update(
        () => {
          const node = [...editor._pendingEditorState._nodeMap.values()].find((n) => n.__type === 'text' && n.getTextContent().startsWith(start))
          if (!node) throw new Error(`no text starting with ${start}`)
          node.setTextContent(node.getTextContent() + more)
        },
        { discrete: true }
      )
    },
    [textStart, added] as const
  )
}
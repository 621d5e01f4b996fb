import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { readDocxComments } from '../../src/main/services/docx-comments-reader'
import { addAccount, comment, commentsPanel, openDesk, openDraft, shareWith, signIn, startOffice, textOf, type Account, type Desk, type Office } from '../fixtures/office'

const REPORT = ['一、工作完成情况', '全年新建幼儿园3所。', '二、存在的问题', '城乡差距仍然存在。', '三、下一步工作打算', '继续推进学前教育。'].join('\n')

/** Every character of `typed`, in order, somewhere in `text` (another clerk's typing may sit between them). */
function containsInOrder(text: string, typed: string): boolean {
  let i = 0
  for (const ch of text) if (i < typed.length && ch === typed[i]) i++
  return i === typed.length
}

test.describe('two desks on one office server', () => {
  test.describe.configure({ mode: 'serial' })
  let office: Office
  let owner: Account
  let colleague: Account
  let a: Desk
  let b: Desk

  test.beforeAll(async ({ browser }) => {
    test.skip(test.info().project.name !== 'renderer', 'two desks are two browser contexts of the renderer build; the Electron app is one window')
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
})

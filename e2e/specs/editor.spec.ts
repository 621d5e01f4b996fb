import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

/** Types a whole report from a blank draft the way a clerk does: IME text, Enter, Ctrl+1…3. */
async function typeReport(ed: EditorPage): Promise<void> {
  await ed.title.click()
  await ed.compose('jiaoyuju', '2024年教育局工作总结')
  await ed.press('Enter')
  await ed.type('今年以来，我局认真贯彻落实上级部署，现将有关情况总结如下：')
  const sections: [string, string[]][] = [
    ['工作完成情况', ['加强理论学习', '加强队伍建设']],
    ['主要做法', ['强化组织领导']],
    ['下一步工作打算', ['深化教育改革']]
  ]
  for (const [h1, h2s] of sections) {
    await ed.press('Enter')
    await ed.compose('gongzuo', h1)
    await ed.press('Control+1')
    for (const h2 of h2s) {
      await ed.press('Enter')
      await ed.type(h2)
      await ed.press('Control+2')
      await ed.press('Enter')
      await ed.compose('kexue', '科学管理，质量提升明显。')
      await ed.type(`以课堂教学为抓手，${h2}成效显著。`)
      await ed.press('Control+3')
      await ed.press('Enter')
      await ed.type('优化结构，效益不断提高。全年新增学位700余个。')
      await ed.press('Control+3')
    }
  }
}

test.describe('the structured editor', () => {
  test('a clerk types a report from a blank draft, with numbers the app computes', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeReport(ed)
    await expect(ed.title).toHaveText('2024年教育局工作总结')
    await expect.poll(() => ed.headingTexts()).toEqual([
      '一、工作完成情况',
      '（一）加强理论学习',
      '1.科学管理，质量提升明显。以课堂教学为抓手，加强理论学习成效显著。',
      '2.优化结构，效益不断提高。全年新增学位700余个。',
      '（二）加强队伍建设',
      '1.科学管理，质量提升明显。以课堂教学为抓手，加强队伍建设成效显著。',
      '2.优化结构，效益不断提高。全年新增学位700余个。',
      '二、主要做法',
      '（一）强化组织领导',
      '1.科学管理，质量提升明显。以课堂教学为抓手，强化组织领导成效显著。',
      '2.优化结构，效益不断提高。全年新增学位700余个。',
      '三、下一步工作打算',
      '（一）深化教育改革',
      '1.科学管理，质量提升明显。以课堂教学为抓手，深化教育改革成效显著。',
      '2.优化结构，效益不断提高。全年新增学位700余个。'
    ])
    // The level-3 items are run-in: the outline shows only the heading sentence.
    await expect(ed.outlineItem('1.科学管理，质量提升明显').first()).toBeVisible()
    await expect(ed.outline.getByRole('treeitem')).toHaveCount(15)
    await expect(app.page.getByTestId('char-count')).not.toHaveText('字数 0')
  })

  test('dragging 三、 above 一、 in the outline moves the section with everything under it, and the numbers follow', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeReport(ed)
    const before = await ed.lines()
    const third = ed.outlineItem('三、下一步工作打算').locator('> .outline-row')
    const first = ed.outlineItem('一、工作完成情况').locator('> .outline-row')
    await third.dragTo(first, { targetPosition: { x: 40, y: 3 } })
    await expect(ed.outline.getByRole('treeitem').first()).toHaveAttribute('aria-label', '一、下一步工作打算')
    await expect.poll(async () => (await ed.outlineNames()).filter((n) => /^[一二三]、/.test(n))).toEqual(['一、下一步工作打算', '二、工作完成情况', '三、主要做法'])
    const after = await ed.lines()
    const strip = (l: string) => l.replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '')
    // The moved block is the old 三、 section, intact, now right after the preamble.
    const moved = before.slice(before.findIndex((l) => l.endsWith('下一步工作打算')))
    expect(after.slice(2, 2 + moved.length).map(strip)).toEqual(moved.map(strip))
    expect(after.slice(2, 2 + moved.length)[0]).toBe('一、下一步工作打算')
    expect(after).toHaveLength(before.length)
    expect(after.indexOf('二、工作完成情况')).toBeGreaterThan(after.indexOf('一、下一步工作打算'))
  })

  test('everything is still there after the app reopens', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeReport(ed)
    await ed.waitSaved()
    // The outline follows the text once typing pauses: wait for it before taking its picture.
    await expect(ed.outline.getByRole('treeitem')).toHaveCount(15)
    const lines = await ed.lines()
    const outline = await ed.outlineNames()
    await app.reload()
    await expect(ed.title).toHaveText('2024年教育局工作总结')
    await expect.poll(() => ed.lines()).toEqual(lines)
    await expect.poll(() => ed.outlineNames()).toEqual(outline)
    // The caret is back where it was: typing continues the last paragraph.
    await ed.type('（续）')
    await expect(ed.content.locator(':scope > *').last()).toHaveText(/全年新增学位700余个。（续）$/)
  })

  test('after a reopen, Enter pressed right after Ctrl+End starts a paragraph at the end, on a window too busy to report the caret move at once', async ({ app }) => {
    const page = app.page
    const ed = new EditorPage(page)
    await ed.title.click()
    await ed.type('标题')
    await ed.press('Enter')
    const paragraph = '认真贯彻落实上级部署，全面加强教师队伍建设。'.repeat(4)
    await ed.type(paragraph)
    // The clerk last typed mid-paragraph, so the reopened draft puts the caret back there.
    await ed.placeCaretAfter('上级部署，')
    await ed.type('甲')
    await ed.waitSaved()
    await app.reload()
    await expect(ed.content).toBeFocused()
    const textBeforeCaret = () =>
      page.evaluate(() => {
        const s = window.getSelection()!
        const range = document.createRange()
        range.setStart(s.anchorNode!.parentElement!.closest('.editor-content > *')!, 0)
        range.setEnd(s.anchorNode!, s.anchorOffset)
        return range.toString()
      })
    expect(await textBeforeCaret()).toBe('认真贯彻落实上级部署，甲')
    // A busy window (a slow office PC just after opening a report): the page hears of caret moves
    // half a second late, after the next keys, as Chromium runs input before such events.
    await page.evaluate(() => {
      window.addEventListener(
        'selectionchange',
        (e) => {
          if (!e.isTrusted) return
          e.stopImmediatePropagation()
          setTimeout(() => document.dispatchEvent(new Event('selectionchange')), 500)
        },
        true
      )
    })
    await ed.content.locator(':scope > *').last().click()
    await ed.press('Control+End')
    await ed.press('Enter')
    await ed.type('新段落')
    const expected = ['标题', paragraph.replace('上级部署，', '上级部署，甲'), '新段落']
    await expect.poll(() => ed.lines()).toEqual(expected)
    await ed.waitSaved()
    await app.reload()
    await expect.poll(() => ed.lines()).toEqual(expected)
  })

  test('Tab and Shift+Tab demote and promote a section with its children; undo reverts each step', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeReport(ed)
    await ed.clickIn(ed.headings().filter({ hasText: /^加强队伍建设$/ }))
    await ed.press('Home')
    await ed.selectionSettled()
    await ed.press('Shift+Tab')
    await expect(ed.outline.getByRole('treeitem', { name: '二、加强队伍建设' })).toBeVisible()
    // Its run-in items moved up a level with it: now （一） and （二） under 二、.
    await expect.poll(async () => (await ed.headingTexts()).slice(4, 7).map((t) => t.slice(0, 10))).toEqual(['二、加强队伍建设', '（一）科学管理，质量', '（二）优化结构，效益'])
    await expect.poll(() => ed.headingTexts()).toContain('四、下一步工作打算')
    await ed.press('Control+z')
    await expect(ed.outline.getByRole('treeitem', { name: '（二）加强队伍建设' })).toBeVisible()
    await ed.press('Control+Shift+z')
    await expect(ed.outline.getByRole('treeitem', { name: '二、加强队伍建设' })).toBeVisible()
    await ed.press('Control+z')
    await ed.press('Tab')
    await expect(ed.outline.getByRole('treeitem', { name: '3.加强队伍建设' })).toBeVisible()
  })

  test('Ctrl+0 turns a heading back into body text and the numbers close the gap', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await typeReport(ed)
    await ed.clickIn(ed.headings().filter({ hasText: /^主要做法$/ }))
    await ed.press('Control+0')
    await expect.poll(async () => (await ed.headingTexts()).filter((t) => /^[一二三]、/.test(t))).toEqual(['一、工作完成情况', '二、下一步工作打算'])
    await expect(ed.content.locator('.body-paragraph', { hasText: '主要做法' })).toHaveCount(1)
  })

  test('Enter that confirms an IME composition does not split the paragraph or lose text', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.type('标题')
    await ed.press('Enter')
    await ed.type('我们')
    const cdp = await app.page.context().newCDPSession(app.page)
    await cdp.send('Input.imeSetComposition', { text: 'jiaoshi', selectionStart: 7, selectionEnd: 7 })
    // The confirming Enter reaches the page as the IME delivers it: key "Process", key code 229.
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 })
    await cdp.send('Input.insertText', { text: '教师' })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 })
    await ed.compose('peixun', '培训')
    await cdp.detach()
    await expect.poll(() => ed.lines()).toEqual(['标题', '我们教师培训'])
  })

  test('pasting plain text with 一、/（一）/1. lines makes sections', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    const text = [
      '2025年上半年工作总结',
      '上半年，我局坚持稳中求进，现将有关情况总结如下：',
      '一、主要工作',
      '(一)加强学习',
      '1、组织专题学习。全年组织学习12次，参学率98%。',
      '二、存在问题',
      '一是经费不足；二是师资紧缺。'
    ].join('\n')
    await ed.pasteText(text)
    await expect(ed.title).toHaveText('2025年上半年工作总结')
    await expect.poll(() => ed.headingTexts()).toEqual(['一、主要工作', '（一）加强学习', '1.组织专题学习。全年组织学习12次，参学率98%。', '二、存在问题'])
    await expect(ed.content.locator('.body-paragraph', { hasText: '一是经费不足' })).toHaveCount(1)
  })

  test('drafts: create a second one, switch between them, delete one', async ({ app }) => {
    const ed = new EditorPage(app.page)
    await ed.title.click()
    await ed.type('第一份草稿')
    await ed.waitSaved()
    await ed.newBlankDraft()
    await expect(ed.title).toHaveText('')
    await ed.title.click()
    await ed.type('第二份草稿')
    await ed.waitSaved()
    const list = app.page.getByRole('complementary', { name: '草稿' })
    await list.getByRole('button', { name: /第一份草稿/ }).click()
    await expect(ed.title).toHaveText('第一份草稿')
    app.page.once('dialog', (d) => void d.accept())
    await list.getByRole('listitem').filter({ hasText: '第二份草稿' }).hover()
    await list.getByRole('button', { name: '删除 第二份草稿' }).click()
    await expect(list.getByRole('button', { name: /第二份草稿/ })).toHaveCount(0)
    await app.reload()
    await expect(ed.title).toHaveText('第一份草稿')
  })
})

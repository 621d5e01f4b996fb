import type { Locator, Page } from '@playwright/test'

/** What a clerk sees and does in the editor, in the terms of the page. */
export class EditorPage {
  readonly content: Locator
  readonly outline: Locator
  readonly title: Locator

  constructor(readonly page: Page) {
    this.content = page.locator('.editor-content')
    this.outline = page.getByRole('tree', { name: '章节大纲' })
    this.title = this.content.locator('.report-title')
  }

  /** Types text the way an IME delivers it: a composition that is then committed. */
  async compose(preedit: string, text: string): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page)
    for (let i = 1; i <= preedit.length; i++) {
      await cdp.send('Input.imeSetComposition', { text: preedit.slice(0, i), selectionStart: i, selectionEnd: i })
    }
    await cdp.send('Input.insertText', { text })
    await cdp.detach()
  }

  /** Types committed text (as an IME or a paste would deliver it, in one piece). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.insertText(text)
  }

  /** Pastes plain text at the caret, as Ctrl+V of text copied from a web page does. */
  async pasteText(text: string): Promise<void> {
    await this.content.evaluate((el, t) => {
      const dt = new DataTransfer()
      dt.setData('text/plain', t)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    }, text)
  }

  /** Puts the caret right after the first occurrence of `text` in the document (as a click there would). */
  async placeCaretAfter(text: string): Promise<void> {
    await this.content.evaluate((root, t) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent?.indexOf(t) ?? -1
        if (i < 0) continue
        const range = document.createRange()
        range.setStart(n, i + t.length)
        range.collapse(true)
        const s = window.getSelection()!
        s.removeAllRanges()
        s.addRange(range)
        return
      }
      throw new Error(`text not found: ${t}`)
    }, text)
    await this.selectionSettled()
  }

  /** Clicks into a block and waits until the editor has taken the caret there. */
  async clickIn(block: Locator): Promise<void> {
    await block.click()
    await this.selectionSettled()
  }

  /**
   * Waits until the editor's own selection is where the page's selection is. The editor picks up a
   * click or a moved caret on the next selectionchange event; a shortcut (Ctrl+0, Tab, Backspace)
   * pressed before that, as a loaded test machine can, would act on the previous caret.
   */
  async selectionSettled(): Promise<void> {
    await this.content.evaluate(async (root) => {
      type Point = { key: string; offset: number }
      type Editor = {
        _key: string
        getEditorState(): { _selection: { anchor?: Point; focus?: Point } | null }
      }
      const editor = (root as unknown as { __lexicalEditor: Editor }).__lexicalEditor
      const keyOf = (node: Node | null): string | undefined => {
        for (let n = node; n && n !== root; n = n.parentNode) {
          const key = (n as unknown as Record<string, string | undefined>)[`__lexicalKey_${editor._key}`]
          if (key) return key
        }
        return undefined
      }
      const matches = () => {
        const dom = window.getSelection()
        const anchor = editor.getEditorState()._selection?.anchor
        if (!dom || !anchor || dom.anchorNode === null || keyOf(dom.anchorNode) !== anchor.key) return false
        // In a text node the two offsets count the same characters.
        return dom.anchorNode.nodeType !== Node.TEXT_NODE || dom.anchorOffset === anchor.offset
      }
      const started = performance.now()
      while (!matches()) {
        if (performance.now() - started > 5000) throw new Error('the editor never took the caret from the page')
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })
  }

  /**
   * Sets how long a shared report's Yjs UndoManager merges this desk's changes into one undo step
   * (CollaborationPlugin publishes it on the editor under a well-known symbol) and returns the
   * previous value. A loaded test machine types slower than a clerk, which would split steps by time.
   */
  async setUndoCaptureWindow(ms: number): Promise<number> {
    return this.content.evaluate((root, value) => {
      type UndoManager = { captureTimeout: number }
      const editor = (root as unknown as { __lexicalEditor: Record<symbol, UndoManager | undefined> }).__lexicalEditor
      const undoManager = editor[Symbol.for('@lexical/yjs/UndoManager')]
      if (!undoManager) throw new Error('not a shared report: no Yjs UndoManager')
      const before = undoManager.captureTimeout
      undoManager.captureTimeout = value
      return before
    }, ms)
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key)
  }

  headings(): Locator {
    return this.content.locator('.section-heading')
  }

  /** Each heading's number and text, as shown. */
  async headingTexts(): Promise<string[]> {
    return this.headings().evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset.marker ?? ''}${el.textContent ?? ''}`))
  }

  outlineItem(name: string | RegExp): Locator {
    return this.outline.getByRole('treeitem', { name })
  }

  async outlineNames(): Promise<string[]> {
    return this.outline.getByRole('treeitem').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))
  }

  /** The document's blocks as plain lines, numbers included. */
  async lines(): Promise<string[]> {
    return this.content.evaluate((root) =>
      Array.from(root.children).map((el) => `${(el as HTMLElement).dataset.marker ?? ''}${el.textContent ?? ''}`)
    )
  }

  /** 新建 → 空白文档 → 创建. */
  async newBlankDraft(): Promise<void> {
    await this.page.getByRole('button', { name: '新建' }).click()
    const dialog = this.page.getByRole('dialog', { name: '新建总结' })
    await dialog.getByRole('radio', { name: '空白文档' }).check()
    await this.opensAnother(() => dialog.getByRole('button', { name: '创建' }).click())
    await dialog.waitFor({ state: 'hidden' })
  }

  /**
   * Does what opens another report and waits until the editor holding it takes input: the dialog
   * closes before the new report is read, and the one left behind takes no input meanwhile.
   */
  async opensAnother(action: () => Promise<void>): Promise<void> {
    await this.content.evaluate((el) => Object.assign(el, { leftBehind: true }))
    await action()
    await this.page.waitForFunction(() => {
      const el = document.querySelector<HTMLElement>('.editor-content')
      return !!el && !('leftBehind' in el) && el.isContentEditable
    })
  }

  /** 新建 → a template → its fields (by label) → 创建. */
  async newFromTemplate(template: RegExp, fields: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: '新建' }).click()
    const dialog = this.page.getByRole('dialog', { name: '新建总结' })
    await dialog.getByRole('radio', { name: template }).check()
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value)
    await this.opensAnother(() => dialog.getByRole('button', { name: '创建' }).click())
    await dialog.waitFor({ state: 'hidden' })
  }

  async waitSaved(): Promise<void> {
    await this.page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor()
  }
}

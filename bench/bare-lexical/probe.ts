/**
 * The in-page half of the editor benchmark. Built into one classic script and injected at
 * document start into the app's page and into the bare Lexical page alike, so both editors
 * are timed by the same code, on the page's own clock (performance.now()).
 */
import type { ReadyWhen } from './blocks'
import { page, type PageElement, type PageKeyboardEvent } from './dom'

export interface KeySample {
  /** keydown (the browser's input time) → the end of the next frame. */
  total: number
  /** keydown → its first listener running: time the input waited behind other work. */
  delay: number
}

/**
 * Resolves once the next frame is done: a task posted from requestAnimationFrame runs after
 * that frame's style, layout and paint, so its time is when the frame was ready to show.
 */
function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => {
    page.requestAnimationFrame(() => {
      const channel = new page.MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    })
  })
}

function editorRoot(): PageElement | null {
  return page.document.querySelector('.editor-content')
}

function isReady(when: ReadyWhen): boolean {
  const root = editorRoot()
  return !!root && root.getAttribute('contenteditable') === 'true' && root.firstElementChild?.textContent === when.title && root.lastElementChild?.textContent === when.last
}

/**
 * Checks before each frame; resolves with the time the first frame showing the report was
 * done: the editor editable, the report's title first and its last line last.
 */
function whenReady(when: ReadyWhen, timeoutMs = 30_000): Promise<number> {
  const t0 = performance.now()
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (isReady(when)) {
        const channel = new page.MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      } else if (performance.now() - t0 > timeoutMs) {
        reject(new Error(`the editor did not show “${when.title}” within ${timeoutMs} ms`))
      } else {
        page.requestAnimationFrame(check)
      }
    }
    page.requestAnimationFrame(check)
  })
}

let keys: Promise<KeySample>[] = []
let armed = false

function onKeyDown(e: PageKeyboardEvent): void {
  // Character keys only: the ones that insert text.
  if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return
  const start = performance.now()
  keys.push(afterNextFrame().then((end) => ({ total: end - e.timeStamp, delay: start - e.timeStamp })))
}

/** Puts the caret in the middle of the body paragraph at the middle of the text, scrolled into view. */
function placeCaretMid(): number {
  const root = editorRoot()
  if (!root) throw new Error('no editor')
  const children = Array.from(root.children)
  const total = children.reduce((n, c) => n + (c.textContent?.length ?? 0), 0)
  let seen = 0
  for (let i = 0; i < children.length; i++) {
    const block = children[i]
    seen += block.textContent?.length ?? 0
    const text = block.querySelector('[data-lexical-text]')?.firstChild
    if (seen < total / 2 || !block.classList.contains('body-paragraph') || !text) continue
    root.focus()
    page.getSelection()?.collapse(text, Math.floor((text.textContent?.length ?? 0) / 2))
    block.scrollIntoView({ block: 'center' })
    return i
  }
  throw new Error('no body paragraph past the middle')
}

function blockText(index: number): string {
  return editorRoot()?.children[index]?.textContent ?? ''
}

/** Writes records straight into an object store of the page's IndexedDB. */
function idbPut(dbName: string, store: string, values: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = page.indexedDB.open(dbName)
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const tx = db.transaction(store, 'readwrite')
      for (const v of values) tx.objectStore(store).put(v)
      tx.oncomplete = () => {
        db.close()
        resolve()
      }
      tx.onerror = tx.onabort = () => {
        db.close()
        reject(tx.error)
      }
    }
  })
}

/** The open editor's state as Lexical serialises it (Lexical keeps the editor on its root element). */
function editorStateJson(): string {
  const root = editorRoot() as unknown as { __lexicalEditor?: { getEditorState(): { toJSON(): unknown } } } | null
  if (!root?.__lexicalEditor) throw new Error('no Lexical editor on the page')
  return JSON.stringify(root.__lexicalEditor.getEditorState().toJSON())
}

/** Clicks a draft in the app's list and times it to the first frame with the report editable. */
async function openDraft(title: string, when: ReadyWhen): Promise<number> {
  const buttons = Array.from(page.document.querySelector('.draft-list')?.children ?? [])
    .map((li) => li.querySelector('.draft-open'))
    .filter((b): b is PageElement => !!b && b.querySelector('.draft-title')?.textContent === title)
  if (buttons.length !== 1) throw new Error(`${buttons.length} drafts titled “${title}” in the list`)
  const t0 = performance.now()
  buttons[0].click()
  return (await whenReady(when)) - t0
}

const startWhen = (globalThis as { __probeStartWhen?: ReadyWhen }).__probeStartWhen
const started = startWhen ? whenReady(startWhen, 20_000).then((t) => ({ ms: t }), (e: unknown) => ({ error: String(e) })) : null

export const probe = {
  afterNextFrame,
  whenReady,
  placeCaretMid,
  blockText,
  idbPut,
  editorStateJson,
  openDraft,
  /** Starts recording keydown → next frame for every character key. */
  armKeys(): void {
    keys = []
    if (!armed) page.document.addEventListener('keydown', onKeyDown, true)
    armed = true
  },
  takeKeys(): Promise<KeySample[]> {
    return Promise.all(keys)
  },
  /**
   * Navigation start → the first frame with the report in an editable editor, when the page
   * was told at document start what to wait for (__probeStartWhen).
   */
  started
}

export type Probe = typeof probe
export type ProbeHost = { __probe: Probe }

;(globalThis as unknown as ProbeHost).__probe = probe

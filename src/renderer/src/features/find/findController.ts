/**
 * Find and replace over the open report, headings and table cells included. Matches are painted
 * with the CSS Custom Highlight API (no change to the document, so nothing for undo or autosave to
 * see); the current one is also the editor's selection, which the caret takes when the bar closes.
 * Replace all is one editor update, so one undo step.
 */
import { $getSelection, $isRangeSelection, HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, type LexicalEditor } from 'lexical'
import { DEFAULT_FIND_OPTIONS, findAll, foldText, type FindOptions } from '@shared/find/match'
import { createStore, type Store } from '../../app/store'
import { $replaceMatch, $segments, $selectMatch, matchRange, type Segment, type TextMatch } from './editorText'

export interface FindState {
  open: boolean
  /** The replace row is shown (Ctrl+H). */
  replace: boolean
  query: string
  replacement: string
  options: FindOptions
  count: number
  /** Index of the current match, -1 when there is none. */
  current: number
  /** Bumped to ask the bar to focus and select its query field. */
  focusTick: number
  message: string | null
}

export interface FindController {
  store: Store<FindState>
  open(mode: 'find' | 'replace'): void
  close(): void
  setQuery(query: string): void
  setReplacement(text: string): void
  setOptions(options: Partial<FindOptions>): void
  next(): void
  previous(): void
  replaceOne(): void
  replaceAll(): void
  /** Opens the bar on a phrase and makes its first match at or after a heading the current one (a search hit). */
  showPhrase(phrase: string, fromBlockKey?: string): void
  /** Follows the open report's editor; returns the unsubscribe. */
  connect(getEditor: () => LexicalEditor | null, subscribe: (listener: () => void) => () => void, readOnly: () => boolean): () => void
}

const MATCH = 'find-match'
const CURRENT = 'find-current'

export function createFindController(): FindController {
  const store = createStore<FindState>({ open: false, replace: false, query: '', replacement: '', options: DEFAULT_FIND_OPTIONS, count: 0, current: -1, focusTick: 0, message: null })
  let editor: LexicalEditor | null = null
  let isReadOnly = () => false
  let segments: Segment[] = []
  let matches: TextMatch[] = []
  let offUpdate: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const highlights = () => (typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null)
  const clearMarks = () => {
    highlights()?.delete(MATCH)
    highlights()?.delete(CURRENT)
  }

  /** Index in document order of the first match at or after a point (segment, offset). */
  const firstFrom = (segment: number, offset: number) => {
    const i = matches.findIndex((m) => m.segment > segment || (m.segment === segment && m.start >= offset))
    return i >= 0 ? i : matches.length ? 0 : -1
  }

  /** Where the caret is, as a segment and offset. */
  const caretPoint = (): { segment: number; offset: number } => {
    if (!editor) return { segment: 0, offset: 0 }
    return editor.getEditorState().read(() => {
      const s = $getSelection()
      if (!$isRangeSelection(s)) return { segment: 0, offset: 0 }
      const point = s.isBackward() ? s.focus : s.anchor
      for (const [i, seg] of segments.entries()) {
        const piece = seg.pieces.find((p) => p.key === point.key)
        if (piece) return { segment: i, offset: piece.start + point.offset }
      }
      return { segment: 0, offset: 0 }
    })
  }

  const paint = () => {
    const registry = highlights()
    if (!registry || !editor) return
    const e = editor
    const ranges = matches.map((m) => matchRange(e, segments, m)).filter((r): r is Range => r !== null)
    registry.set(MATCH, new Highlight(...ranges))
    const current = store.get().current
    const range = current >= 0 ? matchRange(e, segments, matches[current]) : null
    if (range) registry.set(CURRENT, new Highlight(range))
    else registry.delete(CURRENT)
  }

  /** Scrolls the page so the current match is in view, centred when it was not. */
  const reveal = () => {
    const { current } = store.get()
    if (!editor || current < 0) return
    const range = matchRange(editor, segments, matches[current])
    const scroller = editor.getRootElement()?.closest('.page-scroll')
    if (!range || !scroller) return
    const r = range.getBoundingClientRect()
    const view = scroller.getBoundingClientRect()
    if (r.top < view.top + 40 || r.bottom > view.bottom - 40) scroller.scrollTop += r.top - view.top - view.height / 2
    if (r.left < view.left || r.right > view.right) scroller.scrollLeft += r.left - view.left - view.width / 2
  }

  /** Makes a match current: selected in the editor (without taking focus from the bar), marked and in view. */
  const goTo = (index: number) => {
    store.set({ current: index })
    if (editor && index >= 0) {
      const m = matches[index]
      editor.update(() => void $selectMatch(segments, m), { tag: [SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG], discrete: true })
    }
    paint()
    reveal()
  }

  /** Re-reads the text and finds again; `anchor` decides which match becomes current. */
  const recompute = (anchor: 'caret' | 'keep' | { segment: number; offset: number }) => {
    const { query, options, current } = store.get()
    const previous = current >= 0 ? matches[current] : null
    segments = editor ? editor.getEditorState().read($segments) : []
    matches = segments.flatMap((seg, i) => findAll(seg.text, query, options).map(([start, end]) => ({ segment: i, start, end })))
    let next = -1
    if (anchor === 'caret') {
      const p = caretPoint()
      next = firstFrom(p.segment, p.offset)
    } else if (anchor === 'keep') next = previous ? firstFrom(previous.segment, previous.start) : firstFrom(0, 0)
    else next = firstFrom(anchor.segment, anchor.offset)
    store.set({ count: matches.length, current: next })
    paint()
  }

  const watch = () => {
    offUpdate?.()
    offUpdate =
      editor?.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
        clearTimeout(timer)
        // After typing pauses: the marks follow the text without work on every key.
        timer = setTimeout(() => recompute('keep'), 150)
      }) ?? null
  }

  const selectionText = () =>
    editor?.getEditorState().read(() => {
      const s = $getSelection()
      return $isRangeSelection(s) && !s.isCollapsed() ? s.getTextContent() : ''
    }) ?? ''

  const step = (delta: 1 | -1) => {
    const { open, query, current } = store.get()
    if (!open) {
      if (!query) return controller.open('find')
      store.set((s) => ({ open: true, focusTick: s.focusTick }))
      watch()
      recompute('caret')
      return goTo(store.get().current)
    }
    if (!matches.length) return
    goTo(current < 0 ? 0 : (current + delta + matches.length) % matches.length)
  }

  const controller: FindController = {
    store,
    open(mode) {
      const picked = selectionText()
      const prefill = picked && !picked.includes('\n') && picked.length <= 100 ? picked : null
      store.set((s) => ({ open: true, replace: mode === 'replace' ? true : s.open && s.replace, query: prefill ?? s.query, focusTick: s.focusTick + 1, message: null }))
      watch()
      recompute('caret')
      goTo(store.get().current)
    },
    close() {
      clearTimeout(timer)
      offUpdate?.()
      offUpdate = null
      clearMarks()
      store.set({ open: false, message: null })
      // The caret takes the current match, as Word leaves the found text selected.
      editor?.focus()
    },
    setQuery(query) {
      store.set({ query, message: null })
      recompute('caret')
      goTo(store.get().current)
    },
    setReplacement: (replacement) => store.set({ replacement }),
    setOptions(options) {
      store.set((s) => ({ options: { ...s.options, ...options }, message: null }))
      recompute('keep')
      goTo(store.get().current)
    },
    next: () => step(1),
    previous: () => step(-1),
    replaceOne() {
      const { current, replacement, query, options } = store.get()
      if (!editor || current < 0 || isReadOnly()) return
      const m = matches[current]
      let replaced = false
      editor.update(
        () => {
          const segs = $segments()
          const text = segs[m.segment]?.text.slice(m.start, m.end) ?? ''
          if (foldText(text, options) === foldText(query, options)) replaced = $replaceMatch(segs, m, replacement)
        },
        { tag: HISTORY_PUSH_TAG, discrete: true }
      )
      // The next match is now where the replaced one was.
      recompute({ segment: m.segment, offset: replaced ? m.start + replacement.length : m.start })
      goTo(store.get().current)
    },
    replaceAll() {
      const { replacement } = store.get()
      if (!editor || !matches.length || isReadOnly()) return
      const all = matches
      let count = 0
      editor.update(
        () => {
          const segs = $segments()
          // From the end, so a replacement never shifts the offsets of the matches before it.
          for (const m of [...all].reverse()) if ($replaceMatch(segs, m, replacement)) count++
        },
        { tag: HISTORY_PUSH_TAG, discrete: true }
      )
      recompute('keep')
      // The button just pressed is now disabled and has lost focus: the keyboard goes back to the query.
      store.set((s) => ({ message: `已替换 ${count} 处`, focusTick: s.focusTick + 1 }))
      paint()
    },
    showPhrase(phrase, fromBlockKey) {
      store.set((s) => ({ open: true, query: phrase, message: null, focusTick: s.focusTick }))
      watch()
      recompute({ segment: 0, offset: 0 })
      const start = fromBlockKey ? segments.findIndex((s) => s.blockKey === fromBlockKey) : -1
      if (start >= 0) store.set({ current: firstFrom(start, 0) })
      goTo(store.get().current)
    },
    connect(getEditor, subscribe, readOnly) {
      isReadOnly = readOnly
      const follow = () => {
        const next = getEditor()
        if (next === editor) return
        editor = next
        if (store.get().open) {
          watch()
          recompute({ segment: 0, offset: 0 })
          paint()
        }
      }
      follow()
      const off = subscribe(follow)
      return () => {
        off()
        offUpdate?.()
        clearTimeout(timer)
        clearMarks()
      }
    }
  }
  return controller
}

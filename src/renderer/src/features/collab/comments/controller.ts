import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark'
import { $dfs } from '@lexical/utils'
import { $getNodeByKey, $getSelection, $isRangeSelection, $setSelection, type BaseSelection, type LexicalEditor } from 'lexical'
import { COMMENTS, type CommentEntry } from '@shared/office/layout'
import type { CommentThread } from '@shared/doc/model'
import { registerModelExtras } from '../../../editor/modelExtras'
import type { CollabSession } from '../session'
import { addEntry, newCommentId, removeThread, setResolved, threadsOf, type CommentsMap } from './threads'

export type Thread = CommentThread & { authorId: string; /** The marked text, or '' once it was deleted. */ quote: string }

/**
 * The 批注 of a shared report: the threads live in the document's `comments` map, the text they
 * are about is marked with Lexical's MarkNode (its ids are thread ids), so both travel with the
 * shared report and survive a reload. The model the app saves and exports gets the threads too.
 */
export class CommentsController {
  private editor: LexicalEditor | null = null
  private readonly listeners = new Set<() => void>()
  private snapshot: { threads: Thread[]; active: string | null } = { threads: [], active: null }
  private active: string | null = null
  readonly map: CommentsMap

  constructor(private readonly session: CollabSession) {
    this.map = session.doc.getMap<CommentEntry>(COMMENTS)
  }

  attach(editor: LexicalEditor): () => void {
    this.editor = editor
    const refresh = () => this.refresh()
    this.map.observe(refresh)
    const offExtras = registerModelExtras(editor, (report) => {
      const threads = this.threads().map(({ authorId: _a, quote: _q, ...t }) => t)
      return threads.length ? { ...report, comments: threads } : report
    })
    const offMutations = editor.registerMutationListener(MarkNode, () => refresh(), { skipInitialization: false })
    const offUpdates = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size || dirtyLeaves.size) this.refreshQuotesSoon()
    })
    const onClick = (e: MouseEvent) => {
      const mark = (e.target as HTMLElement | null)?.closest?.('mark')
      const key = mark ? this.keyOf(mark) : null
      if (!key) return
      const ids = editor.getEditorState().read(() => {
        const node = $getNodeByKey(key)
        return $isMarkNode(node) ? node.getIDs() : []
      })
      if (ids.length) this.setActive(ids[ids.length - 1])
    }
    const offRoot = editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('click', onClick)
      root?.addEventListener('click', onClick)
    })
    refresh()
    return () => {
      this.map.unobserve(refresh)
      offExtras()
      offMutations()
      offUpdates()
      offRoot()
      this.editor = null
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): { threads: Thread[]; active: string | null } => this.snapshot

  threads(): Thread[] {
    const editor = this.editor
    const marks = editor ? editor.getEditorState().read(() => this.$marks()) : new Map<string, string>()
    return threadsOf(this.map, [...marks.keys()]).map((t) => ({ ...t, quote: marks.get(t.id) ?? '' }))
  }

  /** Whether the editor has text selected that a new comment could mark. */
  canComment(): boolean {
    return !!this.editor?.getEditorState().read(() => {
      const s = $getSelection()
      return $isRangeSelection(s) && !s.isCollapsed() && s.getTextContent().trim() !== ''
    })
  }

  /** The selection as it is now, kept while the clerk types the comment elsewhere. */
  keepSelection(): BaseSelection | null {
    return this.editor?.getEditorState().read(() => $getSelection()?.clone() ?? null) ?? null
  }

  add(selection: BaseSelection, text: string): string | null {
    const editor = this.editor
    if (!editor || !$isRangeSelection(selection) || !text.trim()) return null
    const id = newCommentId()
    editor.update(
      () => {
        const s = selection.clone()
        $setSelection(s)
        $wrapSelectionInMarkNode(s, s.isBackward(), id)
      },
      { discrete: true }
    )
    addEntry(this.map, this.entry(id, id, text))
    this.setActive(id)
    return id
  }

  reply(threadId: string, text: string): void {
    if (text.trim()) addEntry(this.map, this.entry(newCommentId(), threadId, text))
  }

  resolve(threadId: string, resolved: boolean): void {
    setResolved(this.map, threadId, resolved)
  }

  /** Deletes a thread and unmarks its text. */
  remove(threadId: string): void {
    this.editor?.update(
      () => {
        for (const { node } of $dfs()) {
          if (!$isMarkNode(node) || !node.hasID(threadId)) continue
          node.deleteID(threadId)
          if (node.getIDs().length === 0) $unwrapMarkNode(node)
        }
      },
      { discrete: true }
    )
    removeThread(this.map, threadId)
  }

  setActive(threadId: string | null): void {
    this.active = threadId
    this.refresh()
  }

  /** The element of the first text a thread marks, for placing its card beside it. */
  markElement(threadId: string): HTMLElement | null {
    const editor = this.editor
    if (!editor) return null
    const key = editor.getEditorState().read(() => $dfs().find(({ node }) => $isMarkNode(node) && node.hasID(threadId))?.node.getKey())
    return key ? editor.getElementByKey(key) : null
  }

  /** Scrolls to the marked text of a thread. */
  reveal(threadId: string): void {
    const editor = this.editor
    if (!editor) return
    const key = editor.getEditorState().read(() => $dfs().find(({ node }) => $isMarkNode(node) && node.hasID(threadId))?.node.getKey())
    if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
    this.setActive(threadId)
  }

  private entry(id: string, thread: string, text: string): CommentEntry {
    const { user } = this.session
    return { id, thread, authorId: user.id, author: user.name, text: text.trim(), at: Date.now() }
  }

  /** Thread id → the text it marks, in the text's order. */
  private $marks(): Map<string, string> {
    const out = new Map<string, string>()
    for (const { node } of $dfs()) {
      if (!$isMarkNode(node)) continue
      for (const id of node.getIDs()) out.set(id, (out.get(id) ?? '') + node.getTextContent())
    }
    return out
  }

  private keyOf(el: Element): string | null {
    const editor = this.editor
    if (!editor) return null
    const prop = `__lexicalKey_${editor.getKey()}`
    return ((el as unknown as Record<string, string | undefined>)[prop] as string | undefined) ?? null
  }

  private quoteTimer: ReturnType<typeof setTimeout> | undefined
  private refreshQuotesSoon(): void {
    clearTimeout(this.quoteTimer)
    this.quoteTimer = setTimeout(() => this.refresh(), 300)
  }

  private refresh(): void {
    const threads = this.threads()
    if (this.active !== this.snapshot.active || JSON.stringify(threads) !== JSON.stringify(this.snapshot.threads)) this.snapshot = { threads, active: this.active }
    this.paint(threads)
    this.listeners.forEach((l) => l())
  }

  /** Resolved threads' text is not highlighted; the active thread's is. */
  private paint(threads: Thread[]): void {
    const editor = this.editor
    if (!editor) return
    const resolved = new Set(threads.filter((t) => t.resolved).map((t) => t.id))
    editor.getEditorState().read(() => {
      for (const { node } of $dfs()) {
        if (!$isMarkNode(node)) continue
        const el = editor.getElementByKey(node.getKey())
        if (!el) continue
        const ids = node.getIDs()
        el.classList.toggle('comment-resolved', ids.every((id) => resolved.has(id)))
        el.classList.toggle('comment-active', !!this.active && ids.includes(this.active))
      }
    })
  }
}

import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx'
import type { CommentThread, Report, TextRun as ModelRun } from '../../shared/doc/model'
import type { FlowItem } from '../../shared/export/flow'

/**
 * 批注 as Word comments: each thread and each of its replies is a comment (replies name their
 * thread, so Word and WPS show them as a conversation); each spans the text the thread marks,
 * from its first marked run to its last, across paragraphs if need be. Threads whose text was
 * deleted have nothing to span and are left out.
 */
export class CommentRanges {
  private readonly comments: ICommentOptions[] = []
  /** Thread id → the Word ids of the thread and its replies. */
  private readonly wordIds = new Map<string, number[]>()
  private remaining = new Map<string, number>()
  private readonly open = new Set<string>()

  /** Numbers the threads of one report that are marked somewhere in its text. */
  addReport(report: Report, flow: FlowItem[]): void {
    this.remaining = new Map()
    for (const ids of flow.flatMap(markedIn)) for (const id of ids) this.remaining.set(id, (this.remaining.get(id) ?? 0) + 1)
    for (const thread of report.comments ?? []) {
      if (!this.remaining.has(thread.id) || this.wordIds.has(thread.id)) continue
      const root = this.comments.length
      this.comments.push(comment(root, thread, { resolved: thread.resolved }))
      const ids = [root]
      for (const reply of thread.replies) {
        ids.push(this.comments.length)
        this.comments.push(comment(this.comments.length, reply, { parentId: root }))
      }
      this.wordIds.set(thread.id, ids)
    }
  }

  /** One run's docx children, with the ranges of the threads it starts or ends around them. */
  wrap(run: Pick<ModelRun, 'comments'>, children: ParagraphChild[]): ParagraphChild[] {
    const ids = (run.comments ?? []).filter((id) => this.wordIds.has(id))
    if (ids.length === 0) return children
    const before: ParagraphChild[] = []
    const after: ParagraphChild[] = []
    for (const id of ids) {
      const wordIds = this.wordIds.get(id)!
      if (!this.open.has(id)) {
        this.open.add(id)
        before.push(...wordIds.map((n) => new CommentRangeStart(n)))
      }
      const left = (this.remaining.get(id) ?? 1) - 1
      this.remaining.set(id, left)
      if (left === 0) {
        this.open.delete(id)
        for (const n of wordIds) after.push(new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] }))
      }
    }
    return [...before, ...children, ...after]
  }

  /** The document's comments part, or nothing when no report has any. */
  options(): { children: ICommentOptions[] } | undefined {
    return this.comments.length ? { children: this.comments } : undefined
  }
}

function comment(id: number, c: Pick<CommentThread, 'author' | 'at' | 'text'>, extra: { resolved?: boolean; parentId?: number }): ICommentOptions {
  return {
    id,
    author: c.author,
    initials: [...c.author].slice(0, 2).join(''),
    date: new Date(c.at),
    children: c.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
    ...(extra.parentId !== undefined ? { parentId: extra.parentId } : {}),
    ...(extra.resolved ? { resolved: true } : {})
  }
}

/** The thread ids of each marked piece of a flow item, in the order the export writes them. */
function markedIn(item: FlowItem): string[][] {
  switch (item.kind) {
    case 'paragraph':
      return item.runs.map((r) => r.comments ?? [])
    case 'heading':
      return [item.section.titleComments ?? []]
    case 'run-in':
      return [item.section.titleComments ?? [], ...item.runs.map((r) => r.comments ?? [])]
    default:
      return []
  }
}

import type * as Y from 'yjs'
import type { CommentThread } from '@shared/doc/model'
import type { CommentEntry } from '@shared/office/layout'

export type CommentsMap = Y.Map<CommentEntry>

export function newCommentId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/** The threads of the map, each with its replies by time; `order` (thread ids in the text's order) first. */
export function threadsOf(map: CommentsMap, order: string[] = []): (CommentThread & { authorId: string })[] {
  const entries = [...map.values()].filter((e): e is CommentEntry => !!e && typeof e === 'object' && typeof e.id === 'string')
  const roots = entries.filter((e) => e.thread === e.id)
  const position = new Map(order.map((id, i) => [id, i]))
  roots.sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity) || a.at - b.at)
  return roots.map((root) => ({
    id: root.id,
    authorId: root.authorId,
    author: root.author,
    at: root.at,
    text: root.text,
    ...(root.resolved ? { resolved: true } : {}),
    replies: entries
      .filter((e) => e.thread === root.id && e.id !== root.id)
      .sort((a, b) => a.at - b.at)
      .map(({ id, author, at, text }) => ({ id, author, at, text }))
  }))
}

export function addEntry(map: CommentsMap, entry: CommentEntry): void {
  map.set(entry.id, entry)
}

export function setResolved(map: CommentsMap, threadId: string, resolved: boolean): void {
  const root = map.get(threadId)
  if (root) map.set(threadId, { ...root, resolved })
}

export function removeThread(map: CommentsMap, threadId: string): void {
  map.doc?.transact(() => {
    for (const [key, e] of map.entries()) if (e?.thread === threadId) map.delete(key)
  })
}

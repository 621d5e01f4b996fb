import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import type { CommentsController } from './controller'
import { ThreadView } from './CommentsPanel'

/**
 * The thread of the marked text the clerk clicked, in a card just under that text on the page
 * (as Word shows a comment beside its text); Escape or × closes it.
 */
export function CommentCard({ controller, page, canWrite, userId, owner }: { controller: CommentsController; page: HTMLElement; canWrite: boolean; userId: string; owner: boolean }) {
  const { threads, active } = useSyncExternalStore((l) => controller.subscribe(l), controller.getSnapshot)
  const thread = threads.find((t) => t.id === active)
  const [at, setAt] = useState<{ top: number; left: number } | null>(null)
  useLayoutEffect(() => {
    const mark = thread ? controller.markElement(thread.id) : null
    if (!mark) return setAt(null)
    const m = mark.getBoundingClientRect()
    const p = page.getBoundingClientRect()
    setAt({ top: m.bottom - p.top + 6, left: Math.max(16, Math.min(m.left - p.left, p.width - 336)) })
  }, [thread, controller, page])
  useEffect(() => {
    if (!thread) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && controller.setActive(null)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [thread, controller])
  if (!thread || !at) return null
  return createPortal(
    <div className="comment-card" role="dialog" aria-label="批注" style={{ top: at.top, left: at.left }} onMouseDown={(e) => e.stopPropagation()}>
      <button type="button" className="comment-card-close" aria-label="关闭" onClick={() => controller.setActive(null)}>
        ×
      </button>
      <ul className="comment-list">
        <ThreadView thread={thread} controller={controller} active={false} canWrite={canWrite} mayDelete={owner || thread.authorId === userId} />
      </ul>
    </div>,
    page
  )
}

import { useState, useSyncExternalStore } from 'react'
import type { CommentsController, Thread } from './controller'

const when = (at: number) => new Date(at).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })

export function ThreadView({ thread, controller, active, canWrite, mayDelete }: { thread: Thread; controller: CommentsController; active: boolean; canWrite: boolean; mayDelete: boolean }) {
  const [reply, setReply] = useState('')
  return (
    <li className={`comment-thread${thread.resolved ? ' resolved' : ''}${active ? ' active' : ''}`} aria-label={`${thread.author}的批注`}>
      <button type="button" className="comment-quote" onClick={() => controller.reveal(thread.id)} title="转到批注的文字">
        {thread.quote ? `“${thread.quote.length > 40 ? `${thread.quote.slice(0, 40)}…` : thread.quote}”` : '（批注的文字已删除）'}
      </button>
      <div className="comment">
        <span className="comment-author">{thread.author}</span> <span className="muted">{when(thread.at)}</span>
        <p>{thread.text}</p>
      </div>
      {thread.replies.map((r) => (
        <div className="comment reply" key={r.id}>
          <span className="comment-author">{r.author}</span> <span className="muted">{when(r.at)}</span>
          <p>{r.text}</p>
        </div>
      ))}
      {thread.resolved && <p className="muted comment-state">已解决</p>}
      {canWrite && (
        <form
          className="comment-reply"
          onSubmit={(e) => {
            e.preventDefault()
            controller.reply(thread.id, reply)
            setReply('')
          }}
        >
          {!thread.resolved && <input aria-label="回复" placeholder="回复…" value={reply} onChange={(e) => setReply(e.target.value)} maxLength={2000} />}
          <span className="comment-actions">
            {!thread.resolved && (
              <button type="submit" disabled={!reply.trim()}>
                回复
              </button>
            )}
            <button type="button" onClick={() => controller.resolve(thread.id, !thread.resolved)}>
              {thread.resolved ? '重新打开' : '解决'}
            </button>
            {mayDelete && (
              <button type="button" onClick={() => window.confirm('删除这条批注及其回复？') && controller.remove(thread.id)}>
                删除
              </button>
            )}
          </span>
        </form>
      )}
    </li>
  )
}

/** 批注 beside the page: each thread with the text it is about, its replies, reply, resolve. */
export function CommentsPanel({ controller, canWrite, userId, owner }: { controller: CommentsController; canWrite: boolean; userId: string; owner: boolean }) {
  const { threads, active } = useSyncExternalStore(
    (l) => controller.subscribe(l),
    controller.getSnapshot
  )
  const [showResolved, setShowResolved] = useState(false)
  const shown = threads.filter((t) => showResolved || !t.resolved)
  const resolved = threads.length - threads.filter((t) => !t.resolved).length
  return (
    <section className="comments-panel" aria-label="批注">
      {threads.length === 0 ? (
        <p className="muted">还没有批注。选中文字，点“批注”（Ctrl+Alt+M）写下意见。</p>
      ) : (
        <ul className="comment-list">
          {shown.map((t) => (
            <ThreadView key={t.id} thread={t} controller={controller} active={t.id === active} canWrite={canWrite} mayDelete={owner || t.authorId === userId} />
          ))}
        </ul>
      )}
      {resolved > 0 && (
        <label className="muted">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> 显示已解决的 {resolved} 条
        </label>
      )}
    </section>
  )
}

/** The open threads' count, for the tab's badge. */
export function useOpenThreads(controller: CommentsController | null): number {
  const snapshot = useSyncExternalStore(
    (l) => controller?.subscribe(l) ?? (() => undefined),
    () => controller?.getSnapshot() ?? null
  )
  return snapshot ? snapshot.threads.filter((t) => !t.resolved).length : 0
}

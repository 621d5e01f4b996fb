import { useCallback, useEffect, useState, type ReactNode } from 'react'
import type { BaseSelection } from 'lexical'
import { CommentComposer } from './comments/CommentComposer'
import type { CommentsController } from './comments/controller'
import type { Assignments } from './assignments/controller'
import { ASSIGNMENT_STATES } from '@shared/office/layout'
import type { Report } from '@shared/doc/model'
import type { SharedLink } from './officeDb'
import { useOfficeStatus } from './officeStatus'
import { PublishDialog } from './PublishDialog'
import type { CollabSession } from './session'
import { ShareDialog } from './ShareDialog'
import { useSessionState } from './useSessionState'

const CONNECTION: Record<string, string> = {
  online: '已连接',
  connecting: '正在连接…',
  offline: '离线：修改保存在本机，联网后自动合并',
  'signed-out': '未登录办公室服务器：修改保存在本机'
}

/**
 * Above the page of a report, once the clerk has signed in to an office server: who else is
 * in the shared report, whether this desk is connected, and the buttons to share and publish.
 */
export function CollabBar(props: {
  reportId: string
  link: SharedLink | null
  session: CollabSession | null
  /** 批注 of a shared report this desk may write in. */
  comments: CommentsController | null
  /** The sections' assignments, for a line on how far the parts are. */
  assignments: Assignments
  readOnly: boolean
  flush: () => Promise<void>
  report: () => Promise<Report>
  notify: (kind: 'success' | 'error' | 'info', text: string) => void
  children?: ReactNode
}) {
  const office = useOfficeStatus()
  const state = useSessionState(props.session)
  const [dialog, setDialog] = useState<'share' | 'publish' | null>(null)
  const [composing, setComposing] = useState<BaseSelection | null>(null)
  const { flush, report, comments, notify } = props
  const startComment = useCallback(() => {
    if (!comments) return
    if (!comments.canComment()) return notify('info', '请先选中要批注的文字。')
    setComposing(comments.keepSelection())
  }, [comments, notify])
  // Ctrl+Alt+M: Word's and WPS's key for a new comment.
  useEffect(() => {
    if (!comments) return
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.altKey && e.key.toLowerCase() === 'm') {
        e.preventDefault()
        startComment()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [comments, startComment])
  // Saved first: the text as it is now is what is shared or published.
  const current = useCallback(async () => {
    await flush()
    return report()
  }, [flush, report])
  if (!office?.server || (!props.link && !office.signedIn)) return null
  const owner = !props.link || props.link.role === 'owner'
  return (
    <div className="collab-bar" role="region" aria-label="协作">
      {props.link && props.session && (
        <>
          <span className={`collab-status collab-${state.connection}`} role="status">
            {props.link.role === 'owner' ? '共享报告' : `${props.link.ownerName} 共享的报告${props.link.role === 'read' ? '（只读）' : ''}`} · {CONNECTION[state.connection]}
            {state.unsaved && state.connection === 'online' ? ' · 正在同步…' : ''}
          </span>
          {Object.keys(props.assignments).length > 0 && (
            <span className="collab-progress" title="各部分的分工进度">
              分工 {ASSIGNMENT_STATES.map((st) => `${st} ${Object.values(props.assignments).filter((a) => a.state === st).length}`).join(' · ')}
            </span>
          )}
          <span className="collab-peers" aria-label="正在编辑的同事">
            {state.peers.map((p) => (
              <span key={p.clientId} className="collab-peer" style={{ borderColor: p.color, color: p.color }} title={`${p.name} 正在编辑`}>
                {p.name}
              </span>
            ))}
          </span>
        </>
      )}
      <span className="collab-actions">
        {props.children}
        {comments && (
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={startComment} title="为选中的文字添加批注（Ctrl+Alt+M）">
            批注
          </button>
        )}
        {office.signedIn && owner && !props.readOnly && (
          <button type="button" onClick={() => setDialog('share')}>
            {props.link ? '共享设置…' : '共享…'}
          </button>
        )}
        {office.signedIn && owner && (
          <button type="button" onClick={() => setDialog('publish')}>
            发布到办公室…
          </button>
        )}
      </span>
      {composing && comments && <CommentComposer controller={comments} selection={composing} onClose={() => setComposing(null)} />}
      {dialog === 'share' && <ShareDialog reportId={props.reportId} report={current} onClose={() => setDialog(null)} notify={props.notify} />}
      {dialog === 'publish' && <PublishDialog reportId={props.reportId} report={current} onClose={() => setDialog(null)} notify={props.notify} />}
    </div>
  )
}

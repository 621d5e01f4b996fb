import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { LexicalEditor } from 'lexical'
import type { ReportMeta } from '@shared/doc/model'
import { parseServerAddress } from '@shared/office/address'
import type { ReportRecord } from '../../db/database'
import { getReport } from '../../db/reports'
import type { ReportEditorProps } from '../../editor/ReportEditor'
import { initialStateLoader } from '../../editor/loadRecord'
import { readDocumentInfo } from '../../editor/plugins/DocumentInfoPlugin'
import { SharedReportPlugin } from '../../editor/plugins/SharedReportPlugin'
import { CommentsPlugin } from '../../editor/plugins/CommentsPlugin'
import { SectionLockPlugin } from '../../editor/plugins/SectionLockPlugin'
import type { OutlineEntry } from '../outline/outlineEntries'
import { AssignmentBadge } from './assignments/AssignmentBadge'
import { AssignmentsController, type Assignments } from './assignments/controller'
import type { SideTab } from '../../ui/SidePanel'
import type { Notify } from '../../ui/useDialogAction'
import { CommentsController } from './comments/controller'
import { CommentsPanel, useOpenThreads } from './comments/CommentsPanel'
import { CollabBar } from './CollabBar'
import { officeDb, useSharedLinks } from './officeDb'
import { useOfficeStatus } from './officeStatus'
import { publishReport } from './PublishDialog'
import { createCollabSession, type CollabSession } from './session'
import './collab.css'

export interface CollabOptions {
  record: ReportRecord | null
  meta: ReportMeta
  setMeta: (meta: ReportMeta) => void
  flush: () => Promise<void>
  notify: Notify
  editor: LexicalEditor | null
  readOnly: boolean
}

export interface Collab {
  /** The report is shared and its session is still being set up: show nothing editable yet. */
  pending: boolean
  /** Part of the editor's key: a new session mounts a new editor. */
  key: string
  editor: ReportEditorProps['collaboration']
  bar: ReactNode
  /** Tabs for the side panel: 批注 of a shared report. */
  tabs: SideTab[]
  /** In each outline row of a shared report: who writes the section and how far it is. */
  outlineExtra?: (entry: OutlineEntry) => ReactNode
}

interface Active {
  session: CollabSession
  bootstrap: ((editor: LexicalEditor) => void) | null
  key: string
}

let sessions = 0
const NONE: Assignments = {}

/**
 * Everything the window needs for the office server's side of a report: the shared session of a
 * shared report (its editor plugins), and the bar with sharing and publishing.
 */
export function useCollab(options: CollabOptions): Collab {
  const { record, meta, setMeta, flush, notify, editor, readOnly } = options
  const reportId = record?.id ?? null
  const office = useOfficeStatus()
  const links = useSharedLinks()
  const link = (reportId && links?.get(reportId)) || null
  const [started, setActive] = useState<Active | null>(null)
  const [resets, setResets] = useState(0)
  const latest = useRef({ notify })
  latest.current = { notify }

  const ws = link ? (parseServerAddress(link.server)?.ws ?? null) : null
  const sameServer = !!link && office?.server === link.server
  const user = sameServer && office?.user ? office.user : null
  const officeKnown = office !== null
  useEffect(() => {
    setActive(null)
    // Until main has said which server this desk is signed in to, a session would start as the wrong one.
    if (!link || !ws || !officeKnown) return
    let cancelled = false
    let session: CollabSession | null = null
    void (async () => {
      // The owner's text as last saved is what goes into a still empty shared document.
      const saved = await getReport(link.reportId)
      session = createCollabSession({ link, ws, user: user ?? { id: 'local', name: '本机', unit: '' }, signedIn: sameServer && !!office?.signedIn })
      if (cancelled) return session.destroy()
      const bootstrap = link.role === 'owner' && saved ? initialStateLoader(saved.editorState, saved.report, { problem: null }) : null
      const s = session
      s.subscribe(() => {
        const refused = s.state().refused
        if (!refused) return
        latest.current.notify('error', `${refused}本机的这处修改已撤回，报告已恢复为服务器上的内容。`)
        void s.discardLocalCopy().then(() => setResets((n) => n + 1))
      })
      setActive({ session: s, bootstrap, key: `shared-${++sessions}` })
    })()
    return () => {
      cancelled = true
      const s = session
      // After the editor bound to it has unmounted.
      setTimeout(() => s?.destroy(), 0)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link?.reportId, link?.server, link?.role, ws, user?.id, sameServer, office?.signedIn, officeKnown, resets])

  // Only the open report's own session: for a render after switching reports the state still holds the last one's.
  const active = started && link && started.session.link.reportId === link.reportId && started.session.link.server === link.server ? started : null
  const session = active?.session ?? null
  const role = link?.role
  const comments = useMemo(() => (active ? new CommentsController(active.session) : null), [active])
  const assignments = useMemo(() => (active ? new AssignmentsController(active.session) : null), [active])
  const assigned = useSyncExternalStore(
    (l) => assignments?.subscribe(l) ?? (() => undefined),
    () => assignments?.getSnapshot() ?? NONE
  )
  const limited = role === 'edit' && !!link?.limited
  const canWrite = role === 'owner' || role === 'edit'
  const isMine = useCallback((sectionId: string) => !!assignments?.mine(sectionId), [assignments])
  const onBlocked = useCallback(() => latest.current.notify('info', '这部分不归您负责：报告所有者只让您修改分配给您（或本科室）的部分。'), [])
  const collaboration = useMemo<ReportEditorProps['collaboration']>(() => {
    if (!active || !comments) return undefined
    return {
      readOnly: role === 'read',
      plugins: (cursors) => (
        <>
          <SharedReportPlugin session={active.session} bootstrap={active.bootstrap} cursorsRef={cursors} meta={meta} canEditMeta={role === 'owner' || (role === 'edit' && !link?.limited)} onRemoteMeta={setMeta} />
          <CommentsPlugin controller={comments} canWrite={canWrite && !readOnly} userId={active.session.user.id} owner={role === 'owner'} />
          {limited && <SectionLockPlugin isMine={isMine} version={assigned} onBlocked={onBlocked} />}
        </>
      )
    }
  }, [active, comments, role, link?.limited, meta, setMeta, limited, isMine, assigned, onBlocked, canWrite, readOnly])
  const outlineExtra = useMemo(
    () =>
      assignments
        ? (entry: OutlineEntry) => <AssignmentBadge sectionId={entry.id} title={`${entry.marker}${entry.title}`} assignment={assigned[entry.id]} controller={assignments} />
        : undefined,
    [assignments, assigned]
  )
  const openThreads = useOpenThreads(comments)
  const tabs = useMemo<SideTab[]>(
    () =>
      comments && active
        ? [{ id: 'comments', label: '批注', badge: openThreads, content: <CommentsPanel controller={comments} canWrite={canWrite && !readOnly} userId={active.session.user.id} owner={role === 'owner'} /> }]
        : [],
    [comments, active, openThreads, canWrite, readOnly, role]
  )

  const bar = record ? (
    <CollabBar
      reportId={record.id}
      link={link}
      session={session}
      comments={canWrite && !readOnly ? comments : null}
      assignments={assigned}
      readOnly={readOnly}
      flush={flush}
      report={async () => (editor ? readDocumentInfo(editor, meta).report : ((await getReport(record.id))?.report ?? record.report))}
      notify={notify}
    />
  ) : null

  return {
    pending: !!record && (links === null || (!!link && !!ws && !active)),
    key: active?.key ?? 'local',
    editor: collaboration,
    bar,
    tabs,
    outlineExtra
  }
}

/**
 * Finalising a shared report puts it in the office archive, for everyone it was shared with.
 * Answers null when the report is not one this clerk shared, else whether it went out.
 */
export async function publishShared(reportId: string): Promise<{ ok: true } | { ok: false; error: string } | null> {
  const link = await officeDb.links.get(reportId)
  if (!link || link.role !== 'owner') return null
  const record = await getReport(reportId)
  if (!record) return null
  try {
    const mine = (await window.api.officeSharedReports()).reports.find((r) => r.id === reportId)
    const shares = mine?.shares ?? []
    await publishReport(reportId, record.report, { units: shares.filter((s) => s.kind === 'unit').map((s) => s.principal), users: shares.filter((s) => s.kind === 'user').map((s) => s.principal) })
    return { ok: true }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

export async function publishIfShared(reportId: string, notify: Notify): Promise<void> {
  const outcome = await publishShared(reportId)
  if (!outcome) return
  if (outcome.ok) notify('success', '已定稿，并发布到办公室文档库，共享的同事都会收到。')
  else notify('error', `已定稿，但未能发布到办公室文档库：${outcome.error}`)
}

import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext'
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { Provider } from '@lexical/yjs'
import type { LexicalEditor } from 'lexical'
import * as Y from 'yjs'
import { REPORT_KINDS, type ReportMeta } from '@shared/doc/model'
import { META } from '@shared/office/layout'
import type { CollabSession } from '../../../features/collab/session'
import { collabUndoManager, registerUndoSteps } from './undoSteps'

export interface SharedReportPluginProps {
  session: CollabSession
  /** The owner's report as it was when shared: written into the shared document while that is empty. */
  bootstrap: ((editor: LexicalEditor) => void) | null
  cursorsRef: RefObject<HTMLElement | null>
  meta: ReportMeta
  /** May this desk change the metadata (owner, or a collaborator not limited to sections)? */
  canEditMeta: boolean
  onRemoteMeta: (meta: ReportMeta) => void
}

type SharedMeta = Omit<ReportMeta, 'title'>
const META_KEYS = ['kind', 'period', 'unit', 'author', 'date', 'script'] as const

function readMeta(map: Y.Map<unknown>, base: ReportMeta): ReportMeta {
  const out: ReportMeta = { ...base }
  for (const key of META_KEYS) {
    const v = map.get(key)
    if (typeof v !== 'string') continue
    if (key === 'kind') out.kind = (REPORT_KINDS as readonly string[]).includes(v) ? (v as ReportMeta['kind']) : out.kind
    else if (key === 'script') out.script = v === 'traditional' ? 'traditional' : 'simplified'
    else out[key] = v
  }
  return out
}

/**
 * A shared report's editor bound to its Yjs document with Lexical's CollaborationPlugin: the
 * text through @lexical/yjs, carets with the account names, undo for this desk's own changes
 * only (Yjs's UndoManager tracks the local origin), one step per place the clerk typed in. The
 * metadata (kind, period, unit…) follows in the document's `meta` map.
 */
export function SharedReportPlugin({ session, bootstrap, cursorsRef, meta, canEditMeta, onRemoteMeta }: SharedReportPluginProps) {
  const [editor] = useLexicalComposerContext()
  // Looked up at each move: CollaborationPlugin makes the UndoManager only once its binding exists.
  useEffect(() => registerUndoSteps(editor, () => collabUndoManager(editor)), [editor])

  const providerFactory = useCallback(
    (id: string, docMap: Map<string, Y.Doc>): Provider => {
      docMap.set(id, session.doc)
      return session.lexicalProvider
    },
    [session]
  )

  const latest = useRef({ meta, onRemoteMeta })
  latest.current = { meta, onRemoteMeta }
  useEffect(() => {
    const map = session.doc.getMap<unknown>(META)
    const onChange = (_e: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
      if (tr.local) return
      const next = readMeta(map, latest.current.meta)
      if (META_KEYS.some((k) => next[k] !== latest.current.meta[k])) latest.current.onRemoteMeta(next)
    }
    map.observe(onChange)
    // This desk's copy (or the server's) may already hold the metadata.
    void session.local.then(() => {
      if (map.size > 0) {
        const next = readMeta(map, latest.current.meta)
        if (META_KEYS.some((k) => next[k] !== latest.current.meta[k])) latest.current.onRemoteMeta(next)
      }
    })
    return () => map.unobserve(onChange)
  }, [session])

  // Only what the clerk changes here goes to the document (never the stale values a desk opens with);
  // the owner's first opening after sharing fills the map.
  const previous = useRef<ReportMeta | null>(null)
  useEffect(() => {
    const before = previous.current
    previous.current = meta
    if (!canEditMeta) return
    const map = session.doc.getMap<unknown>(META)
    const changed = META_KEYS.filter((k) => (before ? before[k] !== meta[k] : map.size === 0 && bootstrap !== null) && map.get(k) !== (meta as SharedMeta)[k])
    if (changed.length) session.doc.transact(() => changed.forEach((k) => map.set(k, meta[k])))
  }, [session, meta, canEditMeta, bootstrap])

  return (
    <LexicalCollaboration>
      <CollaborationPlugin
        id={session.reportId}
        providerFactory={providerFactory}
        shouldBootstrap={bootstrap !== null}
        username={session.user.name}
        cursorColor={session.color}
        cursorsContainerRef={cursorsRef}
        initialEditorState={bootstrap ?? undefined}
      />
    </LexicalCollaboration>
  )
}

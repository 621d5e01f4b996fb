/**
 * The office server's side of the open report (features/collab), wired to the window's model:
 * useCollab runs once here, and the editor pane and the side pane read their parts of it.
 * A context rather than a store, so the editor pane sees a shared report's session as pending in
 * the very render that opens it (a store would be set an effect later, after the editor had
 * mounted once on the local copy).
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import type { ReportMeta } from '@shared/doc/model'
import { OfficeSync } from '../features/collab/OfficeSync'
import { useCollab, type Collab } from '../features/collab/useCollab'
import { useApp } from './AppContext'
import { useStore } from './store'

type EditorPart = Pick<Collab, 'pending' | 'key' | 'editor' | 'bar'>
type SidePart = Pick<Collab, 'tabs' | 'outlineExtra'>

const LOCAL: EditorPart & SidePart = { pending: false, key: 'local', editor: undefined, bar: null, tabs: [] }
const EditorContext = createContext<EditorPart>(LOCAL)
const SideContext = createContext<SidePart>(LOCAL)

export function CollabProvider({ children }: { children: ReactNode }) {
  const { report, ui } = useApp()
  const record = useStore(report.store, (s) => s.opened?.record ?? null)
  const meta = useStore(report.store, (s) => s.meta)
  const editor = useStore(report.store, (s) => s.editor)
  const readOnly = useStore(report.store, (s) => s.loadProblem !== null || s.opened?.record.status === 'final')
  const setMeta = useCallback((m: ReportMeta) => report.store.set({ meta: m }), [report])
  const collab = useCollab({ record, meta, setMeta, flush: report.flush, notify: ui.notify, editor, readOnly })
  const { pending, key, editor: collaboration, bar, tabs, outlineExtra } = collab
  const editorPart = useMemo(() => ({ pending, key, editor: collaboration, bar }), [pending, key, collaboration, bar])
  const sidePart = useMemo(() => ({ tabs, outlineExtra }), [tabs, outlineExtra])
  return (
    <EditorContext.Provider value={editorPart}>
      <SideContext.Provider value={sidePart}>{children}</SideContext.Provider>
    </EditorContext.Provider>
  )
}

/** The editor pane's part: the bar, whether to wait, the editor's key and its collaboration plugins. */
export const useCollabEditor = (): EditorPart => useContext(EditorContext)

/** The side pane's part: the 批注 tab and each outline row's assignment. */
export const useCollabSide = (): SidePart => useContext(SideContext)

/**
 * Keeps the desk in step with the office server. What it writes goes through db/reports, whose
 * change announcements refresh the lists and the search index; the open report is reloaded when
 * the office replaced it (a shared report the owner finalised and published).
 */
export function OfficeWatcher() {
  const { report } = useApp()
  const onChanged = useCallback(
    (ids: string[]) => {
      for (const id of ids) void report.reloadIfOpen(id)
    },
    [report]
  )
  return <OfficeSync onChanged={onChanged} />
}

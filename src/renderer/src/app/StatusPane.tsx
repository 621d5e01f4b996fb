import { useEffect, useMemo } from 'react'
import { reportStats } from '@shared/doc/stats'
import { StatusBar } from '../features/editor/StatusBar'
import { ZoomControl } from '../features/page-view/ZoomControl'
import { useApp } from './AppContext'
import { useStore } from './store'

/** The status bar, fed from the open report and the page view. */
export function StatusPane() {
  const { report, ui, zoom, pageLayout } = useApp()
  const page = useStore(pageLayout, (s) => s.current)
  const pages = useStore(pageLayout, (s) => s.pages)
  const measured = useStore(pageLayout, (s) => s.measured)
  const info = useStore(report.store, (s) => s.info)
  const readOnly = useStore(report.store, (s) => s.loadProblem !== null || s.opened?.record.status === 'final')
  const saveNote = useStore(ui, (s) => s.saveNote)
  const characters = useMemo(() => (info ? reportStats(info.report).characters : 0), [info])
  // Ctrl+S's message stays a few seconds, then the plain save status speaks again.
  useEffect(() => {
    if (!saveNote) return
    const t = setTimeout(() => ui.set({ saveNote: null }), 4000)
    return () => clearTimeout(t)
  }, [saveNote, ui])
  return <StatusBar characters={characters} page={Math.min(page, pages)} pages={pages} measured={measured} saveStatus={report.saveStatus} saveNote={saveNote} readOnly={readOnly} zoom={<ZoomControl zoom={zoom} />} />
}

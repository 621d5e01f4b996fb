import { useCallback } from 'react'
import { DraftList, type DraftSummary } from '../features/drafts/DraftList'
import { useApp } from './AppContext'
import { useStore } from './store'

/** The drafts beside the page, wired to the open report. */
export function DraftPane() {
  const { report, ui } = useApp()
  const drafts = useStore(report.store, (s) => s.drafts)
  const view = useStore(ui, (s) => s.view)
  const currentId = useStore(report.store, (s) => s.opened?.record.id ?? null)
  // Stable callbacks: the memoised list then skips the re-renders it has no part in.
  const open = useCallback((id: string) => void report.open(id), [report])
  const create = useCallback(() => ui.set({ dialog: 'new' }), [ui])
  const remove = useCallback((d: DraftSummary) => void report.remove(d), [report])
  const library = useCallback(() => ui.toggleView('library'), [ui])
  const settings = useCallback(() => ui.toggleView('settings'), [ui])
  return (
    <DraftList
      drafts={drafts}
      currentId={view === 'editor' ? currentId : null}
      onOpen={open}
      onCreate={create}
      onDelete={remove}
      onLibrary={library}
      libraryOpen={view === 'library'}
      onSettings={settings}
      settingsOpen={view === 'settings'}
    />
  )
}

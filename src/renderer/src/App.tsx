import { useEffect, useState } from 'react'
import { AppContext } from './app/AppContext'
import { CollabProvider, OfficeWatcher } from './app/CollabProvider'
import { createAppModel } from './app/appModel'
import { DraftPane } from './app/DraftPane'
import { Dialogs } from './app/Dialogs'
import { EditorPane } from './app/EditorPane'
import { LibraryPane } from './app/LibraryPane'
import { ReportWatchers, SidePane } from './app/SidePane'
import { StatusPane } from './app/StatusPane'
import { useStore } from './app/store'
import { SettingsScreen, useAutoBackup } from './features/settings/SettingsScreen'
import { useSearchIndex } from './features/search/useSearch'

/** The window: drafts | the screen (editor, library or settings) | the side panel, with the status bar below. */
export function App() {
  const search = useSearchIndex()
  const [app] = useState(createAppModel)
  useEffect(() => app.connect(), [app])
  useAutoBackup()
  const view = useStore(app.ui, (s) => s.view)
  const showOutline = useStore(app.ui, (s) => s.showOutline)
  const side = showOutline && view === 'editor'

  // Leaving the editor for another screen saves first: a backup or export taken there sees the latest text.
  useEffect(() => {
    if (view !== 'editor') void app.report.flush()
  }, [view, app])

  return (
    <AppContext.Provider value={app}>
      <CollabProvider>
        <div className={`app${side ? '' : ' no-outline'}`}>
          <DraftPane />
          <main className="editor-area">
            {view === 'library' && <LibraryPane search={search} />}
            {view === 'settings' && <SettingsScreen onRestored={app.report.afterRestore} notify={app.ui.notify} />}
            {/* The editor stays mounted behind the other screens: unmounting would reload a stale copy of the report. */}
            <EditorPane />
            <Dialogs />
          </main>
          {side && <SidePane />}
          <ReportWatchers />
          <OfficeWatcher />
          <StatusPane />
        </div>
      </CollabProvider>
    </AppContext.Provider>
  )
}

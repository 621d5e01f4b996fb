/**
 * The window's model, created once: the stores, the flows and the command handlers, plus the
 * connections to main (menu commands, progress, the close handshake) made exactly once.
 */
import { COMMANDS, matchesAccelerator, type CommandId } from '@shared/commands'
import { createCarryForwardFlow } from '../features/carry-forward/carryForwardFlow'
import { createContextMenu, type ContextMenu } from '../features/context-menu/contextMenu'
import { createExportFlow, type ExportFlow } from '../features/export/exportFlow'
import { createFindController, type FindController } from '../features/find/findController'
import { createImportFlow, type ImportFlow } from '../features/import/importFlow'
import { createOpenReport, type OpenReport } from '../features/open-report/openReport'
import { createZoom, type Zoom } from '../features/page-view/zoom'
import { createPageLayout, type PageLayout } from '../features/page-view/pageLayout'
import { createVersionFlow, type VersionFlow } from '../features/versions/versionFlow'
import { createCommandHandlers, type CommandHandlers } from './commandHandlers'
import { createUiStore, type UiStore } from './uiStore'

export interface AppModel {
  ui: UiStore
  report: OpenReport
  importFlow: ImportFlow
  exportFlow: ExportFlow
  carryForward: (id: string) => Promise<void>
  versions: VersionFlow
  find: FindController
  zoom: Zoom
  /** What the page view measured: pages and the caret's page. */
  pageLayout: PageLayout
  contextMenu: ContextMenu
  commands: CommandHandlers
  /** Runs a command if it can act now. */
  run(id: CommandId): void
  /** Connects to main and opens the last report; returns the disconnect. Safe to call again after it. */
  connect(): () => void
}

const isMac = () => /Mac/.test(navigator.platform)

export function createAppModel(): AppModel {
  const ui = createUiStore()
  const report = createOpenReport(ui)
  const importFlow = createImportFlow(report, ui)
  const exportFlow = createExportFlow(report, ui)
  const versions = createVersionFlow(report, ui)
  const find = createFindController()
  const zoom = createZoom()
  const commands = createCommandHandlers({ ui, report, importFlow, exportFlow, versions, find, zoom })
  let started = false
  const run = (id: CommandId) => {
    const h = commands[id]
    if (h.enabled?.() ?? true) h.run()
  }

  /**
   * The table's keys, handled here by one listener (in the app the native menu only shows them).
   * Keys the editor handles itself (Ctrl+1…4, Tab, Ctrl+Z…) are left to it.
   */
  const keyed = (Object.entries(COMMANDS) as [CommandId, (typeof COMMANDS)[CommandId]][]).filter(([, spec]) => spec.accelerator && !spec.editorKey)
  const onKey = (e: KeyboardEvent) => {
    // Plain typing (no modifier, not a function key) is never a command: most keys leave at once.
    if (e.defaultPrevented || e.isComposing || (!e.ctrlKey && !e.metaKey && !e.altKey && !/^F\d/.test(e.key))) return
    const mac = isMac()
    const hit = keyed.find(([, spec]) => matchesAccelerator(spec.accelerator!, e, mac))
    if (!hit) return
    e.preventDefault()
    run(hit[0])
  }

  return {
    ui,
    report,
    importFlow,
    exportFlow,
    carryForward: createCarryForwardFlow(report, ui),
    versions,
    find,
    zoom,
    pageLayout: createPageLayout(),
    contextMenu: createContextMenu(),
    commands,
    run,
    connect() {
      // The last draft first: the lists read the archive once it is open.
      let starting: Promise<void> = Promise.resolve()
      if (!started) {
        started = true
        starting = report.start()
      }
      const offs = [
        report.connect(starting),
        window.api.onMenuCommand((id) => run(id)),
        window.api.onBeforeClose(() => void report.flush().finally(() => void window.api.closeReady())),
        importFlow.connect(),
        exportFlow.connect(),
        find.connect(() => report.store.get().editor, report.store.subscribe, report.readOnly)
      ]
      // The one key listener, in the app as in the browser build: the native menu shows the keys but
      // leaves them to the page (platform/menu.ts), so each press acts once.
      window.addEventListener('keydown', onKey)
      return () => {
        window.removeEventListener('keydown', onKey)
        for (const off of offs) off()
      }
    }
  }
}

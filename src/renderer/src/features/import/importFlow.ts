/**
 * Importing files: the native dialog, the preview (where a line taken for web noise can be put
 * back), then one draft per report chosen. Progress comes from main while files are read.
 */
import { importLines } from '@shared/import'
import type { FileImport } from '@shared/ipc'
import { createReports } from '../../db/reports'
import { createStore, type Store } from '../../app/store'
import { errorText, type UiStore } from '../../app/uiStore'
import type { OpenReport } from '../open-report/openReport'
import type { PreviewReport } from './ImportPreview'

export interface ImportState {
  importing: { files: FileImport[]; kept: Set<string>[] } | null
}

export interface ImportFlow {
  store: Store<ImportState>
  start(folder: boolean): Promise<void>
  /** Re-reads one file of the preview keeping a line the clerk says is not noise. */
  restoreNoise(fileIndex: number, line: string): void
  confirm(chosen: PreviewReport[]): Promise<void>
  cancel(): void
  /** Follows main's progress events; returns the unsubscribe. */
  connect(): () => void
}

export function createImportFlow(report: OpenReport, ui: UiStore): ImportFlow {
  const store = createStore<ImportState>({ importing: null })
  return {
    store,
    async start(folder) {
      try {
        const files = folder ? await window.api.importFolderDialog() : await window.api.importFilesDialog()
        ui.set({ progress: null })
        if (files.length) store.set({ importing: { files, kept: files.map(() => new Set<string>()) } })
      } catch (e) {
        ui.set({ progress: null })
        ui.notify('error', errorText(e))
      }
    },
    restoreNoise(fileIndex, line) {
      const cur = store.get().importing
      const file = cur?.files[fileIndex]
      if (!cur || !file?.source) return
      const kept = new Set(cur.kept[fileIndex]).add(line)
      const result = importLines(file.source.lines, { headingHints: file.source.headingHints, keep: kept })
      const files = cur.files.map((f, i) => (i === fileIndex ? { ...f, result: { ...result, encoding: f.result?.encoding } } : f))
      store.set({ importing: { files, kept: cur.kept.map((k, i) => (i === fileIndex ? kept : k)) } })
    },
    async confirm(chosen) {
      store.set({ importing: null })
      // Saved in batches, with progress: an import of hundreds of reports is not one long wait.
      const title = '正在保存导入的总结…'
      const progress = (done: number) => ui.set({ progress: done < chosen.length ? { done, total: chosen.length, name: chosen[done]?.report.meta.title ?? '', title } : null })
      progress(0)
      try {
        await createReports(chosen.map((c) => c.report), progress)
      } finally {
        ui.set({ progress: null })
      }
      ui.notify('success', `已导入 ${chosen.length} 篇总结。`)
    },
    cancel: () => store.set({ importing: null }),
    connect: () => window.api.onImportProgress((p) => ui.set({ progress: p.done < p.total ? { ...p, title: '正在导入…' } : null }))
  }
}

/**
 * Export, batch export and printing: each reads the report as saved a moment ago (the editor is
 * flushed first), so a file never misses the last second of typing.
 */
import type { ExportFormat } from '@shared/ipc'
import { loadDocxPreferences } from '../../db/preferences'
import { getReport, getReportModel } from '../../db/reports'
import { addVersion } from '../../db/versions'
import { readDocumentInfo } from '../../editor/plugins/DocumentInfoPlugin'
import { errorText, type UiStore } from '../../app/uiStore'
import { withOverwriteConsent } from '../../ui/overwrite'
import type { OpenReport } from '../open-report/openReport'

export interface ExportFlow {
  exportAs(format: ExportFormat): Promise<void>
  exportMany(ids: string[], format: ExportFormat): Promise<void>
  print(): Promise<void>
  connect(): () => void
}

export function createExportFlow(report: OpenReport, ui: UiStore): ExportFlow {
  /** The open report as the editor holds it now, after saving it. */
  const current = async () => {
    const { editor, meta } = report.store.get()
    if (!editor) return null
    await report.flush()
    return readDocumentInfo(editor, meta).report
  }
  return {
    async exportAs(format) {
      const model = await current()
      if (!model) return
      try {
        const docx = await loadDocxPreferences()
        const result = await withOverwriteConsent((overwriteToken) => window.api.exportReport({ report: model, format, docx, overwriteToken }))
        if (result.status === 'saved') {
          ui.notify('success', `已导出：${result.path}`, result.path)
          const id = report.store.get().opened?.record.id
          const saved = id && (await getReport(id))
          if (saved) await addVersion(saved, 'export', `导出为 ${format}`)
        } else if (result.status === 'error') ui.notify('error', result.message)
      } catch (e) {
        ui.notify('error', errorText(e))
      }
    },
    async exportMany(ids, format) {
      await report.flush()
      // One at a time, without the editor states: a selection may be hundreds of reports.
      const reports = []
      for (const id of ids) {
        const r = await getReportModel(id)
        if (r) reports.push(r.report)
      }
      try {
        const r = await window.api.exportMany({ reports, format, docx: await loadDocxPreferences() })
        ui.set({ progress: null })
        if (r.status === 'canceled') return
        const failed = r.files.filter((f) => f.error)
        ui.notify(
          failed.length ? 'error' : 'success',
          `已导出 ${r.files.length - failed.length} 篇到 ${r.dir}${failed.length ? `；${failed.length} 篇失败：${failed.map((f) => `《${f.title}》${f.error}`).join('；')}` : ''}`
        )
      } catch (e) {
        ui.set({ progress: null })
        ui.notify('error', errorText(e))
      }
    },
    async print() {
      const model = await current()
      if (!model) return
      try {
        await window.api.printReport({ report: model, docx: await loadDocxPreferences() })
      } catch (e) {
        ui.notify('error', errorText(e))
      }
    },
    connect: () => window.api.onExportProgress((p) => ui.set({ progress: p.done < p.total ? { ...p, title: '正在导出…' } : null }))
  }
}

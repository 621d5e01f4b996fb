/** The dialogs and messages over the window: new report, 简繁, save as template, import, progress, notices. */
import { templateFromReport } from '@shared/templates'
import { saveUserTemplate } from '../db/templates'
import { ImportPreview, ImportProgress } from '../features/import/ImportPreview'
import { NewReportDialog } from '../features/new-report/NewReportDialog'
import { ScriptDialog } from '../features/script/ScriptDialog'
import { Notice } from '../ui/Notice'
import { PromptDialog } from '../ui/PromptDialog'
import { useApp } from './AppContext'
import { useStore } from './store'

export function Dialogs() {
  const app = useApp()
  const { ui, report } = app
  const dialog = useStore(ui, (s) => s.dialog)
  const notice = useStore(ui, (s) => s.notice)
  const progress = useStore(ui, (s) => s.progress)
  const scriptSelection = useStore(ui, (s) => s.scriptSelection)
  const drafts = useStore(report.store, (s) => s.drafts)
  const info = useStore(report.store, (s) => s.info)
  const editor = useStore(report.store, (s) => s.editor)
  const importing = useStore(app.importFlow.store, (s) => s.importing)
  const close = () => ui.set({ dialog: null })
  return (
    <>
      {notice && <Notice notice={notice} onClose={() => ui.set({ notice: null })} />}
      {dialog === 'new' && (
        <NewReportDialog
          reports={drafts}
          onCancel={close}
          onCreate={(r) => {
            close()
            void report.create(r)
          }}
          onCarry={(id) => {
            close()
            void app.carryForward(id)
          }}
        />
      )}
      {dialog === 'script' && info && editor && (
        <ScriptDialog
          editor={editor}
          report={info.report}
          selection={scriptSelection}
          onApplied={(m) => report.store.set((s) => ({ meta: { ...s.meta, ...m, title: s.meta.title } }))}
          onClose={close}
        />
      )}
      {dialog === 'save-template' && info && (
        <PromptDialog
          title="存为模板"
          label="模板名称"
          initial={info.report.meta.title.replace(/^\d{4}年度?/, '') || '我的模板'}
          onCancel={close}
          onOk={(name) => {
            close()
            void saveUserTemplate(templateFromReport(info.report, name)).then(() => ui.notify('success', `已存为模板“${name}”，新建总结时可以选用。`))
          }}
        />
      )}
      {progress && <ImportProgress {...progress} />}
      {importing && <ImportPreview files={importing.files} onRestoreNoise={app.importFlow.restoreNoise} onConfirm={(c) => void app.importFlow.confirm(c)} onCancel={app.importFlow.cancel} />}
    </>
  )
}

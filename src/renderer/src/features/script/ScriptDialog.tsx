import { useMemo, useState } from 'react'
import type { LexicalEditor } from 'lexical'
import { $getSelection, $isRangeSelection } from 'lexical'
import type { Report, ReportMeta, Script } from '@shared/doc/model'
import { convertReportScript, convertText } from '@shared/convert/report-script'
import { $loadReport } from '../../editor/convert/fromModel'
import { Modal } from '../../ui/Modal'

/** The text selected in the editor when the dialog opened, if any. */
export function selectedText(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const s = $getSelection()
    return $isRangeSelection(s) && !s.isCollapsed() ? s.getTextContent() : ''
  })
}

/**
 * 简繁 conversion of the whole report or of the selected text, with a preview of every change
 * before anything is applied. Applying is one undo step.
 */
export function ScriptDialog({ editor, report, selection, onApplied, onClose }: { editor: LexicalEditor; report: Report; selection: string; onApplied: (meta: ReportMeta) => void; onClose: () => void }) {
  const [to, setTo] = useState<Script>(report.meta.script === 'traditional' ? 'simplified' : 'simplified')
  const [scope, setScope] = useState<'all' | 'selection'>(selection ? 'selection' : 'all')
  const preview = useMemo(() => {
    if (scope === 'selection') {
      const after = convertText(selection, to)
      return { changes: after === selection ? [] : [{ before: selection, after }], result: null }
    }
    const result = convertReportScript(report, to)
    return { changes: result.changes.map((c) => ({ before: c.before, after: c.after })), result }
  }, [scope, to, report, selection])

  const apply = () => {
    if (scope === 'selection') {
      const after = convertText(selection, to)
      editor.update(() => {
        const s = $getSelection()
        if ($isRangeSelection(s) && s.getTextContent() === selection) s.insertText(after)
      })
    } else if (preview.result) {
      const converted = preview.result.report
      editor.update(() => $loadReport(converted))
      onApplied({ ...converted.meta, script: to })
    }
    onClose()
  }

  return (
    <Modal label="简繁转换" onCancel={onClose}>
        <h2 className="modal-title">简繁转换</h2>
        <div className="settings-row">
          <label>
            <input type="radio" name="to" checked={to === 'simplified'} onChange={() => setTo('simplified')} /> 转为简体
          </label>
          <label>
            <input type="radio" name="to" checked={to === 'traditional'} onChange={() => setTo('traditional')} /> 转为繁体
          </label>
          <span className="muted">|</span>
          <label>
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> 全文
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'selection'} disabled={!selection} onChange={() => setScope('selection')} /> 所选文字
          </label>
        </div>
        <p className="muted" aria-live="polite">
          {preview.changes.length === 0 ? '没有需要转换的文字。' : `将改动 ${preview.changes.length} 处：`}
        </p>
        <ul className="modal-body script-changes" aria-label="转换预览">
          {preview.changes.slice(0, 300).map((c, i) => (
            <li key={i}>
              <del>{c.before}</del> → <ins>{c.after}</ins>
            </li>
          ))}
          {preview.changes.length > 300 && <li className="muted">…还有 {preview.changes.length - 300} 处</li>}
        </ul>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" disabled={preview.changes.length === 0} onClick={apply}>
            转换
          </button>
        </div>
      </Modal>
  )
}

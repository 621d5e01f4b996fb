import { useEffect, useState, memo } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { INSERT_TABLE_COMMAND } from '@lexical/table'
import { mergeRegister } from '@lexical/utils'
import { $createTextNode, $getRoot, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, REDO_COMMAND, UNDO_COMMAND } from 'lexical'
import type { HeadingLevel, ReportMeta } from '@shared/doc/model'
import { $createAttachmentNode } from '../../editor/nodes/AttachmentNode'
import { $createSignatureNode, $isSignatureNode } from '../../editor/nodes/SignatureNode'
import { SET_BLOCK_LEVEL_COMMAND, SHIFT_SECTION_COMMAND } from '../../editor/plugins/SectionShortcutsPlugin'

const LEVELS: { level: HeadingLevel | 0; label: string; hint: string }[] = [
  { level: 1, label: '一、', hint: '一级标题（Ctrl+1）' },
  { level: 2, label: '（一）', hint: '二级标题（Ctrl+2）' },
  { level: 3, label: '1.', hint: '三级标题（Ctrl+3）' },
  { level: 4, label: '（1）', hint: '四级标题（Ctrl+4）' },
  { level: 0, label: '正文', hint: '正文（Ctrl+0）' }
]

/** Formatting buttons; every one of them has a keyboard shortcut too. */
function ToolbarView({ meta, readOnly, onExport, onSaveTemplate, onConvertScript }: { meta: ReportMeta; readOnly: boolean; onExport: (format: 'docx' | 'pdf' | 'txt') => void; onSaveTemplate: () => void; onConvertScript: () => void }) {
  const [editor] = useLexicalComposerContext()
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW)
      ),
    [editor]
  )
  const addSignature = () =>
    editor.update(() => {
      const root = $getRoot()
      const existing = root.getChildren().find($isSignatureNode)
      if (existing) {
        existing.selectEnd()
        return
      }
      const unit = $createSignatureNode('unit')
      const date = $createSignatureNode('date')
      if (meta.unit) unit.append($createTextNode(meta.unit))
      if (meta.date) date.append($createTextNode(meta.date))
      root.append(unit, date)
      unit.selectEnd()
    })
  const addAttachment = () =>
    editor.update(() => {
      const root = $getRoot()
      const firstSig = root.getChildren().find($isSignatureNode)
      const item = $createAttachmentNode()
      if (firstSig) firstSig.insertBefore(item)
      else root.append(item)
      item.select()
    })
  return (
    <div className="toolbar" role="toolbar" aria-label="格式">
      <div className="tool-group">
        <button type="button" onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} disabled={!canUndo || readOnly} title="撤销（Ctrl+Z）">
          撤销
        </button>
        <button type="button" onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} disabled={!canRedo || readOnly} title="重做（Ctrl+Y）">
          重做
        </button>
      </div>
      <div className="tool-group">
        {LEVELS.map((l) => (
          <button key={l.level} type="button" title={l.hint} aria-label={l.hint} disabled={readOnly} onClick={() => editor.dispatchCommand(SET_BLOCK_LEVEL_COMMAND, l.level)}>
            {l.label}
          </button>
        ))}
        <button type="button" title="升级（Shift+Tab）" disabled={readOnly} onClick={() => editor.dispatchCommand(SHIFT_SECTION_COMMAND, -1)}>
          升级
        </button>
        <button type="button" title="降级（Tab）" disabled={readOnly} onClick={() => editor.dispatchCommand(SHIFT_SECTION_COMMAND, 1)}>
          降级
        </button>
      </div>
      <div className="tool-group">
        <button type="button" disabled={readOnly} onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}>
          表格
        </button>
        <button type="button" disabled={readOnly} onClick={addAttachment}>
          附件
        </button>
        <button type="button" disabled={readOnly} onClick={addSignature}>
          落款
        </button>
        <button type="button" disabled={readOnly} onClick={onConvertScript} title="简体与繁体互相转换">
          简繁
        </button>
        <button type="button" onClick={onSaveTemplate} title="把这篇总结的结构存为自己的模板">
          存为模板
        </button>
      </div>
      <div className="tool-group tool-right">
        <button type="button" className="primary" onClick={() => onExport('docx')} title="导出为 Word（Ctrl+E）">
          导出 Word
        </button>
        <button type="button" onClick={() => onExport('pdf')}>
          PDF
        </button>
        <button type="button" onClick={() => onExport('txt')}>
          文本
        </button>
      </div>
    </div>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const Toolbar = memo(ToolbarView)

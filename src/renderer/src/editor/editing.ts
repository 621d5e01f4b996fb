/**
 * Edits the commands make to the open report (toolbar, menu, context menu): each is one editor
 * update, so one undo step.
 */
import { INSERT_TABLE_COMMAND } from '@lexical/table'
import { $createTextNode, $getRoot, $selectAll, type LexicalEditor } from 'lexical'
import type { ReportMeta } from '@shared/doc/model'
import { $createAttachmentNode } from './nodes/AttachmentNode'
import { $createSignatureNode, $isSignatureNode } from './nodes/SignatureNode'

/** The signature block (unit and date) at the end, filled from the metadata; the caret goes there. */
export function insertSignature(editor: LexicalEditor, meta: ReportMeta): void {
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
}

/** An attachment line (附件：…) before the signature. */
export function insertAttachment(editor: LexicalEditor): void {
  editor.update(() => {
    const root = $getRoot()
    const firstSig = root.getChildren().find($isSignatureNode)
    const item = $createAttachmentNode()
    if (firstSig) firstSig.insertBefore(item)
    else root.append(item)
    item.select()
  })
}

export function insertTable(editor: LexicalEditor): void {
  editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })
}

export function selectAll(editor: LexicalEditor): void {
  editor.update(() => $selectAll())
  editor.focus()
}

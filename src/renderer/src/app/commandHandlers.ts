/**
 * What each command does. A Record over every CommandId: a command added to the table
 * (src/shared/commands.ts) without a handler here does not compile.
 */
import { $getNodeByKey, $getSelection, $isRangeSelection, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical'
import type { CommandId } from '@shared/commands'
import type { EditCommand, ExportFormat } from '@shared/ipc'
import type { Finding } from '@shared/checks/types'
import type { HeadingLevel } from '@shared/doc/model'
import { $anchorContains } from '../editor/anchors'
import { insertAttachment, insertSignature, insertTable, selectAll } from '../editor/editing'
import { $isSectionHeadingNode } from '../editor/nodes/SectionHeadingNode'
import { SET_BLOCK_LEVEL_COMMAND, SHIFT_SECTION_COMMAND } from '../editor/plugins/SectionShortcutsPlugin'
import { $selectedBlock } from '../editor/sections'
import { applyFindingFixes } from '../features/checks/ChecksPanel'
import { selectedText } from '../features/script/ScriptDialog'
import type { FindController } from '../features/find/findController'
import type { Zoom } from '../features/page-view/zoom'
import type { ExportFlow } from '../features/export/exportFlow'
import type { ImportFlow } from '../features/import/importFlow'
import type { OpenReport } from '../features/open-report/openReport'
import type { VersionFlow } from '../features/versions/versionFlow'
import { errorText, type UiStore } from './uiStore'

export interface CommandHandler {
  run(): void
  /** Whether the command can act now (a read-only report takes no edits); enabled when absent. */
  enabled?(): boolean
}

export type CommandHandlers = Record<CommandId, CommandHandler>

export interface CommandParts {
  ui: UiStore
  report: OpenReport
  importFlow: ImportFlow
  exportFlow: ExportFlow
  versions: VersionFlow
  find: FindController
  zoom: Zoom
}

/** A place in the text: a text node and an offset in it. */
export type TextPoint = { key: string; offset: number }

/** The caret (the selection's anchor), when there is a text selection. */
function $caret(): TextPoint | null {
  const s = $getSelection()
  return $isRangeSelection(s) ? { key: s.anchor.key, offset: s.anchor.offset } : null
}

/** The fixable 校对 finding whose text holds the point (the caret by default), if any. */
export function findingAtCaret(editor: LexicalEditor, report: OpenReport, at?: TextPoint | null): Finding | null {
  const { checked } = report.store.get()
  const model = checked.report
  if (!model) return null
  return editor.getEditorState().read(() => {
    const point = at ?? $caret()
    return point ? (checked.findings.find((f) => f.fix && $anchorContains(model, f.anchor, point)) ?? null) : null
  })
}

/** Whether the point (the caret by default) is in a section heading. */
export function caretOnHeading(editor: LexicalEditor, at?: TextPoint | null): boolean {
  return editor.getEditorState().read(() => {
    const node = at ? $getNodeByKey(at.key) : null
    return $isSectionHeadingNode(node ? node.getTopLevelElement() : $selectedBlock())
  })
}

export function createCommandHandlers({ ui, report, importFlow, exportFlow, versions, find, zoom }: CommandParts): CommandHandlers {
  const editor = () => report.store.get().editor
  const writable = () => !!editor() && !report.readOnly()
  /** An edit of the open report: nothing happens on a read-only one. */
  const edit = (fn: (e: LexicalEditor) => void): CommandHandler => ({
    run: () => {
      const e = editor()
      if (e && !report.readOnly()) fn(e)
    },
    enabled: writable
  })
  const level = (l: HeadingLevel | 0) => edit((e) => e.dispatchCommand(SET_BLOCK_LEVEL_COMMAND, l))
  const shift = (d: 1 | -1) => edit((e) => e.dispatchCommand(SHIFT_SECTION_COMMAND, d))
  /** Clipboard edits go through main (webContents.cut(), paste()…): the page itself may not read the clipboard. */
  const clipboard = (command: EditCommand, writes: boolean): CommandHandler => ({
    run: () => {
      editor()?.focus()
      void window.api.editCommand({ command }).catch((e: unknown) => ui.notify('error', errorText(e)))
    },
    enabled: writes ? writable : () => !!editor()
  })
  const exportAs = (format: ExportFormat): CommandHandler => ({ run: () => void exportFlow.exportAs(format), enabled: () => !!editor() })
  const onEditor = (fn: () => void): CommandHandler => ({ run: fn, enabled: () => ui.get().view === 'editor' && !!editor() })

  return {
    'new-report': { run: () => ui.set({ dialog: 'new' }) },
    'import-files': { run: () => void importFlow.start(false) },
    'import-folder': { run: () => void importFlow.start(true) },
    save: {
      run: () =>
        void versions.saveNow().then(
          (versioned) => ui.set({ saveNote: versioned ? '已保存，并存为一个历史版本' : '已保存' }),
          (e: unknown) => ui.notify('error', errorText(e))
        ),
      enabled: () => !!editor()
    },
    print: { run: () => void exportFlow.print(), enabled: () => !!editor() },
    'export-docx': exportAs('docx'),
    'export-pdf': exportAs('pdf'),
    'export-txt': exportAs('txt'),
    'export-md': exportAs('md'),
    'export-html': exportAs('html'),
    'save-template': { run: () => report.store.get().info && ui.set({ dialog: 'save-template' }), enabled: () => !!report.store.get().info },
    undo: edit((e) => e.dispatchCommand(UNDO_COMMAND, undefined)),
    redo: edit((e) => e.dispatchCommand(REDO_COMMAND, undefined)),
    cut: clipboard('cut', true),
    copy: clipboard('copy', false),
    paste: clipboard('paste', true),
    'paste-plain': clipboard('pasteAndMatchStyle', true),
    'select-all': { run: () => editor() && selectAll(editor()!), enabled: () => !!editor() },
    find: onEditor(() => find.open('find')),
    replace: onEditor(() => find.open('replace')),
    'find-next': onEditor(find.next),
    'find-previous': onEditor(find.previous),
    'convert-script': edit((e) => ui.set({ dialog: 'script', scriptSelection: selectedText(e) })),
    'heading-1': level(1),
    'heading-2': level(2),
    'heading-3': level(3),
    'heading-4': level(4),
    'body-text': level(0),
    promote: shift(-1),
    demote: shift(1),
    'apply-fix': edit((e) => {
      const f = findingAtCaret(e, report)
      const model = report.store.get().checked.report
      if (f && model) applyFindingFixes(e, model, [f])
    }),
    'insert-table': edit(insertTable),
    'insert-attachment': edit(insertAttachment),
    'insert-signature': edit((e) => insertSignature(e, report.store.get().meta)),
    'show-library': { run: () => ui.toggleView('library') },
    'toggle-outline': { run: () => ui.set((s) => ({ showOutline: !s.showOutline })) },
    'zoom-in': { run: zoom.zoomIn },
    'zoom-out': { run: zoom.zoomOut },
    'zoom-fit': { run: zoom.fit }
  }
}

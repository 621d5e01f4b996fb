/** The editor screen: toolbar, metadata, find bar, the page, and the editor's context menu. */
import { useCallback, useMemo, useRef, type MouseEvent } from 'react'
import { $getNearestNodeFromDOMNode, $isTextNode, type LexicalEditor } from 'lexical'
import type { Report, ReportMeta } from '@shared/doc/model'
import type { DocumentInfo } from '../editor/plugins/DocumentInfoPlugin'
import { ReportEditor } from '../editor/ReportEditor'
import { ContextMenuView } from '../features/context-menu/ContextMenuView'
import { contextEntries } from '../features/context-menu/entries'
import { MetaBar } from '../features/editor/MetaBar'
import { Toolbar } from '../features/editor/Toolbar'
import { FindBar } from '../features/find/FindBar'
import { caretOnHeading, findingAtCaret, type TextPoint } from './commandHandlers'
import { useApp } from './AppContext'
import { useCollabEditor } from './CollabProvider'
import { useStore } from './store'

/**
 * A right-click puts the caret where it clicked, as in Word, unless it clicked inside the selection
 * (so 复制 copies what was selected). Returns the text point clicked, for what the menu offers there.
 */
function caretToClick(editor: LexicalEditor, x: number, y: number): TextPoint | null {
  const selection = window.getSelection()
  const inSelection =
    selection && !selection.isCollapsed && selection.rangeCount > 0 && [...selection.getRangeAt(0).getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)
  if (inSelection) return null
  const range = document.caretRangeFromPoint(x, y)
  if (!range || !editor.getRootElement()?.contains(range.startContainer)) return null
  selection?.removeAllRanges()
  selection?.addRange(range)
  // editor.read, not the state's: finding a node from the DOM needs the editor.
  return editor.read(() => {
    const node = $getNearestNodeFromDOMNode(range.startContainer)
    return $isTextNode(node) ? { key: node.getKey(), offset: range.startOffset } : null
  })
}

/** Where the keyboard opened the menu: under the caret (the Menu key and Shift+F10 carry no mouse position). */
function caretPoint(): { x: number; y: number } | null {
  const s = window.getSelection()
  if (!s || s.rangeCount === 0) return null
  const r = s.getRangeAt(0).getBoundingClientRect()
  return r.width || r.height ? { x: r.left, y: r.bottom + 2 } : null
}

export function EditorPane() {
  const app = useApp()
  const { report, ui } = app
  const opened = useStore(report.store, (s) => s.opened)
  const meta = useStore(report.store, (s) => s.meta)
  const loadProblem = useStore(report.store, (s) => s.loadProblem)
  const hidden = useStore(ui, (s) => s.view !== 'editor')
  const readOnly = loadProblem !== null || opened?.record.status === 'final'
  const byKeyboard = useRef(0)
  const pageView = useMemo(() => ({ zoom: app.zoom, layout: app.pageLayout }), [app])
  const collab = useCollabEditor()

  // Stable callbacks: the editor's plugins re-run their effects when these change.
  const setMeta = useCallback((m: typeof meta) => report.store.set({ meta: m }), [report])
  const onInfo = useCallback((info: DocumentInfo) => report.store.set({ info }), [report])
  const onEditor = useCallback((editor: LexicalEditor | null) => report.store.set({ editor }), [report])
  const onLoadProblem = useCallback((problem: string | null) => report.store.set({ loadProblem: problem }), [report])
  const onPasted = useCallback((pasted: ReportMeta, others: Report[]) => void report.onReportPasted(pasted, others), [report])
  const toolbar = useMemo(
    () => (
      <>
        <Toolbar readOnly={readOnly} run={app.run} />
        {collab.bar}
        <MetaBar meta={meta} readOnly={readOnly} onChange={setMeta} />
        {loadProblem && (
          <div className="banner banner-warning" role="alert">
            {loadProblem}
          </div>
        )}
        <FindBar find={app.find} readOnly={readOnly} />
      </>
    ),
    [app, meta, readOnly, loadProblem, setMeta, collab.bar]
  )

  const onContextMenu = (e: MouseEvent) => {
    const editor = report.store.get().editor
    if (!editor || !(e.target as Element).closest('.editor-content')) return
    e.preventDefault()
    const keyboard = Date.now() - byKeyboard.current < 500 || (e.clientX === 0 && e.clientY === 0)
    const at = (keyboard && caretPoint()) || { x: e.clientX, y: e.clientY }
    const clicked = keyboard ? null : caretToClick(editor, e.clientX, e.clientY)
    requestAnimationFrame(() => {
      const place = { onHeading: caretOnHeading(editor, clicked), finding: findingAtCaret(editor, report, clicked) }
      app.contextMenu.show(at.x, at.y, contextEntries(app.commands, place))
    })
  }

  return (
    <div
      className="editor-pane"
      hidden={hidden}
      onContextMenu={onContextMenu}
      onKeyDown={(e) => {
        if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) byKeyboard.current = Date.now()
      }}
    >
      {/* A shared report waits for its session: the editor then binds to the shared document, never the local copy. */}
      {opened && !collab.pending ? (
        <ReportEditor
          key={`${opened.record.id}:${opened.generation}:${collab.key}`}
          collaboration={collab.editor}
          record={opened.record}
          meta={meta}
          caret={opened.caret}
          scrollTop={opened.scrollTop}
          onInfo={onInfo}
          onStatus={report.onStatus}
          onEditor={onEditor}
          registerFlush={report.registerFlush}
          onLoadProblem={onLoadProblem}
          onReportPasted={onPasted}
          toolbar={toolbar}
          pageView={pageView}
        />
      ) : (
        <div className="loading">正在打开…</div>
      )}
      <ContextMenuView menu={app.contextMenu} run={app.run} onClosed={() => report.store.get().editor?.focus()} />
    </div>
  )
}

import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { TablePlugin } from '@lexical/react/LexicalTablePlugin'
import type { LexicalEditor } from 'lexical'
import type { Report, ReportMeta } from '@shared/doc/model'
import type { ReportRecord } from '../db/database'
import type { SessionState } from '../db/session'
import { initialStateLoader, type LoadOutcome } from './loadRecord'
import { REPORT_NODES } from './nodes'
import { AutosavePlugin, type SaveStatus } from './plugins/AutosavePlugin'
import { CaretSyncPlugin } from './plugins/CaretSyncPlugin'
import { DocumentInfoPlugin, type DocumentInfo } from './plugins/DocumentInfoPlugin'
import { ImeEnterGuardPlugin } from './plugins/ImeEnterGuardPlugin'
import { NumberingPlugin } from './plugins/NumberingPlugin'
import { PasteSectionsPlugin } from './plugins/PasteSectionsPlugin'
import { PromptPlugin } from './plugins/PromptPlugin'
import { TripleClickPlugin } from './plugins/TripleClickPlugin'
import { RestoreCaretPlugin } from './plugins/RestoreCaretPlugin'
import { SectionShortcutsPlugin } from './plugins/SectionShortcutsPlugin'
import { editorTheme } from './theme'
import { PageViewPlugin } from './plugins/PageViewPlugin'
import { PageZoom } from '../features/page-view/PageZoom'
import type { PageLayout } from '../features/page-view/pageLayout'
import type { Zoom } from '../features/page-view/zoom'
import { FONT_STACKS } from '@shared/export/html'

/** The print view's font stacks (shared/export/html.ts), so the page wraps lines as the PDF does. */
const PAGE_FONTS = {
  '--gw-body': FONT_STACKS.body,
  '--gw-heading1': FONT_STACKS.heading1,
  '--gw-heading2': FONT_STACKS.heading2,
  '--gw-title': FONT_STACKS.title
} as CSSProperties

function EditorRef({ onEditor }: { onEditor: (e: LexicalEditor | null) => void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])
  return null
}

export interface ReportEditorProps {
  record: ReportRecord
  meta: ReportMeta
  caret?: SessionState['caret']
  scrollTop?: number
  onInfo: (info: DocumentInfo) => void
  onStatus: (s: SaveStatus) => void
  onEditor: (e: LexicalEditor | null) => void
  registerFlush: (flush: (() => Promise<void>) | null) => void
  onLoadProblem: (problem: string | null) => void
  /** A whole report pasted into a blank draft brings its metadata along. */
  onReportPasted?: (meta: ReportMeta, others: Report[]) => void
  toolbar?: ReactNode
  /** The page view's zoom and what it measured (pages, the caret's page). */
  pageView: { zoom: Zoom; layout: PageLayout }
  /**
   * A shared report: its text comes from the Yjs document the plugins bind (never from the
   * stored state), undo is the collaboration's own, and collaborators' carets are drawn on the page.
   */
  collaboration?: { plugins: (cursors: RefObject<HTMLDivElement | null>) => ReactNode; readOnly: boolean }
}

/** The report editor. Mount it with key={record.id}: one editor per opened report. */
export function ReportEditor(props: ReportEditorProps) {
  const { record, meta } = props
  const outcome = useMemo<LoadOutcome>(() => ({ problem: null }), [])
  const initialConfig = useMemo(
    () => ({
      namespace: 'report',
      nodes: REPORT_NODES,
      theme: editorTheme,
      editorState: props.collaboration ? null : initialStateLoader(record.editorState, record.report, outcome),
      onError: (e: Error) => {
        console.error(e)
      }
    }),
    // The initial state is read once per mounted report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  )
  const [readOnly, setReadOnly] = useState(false)
  const { onLoadProblem, collaboration } = props
  const cursors = useRef<HTMLDivElement | null>(null)
  useEffect(() => {
    setReadOnly(outcome.problem !== null || record.status === 'final' || !!collaboration?.readOnly)
    onLoadProblem(outcome.problem)
  }, [outcome, record.status, onLoadProblem, collaboration?.readOnly])

  return (
    <LexicalComposer initialConfig={{ ...initialConfig, editable: !readOnly }}>
      <EditorRef onEditor={props.onEditor} />
      {props.toolbar}
      <div className="page-scroll">
        <PageZoom zoom={props.pageView.zoom} overlay={collaboration && <div className="collab-cursors" ref={cursors} />}>
          <div className="page" lang="zh-CN" style={PAGE_FONTS}>
            <RichTextPlugin
              contentEditable={<ContentEditable className="editor-content" aria-label="总结正文" spellCheck={false} />}
              placeholder={<div className="editor-placeholder">输入标题，按回车开始正文。Ctrl+1…4 设为各级标题。</div>}
              ErrorBoundary={LexicalErrorBoundary}
            />
            <PageViewPlugin layout={props.pageView.layout} />
          </div>
        </PageZoom>
      </div>
      {collaboration ? collaboration.plugins(cursors) : <HistoryPlugin />}
      <CaretSyncPlugin />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
      <ImeEnterGuardPlugin />
      <NumberingPlugin />
      <SectionShortcutsPlugin />
      <PromptPlugin />
      <TripleClickPlugin />
      <PasteSectionsPlugin onReportPasted={props.onReportPasted} />
      <DocumentInfoPlugin meta={meta} onChange={props.onInfo} />
      <RestoreCaretPlugin caret={props.caret} scrollTop={props.scrollTop} />
      {/* A shared report a desk may only read still keeps its local record up to date. */}
      {(!readOnly || (collaboration?.readOnly && outcome.problem === null && record.status !== 'final')) && <AutosavePlugin reportId={record.id} meta={meta} onStatus={props.onStatus} registerFlush={props.registerFlush} />}
      <EditableSync readOnly={readOnly} />
    </LexicalComposer>
  )
}

function EditableSync({ readOnly }: { readOnly: boolean }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly])
  return null
}

import { useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, type LexicalEditor } from 'lexical'
import type { Report, ReportMeta } from '@shared/doc/model'
import { $editorToReport } from '../../convert/toModel'
import { withModelExtras } from '../../modelExtras'
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode'

export interface DocumentInfo {
  report: Report
  /** Heading node keys in document order: the i-th entry of numberSections(report.sections). */
  headingKeys: string[]
}

export function readDocumentInfo(editor: LexicalEditor, meta: ReportMeta): DocumentInfo {
  return editor.getEditorState().read(() => ({
    report: withModelExtras(editor, $editorToReport(meta)),
    headingKeys: $getRoot()
      .getChildren()
      .filter($isSectionHeadingNode)
      .map((h) => h.getKey())
  }))
}

/**
 * Publishes the report model for the outline, the status bar and the checks once typing
 * pauses and the page is idle, so the model is never rebuilt while keys are coming in
 * (pinyin typing leaves gaps of a few hundred milliseconds between keys).
 */
export function DocumentInfoPlugin({ meta, onChange, delay = 400 }: { meta: ReportMeta; onChange: (info: DocumentInfo) => void; delay?: number }): null {
  const [editor] = useLexicalComposerContext()
  const latest = useRef({ meta, onChange })
  latest.current = { meta, onChange }
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let idle: number | undefined
    const publish = () => latest.current.onChange(readDocumentInfo(editor, latest.current.meta))
    publish()
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
      timer = setTimeout(() => {
        idle = requestIdleCallback(publish, { timeout: 1000 })
      }, delay)
    })
    return () => {
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
      off()
    }
  }, [editor, delay])
  // Metadata edits (kind, period…) change the model too.
  useEffect(() => {
    onChange(readDocumentInfo(editor, meta))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meta])
  return null
}

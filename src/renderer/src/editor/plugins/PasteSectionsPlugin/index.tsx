import { useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createParagraphNode, $createTextNode, $getRoot, $insertNodes, COMMAND_PRIORITY_LOW, PASTE_COMMAND, type LexicalNode } from 'lexical'
import type { Report, ReportMeta } from '@shared/doc/model'
import { importText } from '@shared/import'
import { $loadReport, $reportNodes } from '../../convert/fromModel'
import { $isTitleNode } from '../../nodes/TitleNode'

/** A line that starts with a section marker: 一、 （一） 1. （1） or their half-width variants. */
const MARKER_LINE = /^[\s\-–•·]*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)])/m

export function looksStructured(text: string): boolean {
  return MARKER_LINE.test(text)
}

function $isBlank(): boolean {
  const children = $getRoot().getChildren()
  return children.every((c) => c.getTextContent().trim() === '')
}

/**
 * Plain text with 一、/（一）/1./（1） lines becomes sections, through the same importer
 * that reads files (noise stripped, hard wraps rejoined). Into a blank draft the first
 * report is loaded, title and metadata included, and any further reports in the text are
 * handed over to become drafts of their own (one report's numbering never mixes with
 * another's). Elsewhere the pasted blocks are inserted at the caret.
 */
export function PasteSectionsPlugin({ onReportPasted }: { onReportPasted?: (meta: ReportMeta, others: Report[]) => void }): null {
  const [editor] = useLexicalComposerContext()
  const callback = useRef(onReportPasted)
  callback.current = onReportPasted
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = event instanceof ClipboardEvent ? event.clipboardData : null
          const text = data?.getData('text/plain') ?? ''
          if (!text || !looksStructured(text)) return false
          const result = importText(text)
          const report = result.reports[0]
          if (!report) return false
          event.preventDefault()
          if ($isBlank()) {
            $loadReport(report)
            $getRoot().selectStart()
            // The pasted report's kind, period, unit and date become the draft's.
            const [, ...others] = result.reports
            queueMicrotask(() => callback.current?.(report.meta, others))
            return true
          }
          const nodes: LexicalNode[] = result.reports.flatMap((r) =>
            $reportNodes(r).map((n) => {
              if (!$isTitleNode(n)) return n
              // Inside an existing report a pasted title is an ordinary line.
              const p = $createParagraphNode()
              if (n.getTextContent()) p.append($createTextNode(n.getTextContent()))
              return p
            })
          )
          $insertNodes(nodes)
          return true
        },
        COMMAND_PRIORITY_LOW
      ),
    [editor]
  )
  return null
}

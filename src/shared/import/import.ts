import { blockText, emptyMeta, type Report } from '../doc/model'
import { textToLines, type SourceLine } from './lines'
import { extractAttachments, extractSignature, extractTitle, guessKind, guessPeriod } from './meta'
import { stripNoise } from './noise'
import { buildOutline } from './outline'
import { detectScript } from './script'
import { parseMarker } from './markers'
import { hasSubject, isReportTitle, splitReports, type ReportChunk } from './split'
import type { ImportResult } from './types'
import { unwrapLines } from './unwrap'

/**
 * Text → reports. The stages run in this order because each needs the previous one's
 * output: noise lines are whole physical lines (so they go before unwrapping), report
 * titles are whole paragraphs (so splitting comes after), and the title and signature
 * must be taken off before the outline so they are not read as body text.
 */
export function importText(text: string): ImportResult {
  return importLines(textToLines(text))
}

export interface ImportOptions {
  /** The source declares headings reliably (Word heading styles, Markdown #): see OutlineOptions. */
  headingHints?: boolean
  /** Text the user put back in a preview: never removed as noise again. */
  keep?: ReadonlySet<string>
}

export function importLines(lines: SourceLine[], options: ImportOptions = {}): ImportResult {
  const lead = options.keep?.size ? { lines, removed: [] } : dropLeadingChrome(lines)
  const noise = stripNoise(lead.lines, options.keep)
  noise.removed.unshift(...lead.removed)
  const paragraphs = unwrapLines(noise.lines)
  const split = splitReports(paragraphs)
  const removed = [...noise.removed, ...split.removed]
  const reports: Report[] = []
  for (const chunk of split.chunks) {
    const report = buildReport(chunk, removed, options)
    if (report) reports.push(report)
  }
  return { reports, removed: removed.filter((r) => r.trim() !== '') }
}

/**
 * A web page's navigation before its <h1>: when a structured source marks a top heading
 * and only short lines (menu items, channel names) precede it, those lines are page chrome.
 */
function dropLeadingChrome(lines: SourceLine[]): { lines: SourceLine[]; removed: string[] } {
  const h1 = lines.findIndex((l) => l.heading === 1)
  // An <h1> that is a numbered section (Word's Heading 1) is not the page's headline.
  if (h1 <= 0 || h1 > 200 || parseMarker(lines[h1].text) !== null) return { lines, removed: [] }
  const before = lines.slice(0, h1)
  if (before.some((l) => !!l.table || l.text.length > 30 || /[。！？]/.test(l.text) || (isReportTitle(l.text) && hasSubject(l.text)))) return { lines, removed: [] }
  return { lines: lines.slice(h1), removed: before.map((l) => l.text).filter(Boolean) }
}

function buildReport(chunk: ReportChunk, removed: string[], options: ImportOptions): Report | null {
  const head = extractTitle(chunk.lines, chunk.title)
  removed.push(...head.removed)
  const tail = extractSignature(head.lines)
  const att = extractAttachments(tail.lines)
  const outline = buildOutline([...head.header, ...att.lines], options)
  if (!head.title && !outline.preamble.length && !outline.sections.length && !tail.signature) return null

  const allText = [head.title, ...chunk.lines.map((l) => (l.table ? l.table.flat().join('') : l.text))].join('\n')
  const opening = outline.preamble.map(blockText).join('')
  const signature = tail.signature
  const unit = signature && !tail.author ? signature.unit : ''
  return {
    meta: emptyMeta({
      title: head.title,
      kind: guessKind(head.title),
      period: guessPeriod(head.title, opening),
      unit,
      author: tail.author,
      date: signature?.date ?? '',
      script: detectScript(allText)
    }),
    preamble: outline.preamble,
    sections: outline.sections,
    attachments: att.attachments,
    signature
  }
}

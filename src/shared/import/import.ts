import { blockText, emptyMeta, type Report } from '../doc/model'
import { reportLines } from '../doc/stats'
import { isKept, textToLines, type SourceLine } from './lines'
import { extractAttachments, extractSignature, guessKind, guessPeriod } from './meta'
import { joinChunkCounters } from './counters'
import { stripGlosses } from './glosses'
import { stripNoise } from './noise'
import { buildOutline } from './outline'
import { detectScript } from './script'
import { splitReports, type ReportChunk } from './split'
import { chooseTitle } from './title'
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

/** Metadata the source declares apart from its text (Markdown front matter). */
export interface DeclaredMeta {
  title?: string
  date?: string
  unit?: string
  author?: string
  /** The declaration's own lines, listed as removed so nothing disappears silently. */
  removed?: string[]
}

export interface ImportOptions {
  /** The source declares headings reliably (Word heading styles, Markdown #): see OutlineOptions. */
  headingHints?: boolean
  /** Text the user put back in a preview: never removed as noise again. */
  keep?: ReadonlySet<string>
  declared?: DeclaredMeta
}

export function importLines(lines: SourceLine[], options: ImportOptions = {}): ImportResult {
  const glosses = stripGlosses(lines, options.keep)
  const noise = stripNoise(glosses.lines, options.keep, !!options.headingHints)
  const counters = joinChunkCounters(noise.lines, options.keep)
  const paragraphs = unwrapLines(counters.lines)
  const split = splitReports(paragraphs, options.keep)
  const removed = [...glosses.removed, ...noise.removed, ...counters.removed, ...split.removed]
  // Removed page text still shows what the page called the document (its file name, headline).
  const echo = [...noise.removed]
  const reports: Report[] = []
  for (const chunk of split.chunks) {
    const report = buildReport(chunk, removed, options, echo)
    if (report) reports.push(report)
  }
  // Beside real reports, a title with a line or two under it is a page's fragment (a headline, a
  // trailing teaser), not a report of its own.
  if (reports.length > 1) {
    for (const r of [...reports]) {
      if (!isFragment(r) || reportLines(r).some((l) => isKept(options.keep, l))) continue
      reports.splice(reports.indexOf(r), 1)
      removed.push(...reportLines(r))
    }
  }
  const declared = options.declared
  if (declared && reports.length) applyDeclared(reports[0], declared)
  if (declared?.removed) removed.unshift(...declared.removed)
  return { reports, removed: inSourceOrder(removed.filter((r) => r.trim() !== ''), lines) }
}

function isFragment(r: Report): boolean {
  const body = r.preamble.map(blockText).join('')
  return !r.sections.length && !r.signature && !r.attachments.length && !r.preamble.some((b) => b.type === 'table') && body.length < 100
}

/** Removed text in the order it stood in the source, as the preview lists it; stages remove in their own order. */
function inSourceOrder(removed: string[], lines: SourceLine[]): string[] {
  const source = lines.map((l) => l.text).join('\n')
  const at = removed.map((r, i) => {
    const pos = source.indexOf(r)
    return { r, i, pos: pos < 0 ? Number.MAX_SAFE_INTEGER : pos }
  })
  return at.sort((a, b) => a.pos - b.pos || a.i - b.i).map((x) => x.r)
}

/** Declared metadata wins over what was read from the text, field by field. */
function applyDeclared(report: Report, declared: DeclaredMeta): void {
  const meta = report.meta
  if (declared.title) {
    meta.title = declared.title
    meta.kind = guessKind(declared.title)
    meta.period = guessPeriod(declared.title, meta.period)
  }
  if (declared.date) meta.date = declared.date
  if (declared.unit) meta.unit = declared.unit
  if (declared.author) meta.author = declared.author
}

function buildReport(chunk: ReportChunk, removed: string[], options: ImportOptions, echo: string[]): Report | null {
  const head = chooseTitle(chunk.lines, chunk.title, echo, options.keep)
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

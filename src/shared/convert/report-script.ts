/**
 * 简繁 conversion of a whole report (or some of its sections), with a list of changes for a
 * preview before the clerk accepts it.
 *
 * Variants, and why:
 * - to traditional: OpenCC cn → tw. Taiwan-standard glyphs (為, 裡, 峰, 群眾) are what traditional
 *   fonts, input methods and readers use; OpenCC's own standard (爲, 裏, 峯, 羣) looks archaic in
 *   print. Not twp: its vocabulary swaps (系统联系→聯絡, 软件→軟體) would change a 公文's wording.
 * - to simplified: Hong Kong and Taiwan variants are both folded to OpenCC's standard first, then
 *   t → cn. Pasted traditional text comes from either side (衞 is Hong Kong, 著手 Taiwan), and tw → cn
 *   alone leaves the Hong Kong forms in place.
 * Both use OpenCC's phrase dictionaries, so one-to-many characters follow their words (头发→頭髮,
 * 发展→發展; 皇后 keeps 后).
 */
import { Converter, ConverterFactory, Locale, type ConverterFunction } from 'opencc-js'
import type { Anchor } from '../checks/types'
import { blockText, type Block, type Report, type Script, type Section } from '../doc/model'

let toTraditional: ConverterFunction | null = null
let toSimplified: ConverterFunction | null = null

function converter(to: Script): ConverterFunction {
  if (to === 'traditional') return (toTraditional ??= Converter({ from: 'cn', to: 'tw' }))
  return (toSimplified ??= ConverterFactory(...Locale.from.tw, ...Locale.from.hk, ...Locale.to.cn))
}

/** The text in the other script. Characters both scripts share are left alone. */
export function convertText(text: string, to: Script): string {
  if (!text || !/[\u3400-\u9fff\uf900-\ufaff\ud840-\ud87f]/.test(text)) return text
  return converter(to)(text)
}

/** Where a change sits: an anchor for text the editor can select, a named place otherwise. */
export type ChangePlace = 'text' | 'signature-unit' | 'signature-date' | 'attachment' | 'meta-unit' | 'meta-author' | 'meta-period'

export interface ScriptChange {
  /** Offsets in the text before conversion; null for places outside the editable text. */
  anchor: Anchor | null
  place: ChangePlace
  /** The attachment's index, for place 'attachment'. */
  index?: number
  before: string
  after: string
}

export interface ConvertOptions {
  /** Convert only these sections (with their subsections); title, preamble and signature stay. */
  sectionIds?: readonly string[]
}

export interface ConvertResult {
  report: Report
  changes: ScriptChange[]
}

export function convertReportScript(report: Report, to: Script, opts: ConvertOptions = {}): ConvertResult {
  const changes: ScriptChange[] = []
  const whole = opts.sectionIds === undefined
  const wanted = new Set(opts.sectionIds ?? [])

  const text = (before: string, anchorBase: Omit<Anchor, 'start' | 'end'>): string => {
    const after = convertText(before, to)
    for (const d of diffSpans(before, after)) changes.push({ anchor: { ...anchorBase, start: d.start, end: d.end }, place: 'text', before: d.before, after: d.after })
    return after
  }
  const field = (before: string, place: ChangePlace, index?: number): string => {
    const after = convertText(before, to)
    if (after !== before) changes.push({ anchor: null, place, ...(index === undefined ? {} : { index }), before, after })
    return after
  }
  const blocks = (list: Block[], sectionId: string | null): Block[] => list.map((b, i) => convertBlock(b, to, (before) => text(before, { sectionId, part: i })))

  const convertSection = (s: Section, inScope: boolean): Section => {
    const on = inScope || wanted.has(s.id)
    return {
      ...s,
      title: on ? text(s.title, { sectionId: s.id, part: 'title' }) : s.title,
      blocks: on ? blocks(s.blocks, s.id) : s.blocks,
      children: s.children.map((c) => convertSection(c, on))
    }
  }

  const meta = { ...report.meta }
  let preamble = report.preamble
  let attachments = report.attachments
  let signature = report.signature
  if (whole) {
    meta.title = text(meta.title, { sectionId: null, part: 'title' })
    preamble = blocks(report.preamble, null)
  }
  const sections = report.sections.map((s) => convertSection(s, whole))
  if (whole) {
    attachments = report.attachments.map((a, i) => field(a, 'attachment', i))
    if (signature) signature = { unit: field(signature.unit, 'signature-unit'), date: field(signature.date, 'signature-date') }
    meta.unit = field(meta.unit, 'meta-unit')
    meta.author = field(meta.author, 'meta-author')
    meta.period = field(meta.period, 'meta-period')
    meta.script = to
  }
  return { report: { meta, preamble, sections, attachments, signature }, changes }
}

/**
 * A block converted. A paragraph is converted as one text so phrases that cross a formatting
 * boundary (a bold 头 before 发) still convert as words, then cut back into its runs; when the
 * conversion changes the length (it practically never does) each run is converted on its own.
 */
function convertBlock(block: Block, to: Script, record: (before: string) => string): Block {
  if (block.type === 'table') {
    // Cells are converted one by one (a tab never joins a phrase); the change list is taken from
    // the table's whole text so its offsets match the table's anchor.
    record(blockText(block))
    return { ...block, rows: block.rows.map((row) => row.map((cell) => convertText(cell, to))) }
  }
  const joined = block.runs.map((r) => r.text).join('')
  const converted = record(joined)
  if (converted.length === joined.length) {
    let at = 0
    return {
      ...block,
      runs: block.runs.map((r) => {
        const text = converted.slice(at, at + r.text.length)
        at += r.text.length
        return { ...r, text }
      })
    }
  }
  return { ...block, runs: block.runs.map((r) => ({ ...r, text: convertText(r.text, to) })) }
}

interface Span {
  start: number
  end: number
  before: string
  after: string
}

/**
 * The changed stretches of a conversion, for the preview. Spans one unchanged character apart
 * are merged, so 學習型系統 is one change rather than four. Texts whose length changed are
 * reported whole.
 */
export function diffSpans(before: string, after: string): Span[] {
  if (before === after) return []
  if (before.length !== after.length) return [{ start: 0, end: before.length, before, after }]
  const spans: Span[] = []
  let i = 0
  while (i < before.length) {
    if (before[i] === after[i]) {
      i++
      continue
    }
    let start = i
    let end = i + 1
    for (;;) {
      while (end < before.length && before[end] !== after[end]) end++
      if (end + 1 < before.length && before[end + 1] !== after[end + 1] && isHanUnit(before.charCodeAt(end))) end += 1
      else break
    }
    // Never cut a surrogate pair in two.
    if (start > 0 && isLow(before.charCodeAt(start))) start--
    if (end < before.length && isLow(before.charCodeAt(end))) end++
    spans.push({ start, end, before: before.slice(start, end), after: after.slice(start, end) })
    i = end
  }
  return spans
}

function isHanUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/**
 * The printed sequence of a report: what the .docx, the HTML print view and Markdown lay out,
 * in order, with heading numbers computed from the structure. Exporters differ in markup only,
 * so the decisions about what is printed where (run-in headings, salutation, attachment note,
 * signature placement) live here once.
 */
import { blockText, type Block, type HeadingLevel, type Report, type Section, type Signature, type TextRun } from '../doc/model'
import { numberSections, runInHeadingSentence } from '../doc/numbering'
import { gridWidth, GRID, printedWidth } from '../doc/stats'

export { printedWidth }

export type FlowItem =
  | { kind: 'title'; text: string }
  /** A blank line on the grid (after the title, before the attachment note and the signature). */
  | { kind: 'blank' }
  /** `flush`: no first-line indent (the salutation 主送 line is written 顶格). */
  | { kind: 'paragraph'; runs: TextRun[]; flush?: boolean }
  /** A heading on its own line: marker + title. */
  | { kind: 'heading'; level: HeadingLevel; marker: string; title: string; section: Section }
  /** A run-in heading: `sentence` (marker + title + 。) followed by the body runs in one paragraph. */
  | { kind: 'run-in'; level: HeadingLevel; marker: string; sentence: string; runs: TextRun[]; section: Section }
  | { kind: 'table'; rows: string[][]; header: boolean }
  /** The attachment note: `附件：1. …`, one line per item. */
  | { kind: 'attachments'; items: string[] }
  | { kind: 'signature'; signature: Signature; layout: SignatureLayout }

/**
 * Characters, XML 1.0 and HTML cannot carry (C0 controls except tab and newline, lone
 * surrogates, U+FFFE/U+FFFF). Imported web text does contain them; Word refuses a file with one.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, '')
}

function cleanRuns(runs: TextRun[]): TextRun[] {
  return runs.map((r) => ({ ...r, text: cleanText(r.text) })).filter((r) => r.text !== '')
}

/**
 * The salutation (主送机关, `尊敬的上级领导：`) is written flush left in 公文. The model keeps it as
 * the first preamble paragraph, so it is recognised by shape: short, one clause, ending in a colon.
 */
export function isSalutation(text: string): boolean {
  const t = text.trim()
  return /[：:]$/.test(t) && !/[。！？；]/.test(t) && gridWidth(t) <= GRID.charsPerLine
}

export interface SignatureLayout {
  /** Right indent of the unit line, in characters. */
  unitRight: number
  /** Right indent of the date line, in characters. */
  dateRight: number
}

/**
 * GB/T 9704 §7.3.5.2 (no seal): the unit is set 右空二字 and the date on the next line starts two
 * characters to the right of the unit's first character; when the date is the longer one, the date
 * keeps 右空二字 and the unit moves left instead. Widths are grid characters (a half-width digit is ½).
 */
export function signatureLayout(signature: Signature): SignatureLayout {
  const unitW = printedWidth(signature.unit)
  const dateW = printedWidth(signature.date)
  if (!signature.unit || !signature.date) return { unitRight: 2, dateRight: 2 }
  // Unit at 右空二字 puts the date's right edge at (unitW - dateW) characters from the margin.
  const dateRight = Math.max(2, unitW - dateW)
  const unitRight = dateRight + dateW + 2 - unitW
  return { unitRight, dateRight }
}

function blockItems(blocks: Block[]): FlowItem[] {
  return blocks.map((b) =>
    b.type === 'paragraph'
      ? { kind: 'paragraph', runs: cleanRuns(b.runs) }
      : { kind: 'table', rows: b.rows.map((row) => row.map(cleanText)), header: !!b.header }
  )
}

export function reportFlow(report: Report): FlowItem[] {
  const items: FlowItem[] = []
  const title = cleanText(report.meta.title).trim()
  if (title) items.push({ kind: 'title', text: title }, { kind: 'blank' })

  report.preamble.forEach((b, i) => {
    const [item] = blockItems([b])
    if (i === 0 && item.kind === 'paragraph' && isSalutation(blockText(b))) item.flush = true
    items.push(item)
  })

  for (const n of numberSections(report.sections)) {
    const s = n.section
    const title = cleanText(s.title)
    if (s.runIn) {
      const [first, ...rest] = s.blocks
      const continues = first?.type === 'paragraph'
      items.push({
        kind: 'run-in',
        level: s.level,
        marker: n.marker,
        sentence: n.marker + runInHeadingSentence(title),
        runs: continues ? cleanRuns(first.runs) : [],
        section: s
      })
      items.push(...blockItems(continues ? rest : s.blocks))
    } else {
      items.push({ kind: 'heading', level: s.level, marker: n.marker, title, section: s })
      items.push(...blockItems(s.blocks))
    }
  }

  const attachments = report.attachments.map((a) => cleanText(a).trim()).filter(Boolean)
  if (attachments.length) items.push({ kind: 'blank' }, { kind: 'attachments', items: attachments })

  const sig = report.signature
  if (sig && (sig.unit.trim() || sig.date.trim())) {
    const signature = { unit: cleanText(sig.unit).trim(), date: cleanText(sig.date).trim() }
    items.push({ kind: 'blank' }, { kind: 'signature', signature, layout: signatureLayout(signature) })
  }
  return items
}

/** `附件：1. 名称` lines as printed; a single attachment carries no number (GB/T 9704 §7.3.4). */
export function attachmentLines(items: string[]): string[] {
  if (items.length === 1) return [`附件：${items[0]}`]
  return items.map((a, i) => `${i === 0 ? '附件：' : ''}${i + 1}. ${a}`)
}

/**
 * The line stream every importer stage works on. Plain text, Markdown, HTML and
 * .docx all become this first, so noise stripping, unwrapping, splitting and
 * outline detection are written once.
 */
export interface SourceLine {
  /** The line's text, trimmed; '' for a blank line (a paragraph boundary hint). */
  text: string
  /** A table kept whole (HTML/.docx/Markdown); `text` is then ''. */
  table?: string[][]
  tableHeader?: boolean
  /** Heading level (1–9) a structured source declared for this line (h1…h6, # …, Word's outline level). */
  heading?: number
  /** The source declared this line the document's title (Word's Title style, a leading centred paragraph). */
  title?: boolean
  /** The line's marker came from the source's automatic list numbering, not typed. */
  auto?: boolean
  /** The whole line is bold: weak evidence of a heading made with direct formatting. */
  strong?: boolean
  /** The source lines a rejoined paragraph was made from (set by unwrapping). */
  sources?: string[]
}

/** Text the clerk put back in a preview, a whole line or a fragment of one: no stage removes it again. */
export function isKept(keep: ReadonlySet<string> | undefined, text: string): boolean {
  if (!keep?.size || !text) return false
  if (keep.has(text)) return true
  for (const k of keep) if (k && text.includes(k)) return true
  return false
}

/** The source lines behind a line, as a removal must list them so each can be put back. */
export function sourceTexts(line: SourceLine): string[] {
  return line.table ? [] : (line.sources ?? [line.text])
}

export function textLine(text: string, heading?: number): SourceLine {
  return heading ? { text, heading } : { text }
}

export function isBlank(line: SourceLine): boolean {
  return !line.table && line.text === ''
}

/**
 * Invisible or odd characters web pages and Word leave behind: zero-width spaces,
 * soft hyphens, BOMs, bidi marks. They break pattern matching and are never content.
 */
const INVISIBLE = /[\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g
/** Spaces of every width become an ordinary space (full-width indent included). */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g

export function normalizeLineText(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim()
}

function cellsOf(raw: string): string[] | null {
  if (!raw.includes('\t')) return null
  const cells = raw.trim().split(/\t+/).map(normalizeLineText)
  return cells.length >= 2 ? cells : null
}

/**
 * Splits raw text into trimmed lines with normalized spaces; blank lines stay as ''.
 * Two or more consecutive lines of tab-separated cells, as many on each line, are a
 * table (how a table copied from Word or a spreadsheet arrives as text).
 */
export function textToLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  const raws = text.split(/\r\n|\r|\n/)
  for (let i = 0; i < raws.length; i++) {
    const first = cellsOf(raws[i])
    if (first) {
      const rows = [first]
      let j = i + 1
      for (; j < raws.length; j++) {
        const row = cellsOf(raws[j])
        if (!row || row.length !== first.length) break
        rows.push(row)
      }
      if (rows.length >= 2) {
        out.push({ text: '', table: rows })
        i = j - 1
        continue
      }
    }
    out.push({ text: normalizeLineText(raws[i]) })
  }
  return out
}

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
  /** Heading level (1–6) a structured source declared for this line (h1…h6, # …). */
  heading?: number
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

/** Splits raw text into trimmed lines with normalized spaces; blank lines stay as ''. */
export function textToLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  for (const raw of text.split(/\r\n|\r|\n/)) out.push({ text: normalizeLineText(raw) })
  return out
}

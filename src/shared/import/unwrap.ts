import type { SourceLine } from './lines'
import { inlineMarkerPattern, parseMarker } from './markers'

/**
 * Rejoins lines that were hard-wrapped in the middle of a sentence (text copied
 * from a PDF or an e-mail) and returns one line per paragraph, blank lines dropped.
 *
 * A line break is kept when the line ends a sentence (。！？：), when the next
 * line starts a section, or when the line reads as a heading or title (short, no
 * sentence punctuation). It is removed when the line ends inside a clause (，、“《),
 * when the next line starts with punctuation that cannot open a paragraph, or when
 * the line fills the wrap width the file was cut at.
 */

/**
 * Width in grid cells, as stats.gridWidth counts it (wide characters 1, others ½), by
 * code ranges instead of a regex per character: unwrapping measures every line.
 */
export function lineWidth(s: string): number {
  let w = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    w += c >= 0x2e80 || (c >= 0x2018 && c <= 0x201d) || c === 0x2014 || c === 0x2026 || c === 0xb7 ? 1 : 0.5
  }
  return w
}

const CONTINUES = /[，,、（(“‘《〈【—\-/·]$/
const ENDS = /(?:[。！？!?：:…]|(?<=[\u3400-\u9FFF”）)])\.)$/
const CANNOT_START = /^[，。、；：）”’！？,;:)》〉】%％]/
const SENTENCE_INSIDE = /[。！？!?]/
const CLAUSE_INSIDE = /[，,；;]/

/**
 * The width the file was hard-wrapped at, or null. Lines cut mid-sentence all have the
 * same width and go straight on into the next line; so the width shared by several
 * lines that end without sentence punctuation and run into a non-section line is it.
 */
export function detectWrapWidth(lines: SourceLine[]): number | null {
  const counts = new Map<number, number>()
  let candidates = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]
    const b = lines[i + 1]
    if (a.table || b.table || !a.text || !b.text || ENDS.test(a.text) || parseMarker(b.text) !== null) continue
    const w = Math.round(lineWidth(a.text))
    if (w < 15) continue
    candidates++
    counts.set(w, (counts.get(w) ?? 0) + 1)
  }
  let best = 0
  let bestCount = 0
  for (const [w, c] of counts) {
    // Neighbouring widths count too: half-width digits make wrapped lines differ by a cell or so.
    const c3 = c + (counts.get(w - 1) ?? 0) + (counts.get(w + 1) ?? 0)
    if (c3 > bestCount || (c3 === bestCount && w > best)) {
      best = w
      bestCount = c3
    }
  }
  if (bestCount < 2 || bestCount < candidates * 0.4) return null
  // Nothing in a hard-wrapped text is longer than the wrap width (a few lines may be, e.g. URLs).
  let longer = 0
  let total = 0
  for (const l of lines) {
    if (l.table || !l.text) continue
    total++
    if (lineWidth(l.text) > best + 1.5) longer++
  }
  return longer <= total * 0.1 ? best : null
}

/** Blank lines mark paragraphs only when the file does not put one after every line. */
function blanksAreBoundaries(lines: SourceLine[]): boolean {
  let followedByBlank = 0
  let nonBlank = 0
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].table || !lines[i].text) continue
    nonBlank++
    const next = lines[i + 1]
    if (next && !next.table && !next.text) followedByBlank++
  }
  return followedByBlank > 0 && followedByBlank < nonBlank * 0.7
}

function titleLike(t: string): boolean {
  return lineWidth(t) <= 30 && !/[，,。；;！？!?]/.test(t)
}

interface Context {
  wrapWidth: number | null
  blankBoundary: boolean
}

function shouldJoin(para: string, last: string, next: SourceLine, blankBetween: boolean, ctx: Context): boolean {
  if (next.table || next.heading) return false
  const t = next.text
  const marker = parseMarker(t)
  if (marker) {
    // A line that opens with the next item of an enumeration running inside the paragraph
    // (…；（2）细化任务； / （3）压实责任。) was cut there by the wrap; anything else is a section.
    const previous = marker.ordinal > 1 ? inlineMarkerPattern(marker.level, marker.ordinal - 1) : null
    return !!previous && !ENDS.test(last) && previous.test(para)
  }
  if (CONTINUES.test(last)) return true
  if (ENDS.test(last)) return false
  if (blankBetween && ctx.blankBoundary) return false
  if (CANNOT_START.test(t)) return true
  const lastWidth = lineWidth(last)
  if (ctx.wrapWidth !== null && lastWidth >= ctx.wrapWidth - 1.5 && lastWidth <= ctx.wrapWidth + 1.5) return true
  if (/[；;]$/.test(last)) return false
  if (titleLike(t)) return false
  // Without a known wrap width: join only text that is plainly prose, never a heading or a title.
  const startsSection = parseMarker(para) !== null
  if (SENTENCE_INSIDE.test(para)) return true
  return !startsSection && CLAUSE_INSIDE.test(para) && lastWidth >= 20
}

function joinText(a: string, b: string): string {
  // Latin words split across lines need their space back; Chinese never had one.
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b
}

export function unwrapLines(lines: SourceLine[]): SourceLine[] {
  const ctx: Context = { wrapWidth: detectWrapWidth(lines), blankBoundary: blanksAreBoundaries(lines) }
  const out: SourceLine[] = []
  let cur: SourceLine | null = null
  let last = ''
  let blankBetween = false
  for (const line of lines) {
    if (!line.table && line.text === '') {
      blankBetween = true
      continue
    }
    if (cur && !cur.table && !cur.heading && !line.table && shouldJoin(cur.text, last, line, blankBetween, ctx)) {
      const joined: SourceLine = { ...(cur as SourceLine), text: joinText(cur.text, line.text), sources: [...(cur.sources ?? [cur.text]), line.text] }
      cur = joined
    } else {
      if (cur) out.push(cur)
      cur = line
    }
    last = line.text
    blankBetween = false
  }
  if (cur) out.push(cur)
  return out
}

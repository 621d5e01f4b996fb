import type { SourceLine } from './lines'
import { gluedTitle, parseHeading, type HeadingParse } from './heading'
import { parseMarker, type Marker } from './markers'

/**
 * Where the headings of a document may be: a marker at the start of a paragraph, after a
 * sentence or a space inside a flattened one, or glued straight onto the heading before it.
 * Each candidate carries the evidence of its own position and shape; the numbering sequence
 * over the whole document (sequence.ts) decides which are headings.
 */

/** A possible heading: a marker at a paragraph's start, or inside a flattened paragraph. */
export interface Found {
  line: number
  offset: number
  marker: Marker
  parse: HeadingParse
  inline: boolean
  /** Glued straight onto the heading before it, with nothing between (`…主要工作(一)党建引领…`). */
  glued?: boolean
}

/** Where a marker may start inside a paragraph: after whitespace, or right after a sentence. */
const MAX_INLINE = 200
export const WINDOW = 400
const INLINE_START = /(?:[。！？!?：:][”’」』]?|\s)\s*(?=[（(]?\s*[一二三四五六七八九十0-9０-９])/g

/** The numbering style as written (`cn、`, `num()`…) and its family (the same numerals and brackets, any delimiter). */
export function styleOf(m: Marker): { style: string; family: string } {
  const src = m.source.replace(/^[-*+•·●▪◆■○◇►▶]\s*/, '')
  const numeral = /^[（(]?\s*[0-9０-９]/.test(src) ? 'num' : 'cn'
  const paren = /[（()）]/.test(src)
  const delim = paren ? '()' : /、/.test(src) ? '、' : /[.．]/.test(src) ? '.' : ' '
  return { style: `${numeral}${delim}`, family: `${numeral}${paren ? '()' : ''}` }
}

/** How much a candidate looks like a heading on its own: where it stands, the shape of its text, what the source declared. */
export function evidence(f: Found, lines: SourceLine[]): number {
  const line = lines[f.line]
  const text = line.text
  // Right after a sentence, 一、 rarely enumerates inside a paragraph, （1） very often does.
  const afterSentence = [0, -0.3, -0.8, -1.2, -2][f.marker.level]
  let ev = !f.inline ? 1 : f.glued ? -1.4 : /\s/.test(text[f.offset - 1] ?? '') ? 0.3 : afterSentence
  const title = f.inline ? gluedTitle(f.parse) : f.parse.title
  const n = [...title].length
  if (n === 0) ev += f.inline ? -2 : 0.5
  else if (n <= 30) ev += 1
  else if (n <= 60) ev += 0.3
  else if (n <= 80) ev -= 1
  else ev -= 2
  if (!f.inline && !f.parse.body && !f.parse.closedSentence && n > 0) ev += 0.5
  if (f.parse.listed) ev -= f.inline ? 1.5 : 2
  if (/^[，,。.；;：:、）)”’%％]/.test(f.marker.rest)) ev -= 4
  // 3、6所… is a number cut in two; 一、2022年主要工作 starts with a year.
  else if (/^[0-9０-９](?![0-9０-９]*\s*[年月])/.test(f.marker.rest)) ev -= 2
  if (!f.inline) {
    if (line.auto) ev += 3
    if (line.heading) ev += 1
    if (line.strong) ev += 0.5
  }
  return ev
}

export function findCandidates(lines: SourceLine[]): Found[] {
  const all: Found[] = []
  lines.forEach((line, i) => {
    const out: Found[] = []
    lineCandidates(line, i, out)
    all.push(...out)
  })
  return all
}

/** The candidates of one line, in order of their offset. */
function lineCandidates(line: SourceLine, i: number, out: Found[]): void {
  if (line.table) return
  const text = line.text
  const m = parseMarker(text)
  const h = m ? parseHeading(text) : null
  if (m && h) out.push({ line: i, offset: 0, marker: m, parse: h, inline: false })
  if (line.auto || line.heading) return
  // Inside the paragraph, after its own marker (and the bullet before it).
  const from = m ? text.length - m.rest.length : 0
  let inline = 0
  for (const hit of text.matchAll(INLINE_START)) {
    const offset = (hit.index ?? 0) + hit[0].length
    if (offset <= from || offset >= text.length - 1) continue
    // A heading and its first sentence fit in a window; a pathological line cannot make this quadratic.
    if (++inline > MAX_INLINE) break
    const seg = text.slice(offset, offset + WINDOW)
    const im = parseMarker(seg)
    const ih = im ? parseHeading(seg) : null
    if (im && ih) out.push({ line: i, offset, marker: im, parse: ih, inline: true })
  }
  glued(line, i, m && h ? 0 : -1, out)
}

/** A marker right after a Chinese character or closing mark, where a heading's text ended without punctuation. */
const GLUED_START = /(?<=[\u3400-\u9fff”’）)])(?=[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[）)]|[0-9０-９]{1,2}[.．、][^0-9０-９]|[一二三四五六七八九十]{1,3}、)/g
const MAX_HEADING = 45

/**
 * Headings run together when a page lost its line breaks: `一、上半年主要工作(一)党建引领全面提效1.强化…`.
 * A marker glued onto text counts only right after another possible heading whose text is
 * still heading-short and has not ended a sentence.
 */
function glued(line: SourceLine, i: number, lineStart: number, out: Found[]): void {
  const text = line.text
  const starts = out.map((f) => f.offset)
  if (lineStart < 0 && !starts.length) return
  let seen = 0
  for (const hit of text.matchAll(GLUED_START)) {
    const offset = hit.index ?? 0
    if (++seen > MAX_INLINE) break
    const previous = Math.max(-1, ...starts.filter((s) => s < offset))
    if (previous < 0 || offset - previous > MAX_HEADING || /[。！？；;]/.test(text.slice(previous, offset))) continue
    const seg = text.slice(offset, offset + WINDOW)
    const m = parseMarker(seg)
    const h = m ? parseHeading(seg) : null
    if (!m || !h) continue
    out.push({ line: i, offset, marker: m, parse: h, inline: true, glued: true })
    starts.push(offset)
  }
  out.sort((a, b) => a.offset - b.offset)
}

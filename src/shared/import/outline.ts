import { newSectionId, paragraph, type Block, type HeadingLevel, type Section } from '../doc/model'
import type { SourceLine } from './lines'
import { inlineMarkerPattern, parseMarker, type Marker } from './markers'
import { chooseSequence } from './sequence'
import { isTitleShaped } from './split'

/**
 * The section tree from a report's paragraphs.
 *
 * Every paragraph that starts with a marker is a heading, except an inline enumeration
 * (`（1）……；（2）……` in one paragraph), which is body text. A heading paragraph with more
 * than one sentence is a run-in heading: the heading is its first sentence and the rest is
 * the section's first paragraph. Depth comes from the order of levels, not from the
 * style alone: a heading closes every open section of its own level or deeper, so a `1.`
 * directly under `一、` is its child, and gaps in the numbering change nothing.
 */

export interface HeadingParse {
  marker: Marker
  title: string
  runIn: boolean
  /** The run-in continuation, '' when the heading is the whole paragraph. */
  body: string
  /** The heading was one sentence closed by 。: run-in unless body paragraphs follow it. */
  closedSentence: boolean
  /** The next number of its style follows in the same paragraph: a list item, or a section of a flattened page. */
  listed?: boolean
}

const OPENERS = '“‘《（(「『【〈'
const CLOSERS = '”’》）)」』】〉'

/** Index of the first sentence end (。！？) outside quotes and brackets, falling back to the first anywhere. */
export function firstSentenceEnd(text: string): number {
  let depth = 0
  let firstAnywhere = -1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (OPENERS.includes(ch)) depth++
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1)
    else if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?') {
      if (depth === 0) return i
      if (firstAnywhere < 0) firstAnywhere = i
    }
  }
  return firstAnywhere
}

/**
 * `（1）……；（2）……` or `1.……。2.……` inside one paragraph: the next number of the same
 * style appears after clause punctuation, so the marker opens a list, not a section.
 * When the paragraph restarts the list first (`（1）标题。（1）……（2）……`), the leading
 * marker is a run-in heading and the list is its body.
 */
function enumerationGap(marker: Marker): number {
  const rest = marker.rest
  const next = inlineMarkerPattern(marker.level, marker.ordinal + 1)
  const at = next ? rest.search(next) : -1
  if (at < 0) return -1
  const again = inlineMarkerPattern(marker.level, marker.ordinal)
  const restart = again ? rest.search(again) : -1
  if (restart >= 0 && restart < at) return -1
  // An item that is a heading sentence and then text (（一）健全制度。制定了规章20项。（二）…) is a run-in
  // section of a flattened page; a list's items are one clause each.
  const item = rest.slice(0, at).replace(/[。！？；;，,\s]+$/, '')
  return /[。！？]/.test(item) ? LIST_ITEM : at
}

/** Items this short are a list inside a sentence; longer ones may be sections whose line breaks were lost. */
const LIST_ITEM = 60

function stripTrailing(title: string): string {
  return title.replace(/[\s：:，,；;、]+$/, '')
}

/** Reads a paragraph as a heading, or returns null when it is body text. */
export function parseHeading(text: string): HeadingParse | null {
  const marker = parseMarker(text)
  if (!marker) return null
  const gap = enumerationGap(marker)
  if (gap >= 0 && gap < LIST_ITEM) return null
  const parse = parseHeadingText(marker)
  return parse && gap >= 0 ? { ...parse, listed: true } : parse
}

function parseHeadingText(marker: Marker): HeadingParse | null {
  const rest = marker.rest
  if (!rest) return { marker, title: '', runIn: false, body: '', closedSentence: false }

  // A heading whose line break was lost: a short title, a space, then the section's text.
  const spaced = /^(\S{2,30}?)\s+(\S[\s\S]{14,})$/.exec(rest)
  if (spaced && (spaced[1].match(/[\u3400-\u9fff]/g)?.length ?? 0) >= 2 && !/[。！？；;：:]/.test(spaced[1]) && /[。！？，,；;]/.test(spaced[2])) {
    return { marker, title: stripTrailing(spaced[1]), runIn: false, body: spaced[2].trim(), closedSentence: false }
  }
  const end = firstSentenceEnd(rest)
  // A short lead-in closed by a colon (（1）实习生做好总结：实习结束后…) is a run-in heading too.
  const colon = rest.search(/[：:]/)
  const colonEnds = colon > 0 && colon <= 25 && (end < 0 || colon < end) && !/[，,。]/.test(rest.slice(0, colon)) && rest.slice(colon + 1).trim() !== ''
  if (colonEnds) {
    return { marker, title: rest.slice(0, colon + 1).trim(), runIn: true, body: rest.slice(colon + 1).trim(), closedSentence: false }
  }
  if (end < 0) return { marker, title: stripTrailing(rest), runIn: false, body: '', closedSentence: false }

  // 。 is dropped from the title (the printer adds it back); ！？ belong to the sentence.
  const title = (rest[end] === '。' ? rest.slice(0, end) : rest.slice(0, end + 1)).trim()
  let bodyStart = end + 1
  // Closing quotes or brackets right after the sentence end belong to the heading sentence.
  while (bodyStart < rest.length && CLOSERS.includes(rest[bodyStart])) bodyStart++
  const body = rest.slice(bodyStart).trim()
  if (bodyStart > end + 1) {
    const whole = rest.slice(0, bodyStart).trim()
    return body ? { marker, title: whole, runIn: true, body, closedSentence: false } : { marker, title: whole, runIn: true, body: '', closedSentence: true }
  }
  if (!body) return { marker, title, runIn: true, body: '', closedSentence: true }
  return { marker, title, runIn: true, body, closedSentence: false }
}

export interface Outline {
  preamble: Block[]
  sections: Section[]
}

function toBlock(line: SourceLine): Block {
  return line.table ? { type: 'table', rows: line.table, ...(line.tableHeader ? { header: true } : {}) } : paragraph(line.text)
}

export interface OutlineOptions {
  /**
   * Trust heading levels a structured source declared (Word's heading styles, Markdown #):
   * when the document's headings carry no numbers (Word's automatic numbering is not in
   * the text, Markdown templates number them), declared headings open sections by level.
   */
  headingHints?: boolean
}

/** A possible heading: a marker at a paragraph's start, or inside a flattened paragraph. */
interface Found {
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
const WINDOW = 400
const INLINE_START = /(?:[。！？!?：:][”’」』]?|\s)\s*(?=[（(]?\s*[一二三四五六七八九十0-9０-９])/g

function styleOf(m: Marker): { style: string; family: string } {
  const src = m.source.replace(/^[-*+•·●▪◆■○◇►▶]\s*/, '')
  const numeral = /^[（(]?\s*[0-9０-９]/.test(src) ? 'num' : 'cn'
  const paren = /[（()）]/.test(src)
  const delim = paren ? '()' : /、/.test(src) ? '、' : /[.．]/.test(src) ? '.' : ' '
  return { style: `${numeral}${delim}`, family: `${numeral}${paren ? '()' : ''}` }
}

/**
 * A glued heading's first sentence runs on into the body: its title ends where the body's
 * first sentence visibly starts, at a year (`基本情况2023年辖区共有…`), or else, for a long
 * sentence, at the first comma.
 */
function gluedTitle(parse: HeadingParse): string {
  const year = /(?<=[\u3400-\u9fff]{2})(?:19|20)\d{2}\s*年/.exec(parse.title)
  if (year && parse.title.length > 12) return parse.title.slice(0, year.index)
  if (parse.title.length <= 40) return parse.title
  const comma = parse.title.search(/[，,]/)
  return comma > 0 && comma <= 30 ? parse.title.slice(0, comma) : parse.title
}

function evidence(f: Found, lines: SourceLine[]): number {
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

function findCandidates(lines: SourceLine[]): Found[] {
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

interface Heading {
  line: number
  offset: number
  depth: number
  marker: Marker | null
  parse: HeadingParse
  inline: boolean
}

/** Headings declared by the source's structure alone (no number in the text): depth from the declared level. */
function hintedHeadings(lines: SourceLine[]): Heading[] {
  const hinted = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.heading && !l.table && l.text && l.text.length <= 60)
  if (!hinted.length) return []
  const levels = [...new Set(hinted.map(({ l }) => l.heading!))].sort((a, b) => a - b)
  return hinted.map(({ l, i }) => {
    const m = parseMarker(l.text)
    const h = m ? parseHeading(l.text) : null
    const parse = h ?? { marker: { level: 1, ordinal: 0, source: '', rest: l.text }, title: stripTrailing(l.text), runIn: false, body: '', closedSentence: false }
    return { line: i, offset: 0, depth: levels.indexOf(l.heading!) + 1, marker: h ? m : null, parse, inline: false }
  })
}

export function buildOutline(lines: SourceLine[], options: OutlineOptions = {}): Outline {
  const found = findCandidates(lines)
  const styled = found.map((f) => ({ f, ...styleOf(f.marker) }))
  // Where Word numbers a list itself, a typed number of the same style is the author's own list, not that outline.
  const autoStyles = new Set(styled.filter(({ f }) => !f.inline && lines[f.line].auto).map(({ style }) => style))
  const chosen = chooseSequence(
    styled.map(({ f, style, family }) => {
      const typedLikeAuto = autoStyles.has(style) && !lines[f.line].auto
      return { style, family, canon: f.marker.level, ordinal: f.marker.ordinal, evidence: evidence(f, lines) - (typedLikeAuto ? 2.5 : 0) }
    })
  )
  let headings: Heading[] = chosen.map((c) => ({ ...found[c.index], depth: c.depth }))
  if (options.headingHints) headings = withDeclared(lines, headings)
  return assemble(lines, headings)
}

/**
 * Headings the source declares without a number in the text. When they outnumber the
 * numbered ones, the document is structured by its styles alone (Markdown templates,
 * Word's heading styles) and the declared levels decide. Otherwise an unnumbered declared
 * heading joins the numbered ones where its declared level is used consistently by them
 * (a Heading 1 `存在的问题` beside a Heading 1 `一、基本情况`); a style used at random, as
 * in pages pasted from the web, decides nothing.
 */
function withDeclared(lines: SourceLine[], numbered: Heading[]): Heading[] {
  const hinted = hintedHeadings(lines)
  const unnumbered = hinted.filter((h) => !h.marker)
  if (!unnumbered.length) return numbered
  if (unnumbered.length >= numbered.length) return hinted
  const depthOf = new Map<number, number | null>()
  for (const h of numbered) {
    const level = lines[h.line].heading
    if (!level || h.inline) continue
    const d = depthOf.get(level)
    depthOf.set(level, d === undefined || d === h.depth ? h.depth : null)
  }
  const merged = [...numbered]
  for (const u of unnumbered) {
    const d = depthOf.get(lines[u.line].heading!)
    if (d) merged.push({ ...u, depth: d })
  }
  return merged.sort((a, b) => a.line - b.line || a.offset - b.offset)
}

/** The 公文 level a marker denotes, or the depth's own level for a heading declared without one. */
function naturalLevel(h: Heading): HeadingLevel {
  return h.marker ? h.marker.level : (Math.min(4, h.depth) as HeadingLevel)
}

/** Builds the section tree: paragraphs split where glued headings start, levels kept increasing downwards. */
function assemble(lines: SourceLine[], headings: Heading[]): Outline {
  const preamble: Block[] = []
  const sections: Section[] = []
  const stack: { section: Section; depth: number }[] = []
  /** Sections whose heading closed with 。 and have no body yet: run-in until a body paragraph arrives. */
  const closed = new Set<Section>()
  const byLine = new Map<number, Heading[]>()
  for (const h of headings) byLine.set(h.line, [...(byLine.get(h.line) ?? []), h])

  const addBlock = (block: Block): void => {
    const top = stack[stack.length - 1]?.section
    if (!top) {
      preamble.push(block)
      return
    }
    if (closed.has(top)) {
      // The heading stood on its own line: it is not run-in after all.
      closed.delete(top)
      if (block.type === 'paragraph') top.runIn = false
    }
    top.blocks.push(block)
  }
  const open = (h: Heading, parse: HeadingParse, title: string, body: string): void => {
    while (stack.length && stack[stack.length - 1].depth >= h.depth) {
      closed.delete(stack[stack.length - 1].section)
      stack.pop()
    }
    const parent = stack[stack.length - 1]?.section
    const natural = naturalLevel(h)
    const level = (parent && natural <= parent.level ? Math.min(4, parent.level + 1) : natural) as HeadingLevel
    const s: Section = {
      id: newSectionId(),
      level,
      title,
      runIn: parse.runIn,
      ...(h.marker?.source ? { sourceMarker: h.marker.source } : {}),
      blocks: body ? [paragraph(body)] : [],
      children: []
    }
    if (parent) parent.children.push(s)
    else sections.push(s)
    stack.push({ section: s, depth: h.depth })
    if (parse.closedSentence) closed.add(s)
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const here = byLine.get(i)
    if (!here) {
      addBlock(toBlock(line))
      continue
    }
    const text = line.text
    const first = here[0]
    if (first.offset > 0) addBlock(paragraph(text.slice(0, first.offset).trim()))
    here.forEach((h, k) => {
      const end = k + 1 < here.length ? here[k + 1].offset : text.length
      const segment = text.slice(h.offset, end).trim()
      let parse = h.parse
      if (h.inline || k + 1 < here.length) {
        parse = parseHeading(segment.slice(0, WINDOW)) ?? h.parse
        if (segment.length > WINDOW) parse = { ...parse, body: (parse.body + segment.slice(WINDOW)).trim() }
      }
      let title = parse.title
      let body = parse.body
      if (h.inline) {
        const t = gluedTitle(parse)
        if (t !== title) {
          body = `${parse.title.slice(t.length).replace(/^[，,]\s*/, '')}${parse.title.endsWith('！') || parse.title.endsWith('？') ? '' : '。'}${body}`
          title = t
        }
      }
      // A marker alone on its line (一、) with its heading text on the next line.
      if (!title && k === here.length - 1) {
        const next = lines[i + 1]
        if (next && !next.table && isTitleShaped(next.text) && parseMarker(next.text) === null && !byLine.has(i + 1)) {
          title = stripTrailing(next.text)
          i++
        }
      }
      open(h, parse, title, body)
    })
  }
  return { preamble, sections }
}

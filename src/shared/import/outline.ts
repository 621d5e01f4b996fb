import { newSectionId, paragraph, type Block, type HeadingLevel, type Section } from '../doc/model'
import { evidence, findCandidates, styleOf, WINDOW } from './candidates'
import { gluedTitle, parseHeading, stripTrailing, type HeadingParse } from './heading'
import type { SourceLine } from './lines'
import { parseMarker, type Marker } from './markers'
import { chooseSequence } from './sequence'
import { isTitleShaped } from './split'

export { firstSentenceEnd, parseHeading, type HeadingParse } from './heading'

/**
 * The section tree from a report's paragraphs. Possible headings are found everywhere a
 * marker can stand (candidates.ts); the most plausible numbering over the whole document
 * decides which are headings and how deep each is (sequence.ts); the tree is then built
 * with the numbering style kept as each section's level wherever the structure allows
 * (a 1. under 3、 becomes （1）), and sources that declare their headings (Word styles,
 * Markdown #) are trusted where the text numbers none.
 */

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

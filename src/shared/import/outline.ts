import { newSectionId, paragraph, type Block, type HeadingLevel, type Section } from '../doc/model'
import type { SourceLine } from './lines'
import { inlineMarkerPattern, parseMarker, type Marker } from './markers'
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
function isInlineEnumeration(marker: Marker): boolean {
  const rest = marker.rest
  const next = inlineMarkerPattern(marker.level, marker.ordinal + 1)
  const at = next ? rest.search(next) : -1
  if (at < 0) return false
  const again = inlineMarkerPattern(marker.level, marker.ordinal)
  const restart = again ? rest.search(again) : -1
  return restart < 0 || restart > at
}

function stripTrailing(title: string): string {
  return title.replace(/[\s：:，,；;、]+$/, '')
}

/** Reads a paragraph as a heading, or returns null when it is body text. */
export function parseHeading(text: string): HeadingParse | null {
  const marker = parseMarker(text)
  if (!marker) return null
  if (isInlineEnumeration(marker)) return null
  const rest = marker.rest
  if (!rest) return { marker, title: '', runIn: false, body: '', closedSentence: false }

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
   * a declared heading without a typed marker (Word's automatic numbering is not in the
   * text) still opens a section, its level taken from the declared level.
   */
  headingHints?: boolean
}

export function buildOutline(lines: SourceLine[], options: OutlineOptions = {}): Outline {
  const hinted = options.headingHints ? lines.filter((l) => l.heading && !l.table && parseMarker(l.text) === null) : []
  const topHint = hinted.length ? Math.min(...hinted.map((l) => l.heading!)) : 0
  const preamble: Block[] = []
  const sections: Section[] = []
  const stack: Section[] = []
  /** Sections whose heading closed with 。 and have no body yet: run-in until a body paragraph arrives. */
  const closed = new Set<Section>()

  const addBlock = (block: Block): void => {
    const top = stack[stack.length - 1]
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

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    let h = line.table ? null : parseHeading(line.text)
    if (!h && topHint && line.heading && parseMarker(line.text) === null && line.text.length <= 60) {
      const level = Math.min(4, Math.max(1, line.heading - topHint + 1)) as HeadingLevel
      h = { marker: { level, ordinal: 0, source: '', rest: line.text }, title: stripTrailing(line.text), runIn: false, body: '', closedSentence: false }
    }
    if (!h) {
      addBlock(toBlock(line))
      continue
    }
    let title = h.title
    // A marker alone on its line (一、) with its heading text on the next line.
    if (!title) {
      const next = lines[i + 1]
      if (next && !next.table && isTitleShaped(next.text) && parseMarker(next.text) === null) {
        title = stripTrailing(next.text)
        i++
      }
    }
    const level: HeadingLevel = h.marker.level
    const s: Section = {
      id: newSectionId(),
      level,
      title,
      runIn: h.runIn,
      ...(h.marker.source ? { sourceMarker: h.marker.source } : {}),
      blocks: h.body ? [paragraph(h.body)] : [],
      children: []
    }
    while (stack.length && stack[stack.length - 1].level >= level) {
      closed.delete(stack[stack.length - 1])
      stack.pop()
    }
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(s)
    else sections.push(s)
    stack.push(s)
    if (h.closedSentence) closed.add(s)
  }
  return { preamble, sections }
}

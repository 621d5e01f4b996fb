import { inlineMarkerPattern, parseMarker, type Marker } from './markers'

/**
 * A paragraph that starts with a marker, read as a heading: the heading is its first
 * sentence (or a short lead-in closed by a colon, or a short title set apart by a space)
 * and the rest is the section's first paragraph, a run-in heading. An inline list
 * (`（1）……；（2）……` in one paragraph, one clause an item) is body text, not a heading.
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
  if (/[。！？]/.test(item)) return LIST_ITEM
  // （一） items that each close a sentence (（一）严格执行制度。（二）扎实开展教研。) are sections whose
  // line breaks were lost; a list of them inside a sentence takes clause punctuation (；，).
  return marker.level === 2 && /[。！？]/.test(rest[at]) ? LIST_ITEM : at
}

/** Items this short are a list inside a sentence; longer ones may be sections whose line breaks were lost. */
const LIST_ITEM = 60

export function stripTrailing(title: string): string {
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
  // Only the lead is matched by the pattern: one over the whole text overflowed the stack on a 20 MB line.
  const lead = /^(\S{2,30}?)\s+(?=\S)/.exec(rest)
  const after = lead ? rest.slice(lead[0].length) : ''
  if (lead && after.length >= 15 && (lead[1].match(/[\u3400-\u9fff]/g)?.length ?? 0) >= 2 && !/[。！？；;：:]/.test(lead[1]) && /[。！？，,；;]/.test(after)) {
    return { marker, title: stripTrailing(lead[1]), runIn: false, body: after.trim(), closedSentence: false }
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

/**
 * A glued heading's first sentence runs on into the body: its title ends where the body's
 * first sentence visibly starts, at a year (`基本情况2023年辖区共有…`), or else, for a long
 * sentence, at the first comma.
 */
export function gluedTitle(parse: HeadingParse): string {
  const year = /(?<=[\u3400-\u9fff]{2})(?:19|20)\d{2}\s*年/.exec(parse.title)
  if (year && parse.title.length > 12) return parse.title.slice(0, year.index)
  if (parse.title.length <= 40) return parse.title
  const comma = parse.title.search(/[，,]/)
  return comma > 0 && comma <= 30 ? parse.title.slice(0, comma) : parse.title
}

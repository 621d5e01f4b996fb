import { nextMatch } from './match'

export interface Snippet {
  text: string
  /** [start, end) offsets into `text`, sorted, not overlapping. */
  highlights: [number, number][]
}

const ELLIPSIS = '…'

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/**
 * About `width` characters of a passage centred on one match, with … where the passage goes
 * on, and every whole occurrence of every term inside the window highlighted. Line breaks
 * become spaces (one for one, so the offsets hold). The window
 * stays at or after `from` (the body's start, when the heading is shown as the path anyway).
 * `terms` are folded; `text` is the original.
 */
export function makeSnippet(text: string, terms: readonly string[], center: number, centerLen: number, width = 72, from = 0): Snippet {
  const w = Math.max(width, centerLen)
  let start = Math.max(from, center - Math.floor((w - centerLen) / 2))
  let end = Math.min(text.length, start + w)
  start = Math.max(from, end - w)
  // Never cut a surrogate pair in half.
  if (start > from && isLowSurrogate(text.charCodeAt(start))) start--
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++
  const prefix = start > from ? ELLIPSIS : ''
  const suffix = end < text.length ? ELLIPSIS : ''
  const body = text.slice(start, end).replace(/\s/g, ' ')

  const spans: [number, number][] = []
  for (const term of terms) {
    for (let at = nextMatch(text, term, start); at >= 0 && at + term.length <= end; at = nextMatch(text, term, at + term.length)) {
      spans.push([at - start + prefix.length, at - start + prefix.length + term.length])
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const highlights: [number, number][] = []
  for (const s of spans) {
    const last = highlights[highlights.length - 1]
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1])
    else highlights.push([s[0], s[1]])
  }
  return { text: prefix + body + suffix, highlights }
}

import { startsAtToken } from './normalize'

/**
 * The first place at or after `from` where `term` occurs in the folded text as a phrase
 * (contiguous, and starting at a token boundary when it starts with a Latin letter or digit);
 * -1 when there is none.
 */
export function nextMatch(folded: string, term: string, from: number): number {
  let at = folded.indexOf(term, from)
  while (at >= 0 && !startsAtToken(folded, term, at)) at = folded.indexOf(term, at + 1)
  return at
}

/**
 * Whether `term` occurs entirely within the first `end` characters. A plain loop: it only ever
 * looks at a heading (a few characters), and calling into indexOf costs more than that.
 */
export function matchesBefore(folded: string, term: string, end: number): boolean {
  const len = term.length
  const first = term.charCodeAt(0)
  for (let at = 0; at + len <= end; at++) {
    if (folded.charCodeAt(at) !== first) continue
    let k = 1
    while (k < len && folded.charCodeAt(at + k) === term.charCodeAt(k)) k++
    if (k === len && startsAtToken(folded, term, at)) return true
  }
  return false
}

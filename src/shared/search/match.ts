import { FOLD, startsAtToken } from './normalize'

/**
 * Finding a folded term in the original text, so the index keeps one copy of each passage's text
 * (two copies, original and folded, were 54 MB more at 5,000 reports).
 *
 * Folding maps a character to one character. Most characters of a Chinese query (every Han
 * character) are the folded form of themselves only: a term made of those occurs in the folded
 * text exactly where it occurs in the original, and the native indexOf finds it. A term holding
 * a character that others fold into (Latin letters, digits, punctuation, space) is compared
 * character by character through the folding table.
 */

/** 1 where some other character folds into this one. */
const SHARED: Uint8Array = (() => {
  const shared = new Uint8Array(0x10000)
  for (let c = 0; c < 0x10000; c++) if (FOLD[c] !== c) shared[FOLD[c]] = 1
  return shared
})()

let lastTerm = ''
let lastPlain = true

/** Whether the original text can be searched for the (folded) term directly. */
function plain(term: string): boolean {
  if (term === lastTerm) return lastPlain
  let ok = true
  for (let i = 0; i < term.length && ok; i++) ok = SHARED[term.charCodeAt(i)] === 0
  lastTerm = term
  lastPlain = ok
  return ok
}

/** Whether the folded term occurs in `text` at `at`. */
function foldsTo(text: string, term: string, at: number): boolean {
  for (let k = 0; k < term.length; k++) if (FOLD[text.charCodeAt(at + k)] !== term.charCodeAt(k)) return false
  return true
}

/**
 * The first place at or after `from` where the folded `term` occurs in `text` (the original,
 * unfolded text) as a phrase: contiguous, and starting at a token boundary when it starts with a
 * Latin letter or digit. -1 when there is none.
 */
export function nextMatch(text: string, term: string, from: number): number {
  if (plain(term)) {
    let at = text.indexOf(term, from)
    while (at >= 0 && !startsAtToken(text, term, at)) at = text.indexOf(term, at + 1)
    return at
  }
  const first = term.charCodeAt(0)
  for (let at = Math.max(0, from); at + term.length <= text.length; at++) {
    if (FOLD[text.charCodeAt(at)] === first && foldsTo(text, term, at) && startsAtToken(text, term, at)) return at
  }
  return -1
}

/**
 * Whether `term` occurs entirely within the first `end` characters. A plain loop: it only ever
 * looks at a heading (a few characters), and calling into indexOf costs more than that.
 */
export function matchesBefore(text: string, term: string, end: number): boolean {
  const first = term.charCodeAt(0)
  for (let at = 0; at + term.length <= end; at++) {
    if (FOLD[text.charCodeAt(at)] === first && foldsTo(text, term, at) && startsAtToken(text, term, at)) return true
  }
  return false
}

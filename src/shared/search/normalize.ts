/**
 * Folding for matching: one UTF-16 code unit in, one out, so an offset into the folded
 * text is the same offset into the original (highlights and snippets rely on that).
 * - full-width ASCII （ＷＰＳ, ２０２４, （一））→ half-width
 * - case folded
 * - every kind of whitespace and control character → ' ' (phrases never span it)
 */

const SPACE = 0x20

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000)
  for (let c = 0; c < 0x10000; c++) table[c] = c
  for (let c = 0; c <= SPACE; c++) table[c] = SPACE
  for (const c of [0x7f, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) table[c] = SPACE
  for (let c = 0x80; c < 0xa0; c++) table[c] = SPACE
  for (let c = 0x2000; c <= 0x200b; c++) table[c] = SPACE
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0
  for (let c = 0; c < 0x10000; c++) {
    // Surrogates stay as they are: folding half a pair means nothing.
    if (c >= 0xd800 && c <= 0xdfff) continue
    const from = table[c]
    const lower = String.fromCharCode(from).toLowerCase()
    // Only 1:1 lowercasings keep offsets aligned (İ → i̇ is two code units: left as is).
    if (lower.length === 1) table[c] = lower.charCodeAt(0)
  }
  return table
}

export const FOLD: Uint16Array = buildFoldTable()

let scratch = new Uint16Array(1 << 12)
let utf16: { decode(units: Uint16Array): string } | null | undefined

/** Code units → string; TextDecoder is several times faster than String.fromCharCode in chunks. */
function decodeUnits(units: Uint16Array): string {
  if (utf16 === undefined) {
    try {
      utf16 = new TextDecoder('utf-16le')
    } catch {
      utf16 = null
    }
  }
  if (utf16) return utf16.decode(units)
  const parts: string[] = []
  for (let i = 0; i < units.length; i += 4096) parts.push(String.fromCharCode(...units.subarray(i, i + 4096)))
  return parts.join('')
}

/** The folded form of `text`, the same length; returns `text` itself when nothing changes. */
export function foldText(text: string): string {
  const n = text.length
  let i = 0
  while (i < n && FOLD[text.charCodeAt(i)] === text.charCodeAt(i)) i++
  if (i === n) return text
  if (scratch.length < n) scratch = new Uint16Array(n * 2)
  for (let j = 0; j < n; j++) scratch[j] = FOLD[text.charCodeAt(j)]
  // A lone surrogate decodes as U+FFFD: still one unit, so offsets hold; it just matches nothing.
  return decodeUnits(scratch.subarray(0, n))
}

export function isSpaceCode(folded: number): boolean {
  return folded <= SPACE
}

/**
 * The query's terms: folded, split on any whitespace, duplicates removed, in the order typed.
 * Every term must appear in the same report (AND).
 */
export function queryTerms(query: string, maxTerms = 8): string[] {
  const out: string[] = []
  for (const t of foldText(query).split(' ')) {
    if (t && !out.includes(t)) out.push(t)
    if (out.length === maxTerms) break
  }
  return out
}

const OTHER = 0
const DIGIT = 1
const LETTER = 2

function charClass(folded: number): number {
  if (folded >= 0x30 && folded <= 0x39) return DIGIT
  if (folded >= 0x61 && folded <= 0x7a) return LETTER
  return OTHER
}

/** Whether a folded term starts with a Latin letter or a digit (and so must start a token). */
export function startsWithWordChar(term: string): boolean {
  return charClass(term.charCodeAt(0)) !== OTHER
}

/**
 * Latin words and digit runs are tokens: a term that starts with a letter (digit) must not
 * start in the middle of a word (number), so `24` does not find 2024 and `ps` does not find
 * WPS. The end stays open, so typing `WP` already finds WPS. Chinese has no such boundary.
 */
export function startsAtToken(text: string, term: string, at: number): boolean {
  if (at === 0) return true
  const cls = charClass(term.charCodeAt(0))
  // The character before, folded (a no-op on text that is folded already).
  return cls === OTHER || charClass(FOLD[text.charCodeAt(at - 1)]) !== cls
}

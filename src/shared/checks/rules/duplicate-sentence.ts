/**
 * duplicate-sentence: the same paragraph or sentence more than once (a paste done twice, a
 * sentence carried into two sections). A repeated paragraph is one finding, not one per
 * sentence. Comparison ignores spaces and half/full-width punctuation differences; short
 * sentences are set phrases (取得了良好效果。) and are skipped.
 */
import { makeFinding, type TextUnit } from '../context'
import type { Rule } from '../rule'
import type { Finding } from '../types'

/** Meaningful characters (not spaces or punctuation) a sentence needs to be compared. */
const MIN_CHARS = 12
/** A whole paragraph is compared from a little longer: two set phrases make no duplicate. */
const MIN_PARAGRAPH_CHARS = 20

/** Half-width marks compared as their full-width forms (decimal points are left alone). */
const FULL_WIDTH: Record<number, string> = { 0x2c: '，', 0x3b: '；', 0x3a: '：', 0x28: '（', 0x29: '）', 0x3f: '？', 0x21: '！' }
// Compared by code unit: indexing a string for CJK characters allocates, and this is the hot loop.
const TERMINAL = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f]) // 。！？!?
const CLOSING = new Set([0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29]) // ”’」』）)

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0x3000 || c === 0xa0
}

function isMeaningful(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xff10 && c <= 0xff5a)
  )
}

/**
 * The comparison key of text[start, end) — spaces dropped, half-width marks made full-width,
 * end marks dropped — or null when it has fewer than `min` meaningful characters (letters,
 * digits, Han). One pass; clean text is returned as a slice without rebuilding.
 */
function keyOf(text: string, start: number, end: number, min: number): string | null {
  while (end > start && TERMINAL.has(text.charCodeAt(end - 1))) end--
  let meaningful = 0
  let clean = true
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (isMeaningful(c)) meaningful++
    else if (isSpace(c) || FULL_WIDTH[c] !== undefined) clean = false
  }
  if (meaningful < min) return null
  if (clean) return text.slice(start, end)
  let key = ''
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) continue
    key += FULL_WIDTH[c] ?? text[i]
  }
  return key
}

function where(unit: TextUnit): string {
  return unit.path.length ? unit.path.join(' > ') : '开头部分'
}

export const duplicateSentence: Rule = {
  id: 'duplicate-sentence',
  run(ctx) {
    const out: Finding[] = []
    const paragraphs = new Map<string, TextUnit>()
    const seen = new Map<string, TextUnit>()
    for (const unit of ctx.units) {
      if (unit.kind !== 'paragraph') continue
      const text = unit.text
      const whole = keyOf(text, 0, text.length, MIN_PARAGRAPH_CHARS)
      if (whole !== null) {
        const first = paragraphs.get(whole)
        if (first) {
          const start = text.length - text.trimStart().length
          out.push(makeFinding(unit, 'duplicate-sentence', `整段与前文（${where(first)}）重复`, start, text.trimEnd().length))
          continue
        }
        paragraphs.set(whole, unit)
      }
      // Sentences end after their run of 。！？ and any closing quotes.
      let from = 0
      while (from < text.length) {
        let end = from
        while (end < text.length && !TERMINAL.has(text.charCodeAt(end))) end++
        while (end < text.length && (TERMINAL.has(text.charCodeAt(end)) || CLOSING.has(text.charCodeAt(end)))) end++
        let s = from
        let e = end
        // Surrounding spaces are not part of the sentence the editor should select.
        while (s < e && isSpace(text.charCodeAt(s))) s++
        while (e > s && isSpace(text.charCodeAt(e - 1))) e--
        from = end
        const key = e > s ? keyOf(text, s, e, MIN_CHARS) : null
        if (key === null) continue
        const first = seen.get(key)
        if (first) {
          const place = first === unit ? '本段前文' : `前文（${where(first)}）`
          out.push(makeFinding(unit, 'duplicate-sentence', `此句与${place}重复`, s, e))
        } else seen.set(key, unit)
      }
    }
    return out
  }
}

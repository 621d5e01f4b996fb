import type { HeadingLevel } from '../doc/model'
import { parseChineseNumeral } from '../doc/numbering'

/**
 * Section markers at the start of a paragraph, in the four 公文 levels
 * 一、 · （一） · 1. · （1）, with the variants pasted text really has:
 * half-width parentheses, `(一)、`, `1、`, `1．`, a space instead of 、,
 * full-width digits, and a list bullet in front (`- 1、`) from converted documents.
 */
export interface Marker {
  level: HeadingLevel
  ordinal: number
  /** The marker exactly as written, without the bullet and surrounding spaces: `(一)、`, `1、`. */
  source: string
  /** The paragraph after the marker, trimmed. */
  rest: string
}

const CN = '[一二三四五六七八九十]{1,3}'
// No leading zero: 01 is a time or a code, not a section number.
const DIGITS = '(?![0０][0-9０-９])[0-9０-９]{1,2}'

// Each pattern is anchored and bounded, so matching costs a few steps whatever the line length.
const BULLET = /^[-*+•·●▪◆■○◇►▶]\s*/
const CN_PAREN = new RegExp(`^[（(]\\s*(${CN})\\s*[）)](?:\\s*[、.．])?`)
const NUM_PAREN = new RegExp(`^[（(]\\s*(${DIGITS})\\s*[）)](?:\\s*[、.．])?`)
const NUM_HALF_PAREN = new RegExp(`^(${DIGITS})[）)](?:\\s*[、.．])?`)
const CN_PLAIN = new RegExp(`^(${CN})(?:\\s*[、.．]|\\s+)`)
const NUM_PLAIN = new RegExp(`^(${DIGITS})(?:\\s*[、．.]|\\s+)`)

/** Counting words that follow a bare number (`10 月`, `3 个`): the number is a quantity, not a marker. */
const UNIT_AFTER_NUMBER = /^[年月日号個个名人次万萬千百亿億元岁歲分秒时時天周所项項条條篇家位台件届屆级級倍%％]/
const CJK_START = /^[\u3400-\u9FFF\uF900-\uFAFF“‘《〈「『【（(]/

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

function make(level: HeadingLevel, numeral: string, source: string, rest: string): Marker | null {
  const ordinal = level === 1 || level === 2 ? parseChineseNumeral(numeral) : Number(toAsciiDigits(numeral))
  if (ordinal === null || !Number.isFinite(ordinal) || ordinal <= 0) return null
  return { level, ordinal, source: source.trim(), rest: rest.trim() }
}

/** Characters a marker (or the bullet before one) can start with: most lines are rejected on the first one. */
const MARKER_START = new Set([...'（(一二三四五六七八九十0123456789０１２３４５６７８９-*+•·●▪◆■○◇►▶'])

/**
 * Every import stage asks about the same paragraphs (noise, unwrap, split, outline), so
 * answers are remembered; the cache is dropped when it grows, which bounds its memory.
 */
const cache = new Map<string, Marker | null>()

/** The section marker a paragraph starts with, or null when it starts with none. */
export function parseMarker(paragraph: string): Marker | null {
  if (!MARKER_START.has(paragraph.trimStart()[0])) return null
  // Long paragraphs are few and not worth keeping as keys.
  if (paragraph.length > 300) return parseUncached(paragraph)
  const hit = cache.get(paragraph)
  if (hit !== undefined) return hit
  const m = parseUncached(paragraph)
  if (cache.size > 5000) cache.clear()
  cache.set(paragraph, m)
  return m
}

function parseUncached(paragraph: string): Marker | null {
  let text = paragraph.trimStart()
  const bullet = BULLET.exec(text)
  // A bullet only counts as list decoration in front of a real marker; "-3℃" is not a marker.
  if (bullet) text = text.slice(bullet[0].length)

  let m = CN_PAREN.exec(text)
  if (m) return make(2, m[1], m[0], text.slice(m[0].length))

  m = NUM_PAREN.exec(text)
  if (m) return make(4, m[1], m[0], text.slice(m[0].length))

  m = NUM_HALF_PAREN.exec(text)
  if (m) return make(4, m[1], m[0], text.slice(m[0].length))

  m = CN_PLAIN.exec(text)
  if (m) {
    const rest = text.slice(m[0].length)
    const spaceOnly = m[0].trim() === m[1]
    // 一、二年级 / 一、二等奖: a run of numerals, not a heading.
    if (/^[一二三四五六七八九十]+(?:[、,，]|年级|年級|等|个|個|级|級|类|類|是)/.test(rest)) return null
    if (spaceOnly && !CJK_START.test(rest)) return null
    return make(1, m[1], m[0], rest)
  }

  m = NUM_PLAIN.exec(text)
  if (m) {
    const rest = text.slice(m[0].length)
    const delim = m[0].slice(m[1].length).trim()
    // 1.5万 / 3．2%: a decimal number, not a marker.
    if ((delim === '.' || delim === '．') && /^[0-9０-９]/.test(rest)) return null
    // 1.html, 2.docx: the tail of a file name or URL.
    if (delim === '.' && /^[\x21-\x7e]+$/.test(rest)) return null
    // 2、3月份 / 1、2、3号: an enumeration of numbers.
    if (delim === '、' && /^[0-9０-９]+\s*[、,，月日号號]/.test(rest)) return null
    if (delim === '') {
      // "10 月" or "2 个": a quantity. A space-delimited marker must be followed by text.
      if (UNIT_AFTER_NUMBER.test(rest) || !CJK_START.test(rest)) return null
    }
    return make(3, m[1], m[0], rest)
  }
  return null
}

const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/**
 * The n-th marker of a level written inside a paragraph, after clause punctuation
 * (`…；（2）…`, `…。2.…`): how an inline enumeration continues. Null for level 1,
 * whose numerals are too common inside sentences to tell.
 */
export function inlineMarkerPattern(level: HeadingLevel, n: number): RegExp | null {
  switch (level) {
    case 1:
      return null
    case 2:
      return n >= 1 && n <= 10 ? new RegExp(`[。；;，,！？]\\s*[（(]\\s*${CN_NUMERALS[n]}\\s*[）)]`) : null
    case 3:
      return new RegExp(`[。；;！？]\\s*${n}\\s*[、.．](?![0-9])`)
    case 4:
      return new RegExp(`[。；;，,！？]\\s*[（(]\\s*${n}\\s*[）)]`)
  }
}

/** The level a marker string alone denotes (for tests and the CLI): `（一）` → 2. */
export function markerLevel(marker: string): HeadingLevel | null {
  return parseMarker(`${marker}甲`)?.level ?? null
}

/**
 * 简繁 detection: which characters of a text belong to the other script.
 *
 * A character is traditional when converting it traditional→simplified changes it and
 * simplified→traditional leaves it alone (體); simplified is the mirror case (体). Characters
 * both scripts share (的, 是) are neither. Some characters are valid in both scripts only in
 * some words (皇后 vs 發表后, 著名 vs 著重, 乾隆 vs 乾燥); those are confirmed with OpenCC's
 * phrase dictionaries on the surrounding text before they are reported.
 *
 * Classification is per character and cached; uncached characters of a text are converted in
 * one batch, so a long report costs a couple of converter calls, not one per character.
 */
import { Converter, ConverterFactory, Locale, type ConverterFunction, type DictLike } from 'opencc-js'
import type { Script } from '../doc/model'

const NEUTRAL = 0
const TRADITIONAL = 1
const SIMPLIFIED = 2
type CharClass = typeof NEUTRAL | typeof TRADITIONAL | typeof SIMPLIFIED

/** CJK ideographs (BMP blocks, compatibility block and the supplementary planes). */
export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  )
}

/** The character dictionary of a locale group: OpenCC lists phrases first, characters last. */
function charDict(groups: readonly (readonly DictLike[])[] | undefined, name: string): DictLike {
  const dict = groups?.[0]?.at(-1)
  if (dict === undefined) throw new Error(`opencc-js: no character dictionary for ${name}`)
  return dict
}

interface Converters {
  /** Character-level only: no phrase context, which is what a single-character verdict needs. */
  s2tChar: ConverterFunction
  t2sChar: ConverterFunction
}
let converters: Converters | null = null
function charConverters(): Converters {
  if (!converters) {
    const st = charDict(Locale.from.cn, 'cn→t')
    const ts = charDict(Locale.to.cn, 't→cn')
    // Taiwan variants (為, 裡, 峰…) are normalised to OpenCC's standard first, so they count too.
    const twRev = charDict(Locale.from.tw, 'tw→t')
    converters = { s2tChar: ConverterFactory([st]), t2sChar: ConverterFactory([twRev], [ts]) }
  }
  return converters
}

// Phrase converters load large dictionaries; built only when a candidate needs its context.
let t2sPhraseConv: ConverterFunction | null = null
let s2tPhraseConv: ConverterFunction | null = null
const t2sPhrase = (text: string): string => (t2sPhraseConv ??= Converter({ from: 'tw', to: 'cn' }))(text)
const s2tPhrase = (text: string): string => (s2tPhraseConv ??= Converter({ from: 'cn', to: 't' }))(text)

// BMP characters (nearly all Han in practice) in a flat table, others in a map: lookups run once
// per character of the report on every check. Stored as class + 1 so 0 means "not classified yet".
const bmp = new Uint8Array(0x10000)
const astral = new Map<number, CharClass>()
const cached = (cp: number): boolean => (cp <= 0xffff ? bmp[cp] !== 0 : astral.has(cp))
function remember(cp: number, cls: CharClass): void {
  if (cp <= 0xffff) bmp[cp] = cls + 1
  else astral.set(cp, cls)
}

/**
 * Classifies every not-yet-seen Han character of `text` in one converter call per direction.
 * Callers with many small texts prime the cache with all of them joined first.
 */
export function primeScriptCache(text: string): void {
  let pending: string[] | null = null
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!
    if (cp > 0xffff) i++
    if (!isHanCode(cp) || cached(cp)) continue
    ;(pending ??= []).push(String.fromCodePoint(cp))
    remember(cp, NEUTRAL) // placeholder so repeats are not queued twice
  }
  if (!pending) return
  const { s2tChar, t2sChar } = charConverters()
  // A newline never occurs in the character dictionaries, so it keeps the items apart.
  const joined = pending.join('\n')
  const toTrad = s2tChar(joined).split('\n')
  const toSimp = t2sChar(joined).split('\n')
  const aligned = toTrad.length === pending.length && toSimp.length === pending.length
  pending.forEach((ch, k) => {
    const t = aligned ? toTrad[k] : s2tChar(ch)
    const s = aligned ? toSimp[k] : t2sChar(ch)
    const changedByT2S = s !== ch
    const changedByS2T = t !== ch
    const cls: CharClass = changedByT2S && !changedByS2T ? TRADITIONAL : changedByS2T && !changedByT2S ? SIMPLIFIED : NEUTRAL
    remember(ch.codePointAt(0)!, cls)
  })
}

function classOf(cp: number): CharClass {
  if (cp <= 0xffff) return bmp[cp] === 0 ? NEUTRAL : ((bmp[cp] - 1) as CharClass)
  return astral.get(cp) ?? NEUTRAL
}

/** The script a single character belongs to, or null when both scripts write it the same way. */
export function charScript(ch: string): Script | null {
  const cp = ch.codePointAt(0)
  if (cp === undefined || !isHanCode(cp)) return null
  primeScriptCache(ch)
  const c = classOf(cp)
  return c === TRADITIONAL ? 'traditional' : c === SIMPLIFIED ? 'simplified' : null
}

export interface ScriptCount {
  traditional: number
  simplified: number
}

/** Characters of each script, by the per-character rule (no phrase context). */
export function countScript(text: string): ScriptCount {
  primeScriptCache(text)
  const out: ScriptCount = { traditional: 0, simplified: 0 }
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!
    if (cp > 0xffff) i++
    const c = classOf(cp)
    if (c === TRADITIONAL) out.traditional++
    else if (c === SIMPLIFIED) out.simplified++
  }
  return out
}

/** The script a text is written in, or null when it has no character that tells. */
export function detectScript(text: string): Script | null {
  const { traditional, simplified } = countScript(text)
  if (traditional === 0 && simplified === 0) return null
  return traditional > simplified ? 'traditional' : 'simplified'
}

export interface ForeignChar {
  /** UTF-16 offset in the text. */
  index: number
  char: string
}

/**
 * Characters of `text` that belong to the script other than `script`, confirmed in context:
 * the text is carried fully into the other script character by character, then back with the
 * phrase dictionaries; a candidate counts only when that round trip changes it (显著 keeps
 * 著, 著重 does not).
 */
export function foreignChars(text: string, script: Script): ForeignChar[] {
  primeScriptCache(text)
  const wanted: CharClass = script === 'simplified' ? TRADITIONAL : SIMPLIFIED
  const candidates: ForeignChar[] = []
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!
    const wide = cp > 0xffff
    if (classOf(cp) === wanted) candidates.push({ index: i, char: String.fromCodePoint(cp) })
    if (wide) i++
  }
  if (candidates.length === 0) return candidates
  const { s2tChar, t2sChar } = charConverters()
  const roundTrip = (t: string): string => (script === 'simplified' ? t2sPhrase(s2tChar(t)) : s2tPhrase(t2sChar(t)))
  // Conversions keep one code unit per character in practice; when they do not, the
  // per-character verdict stands rather than guessing an alignment.
  const changedIn = (t: string, round: string, at: number, ch: string): boolean =>
    round.length !== t.length || round.slice(at, at + ch.length) !== ch
  if (candidates.length > WHOLE_TEXT_FROM) {
    // Many candidates (a traditional page pasted whole): one conversion of the whole text.
    const round = roundTrip(text)
    return candidates.filter((c) => changedIn(text, round, c.index, c.char))
  }
  // A few candidates in a long paragraph: convert a window around each, wide enough for the
  // dictionaries' phrases (mostly up to four characters), instead of the whole paragraph.
  return candidates.filter((c) => {
    let from = Math.max(0, c.index - CONTEXT)
    let to = Math.min(text.length, c.index + c.char.length + CONTEXT)
    if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--
    if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++
    const window = text.slice(from, to)
    return changedIn(window, roundTrip(window), c.index - from, c.char)
  })
}

/** Characters of context either side of a candidate when its window is converted. */
const CONTEXT = 6
/** From this many candidates on, the whole text is converted once instead of per window. */
const WHOLE_TEXT_FROM = 8

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

import type { HeadingLevel, Section } from './model'

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100+ falls back to Arabic. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`not a positive integer: ${n}`)
  if (n < 10) return DIGITS[n]
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '')
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '')
  return String(n)
}

/** Parses 一…九十九 (and Arabic digits) back to a number; null when it is neither. */
export function parseChineseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s)
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m || s === '') return null
  const [, a, ten, b] = m
  if (!ten) return a && !b ? DIGITS.indexOf(a) : null
  return (a ? DIGITS.indexOf(a) : 1) * 10 + (b ? DIGITS.indexOf(b) : 0)
}

/** The printed marker for the n-th heading of a level: 一、 （一） 1. （1）. */
export function markerFor(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`
    case 2:
      return `（${chineseNumeral(n)}）`
    case 3:
      return `${n}.`
    case 4:
      return `（${n}）`
  }
}

/**
 * Ordinals among siblings: each level counts on its own, so a 1. directly under 一、
 * is 1 even when （一） siblings precede it. This is what makes numbers follow the
 * structure when sections move.
 */
export function siblingOrdinals(siblings: readonly Pick<Section, 'level'>[]): number[] {
  const counters = new Map<HeadingLevel, number>()
  return siblings.map((s) => {
    const n = (counters.get(s.level) ?? 0) + 1
    counters.set(s.level, n)
    return n
  })
}

export interface NumberedSection {
  section: Section
  marker: string
  ordinal: number
  depth: number
  /** Markers from the outermost ancestor down to this section. */
  path: string[]
}

/** Every section in document order with its computed marker. */
export function numberSections(sections: Section[]): NumberedSection[] {
  const out: NumberedSection[] = []
  const visit = (list: Section[], depth: number, path: string[]): void => {
    const ordinals = siblingOrdinals(list)
    list.forEach((s, i) => {
      const marker = markerFor(s.level, ordinals[i])
      const p = [...path, marker]
      out.push({ section: s, marker, ordinal: ordinals[i], depth, path: p })
      visit(s.children, depth + 1, p)
    })
  }
  visit(sections, 1, [])
  return out
}

/** A run-in heading is printed as a sentence: add 。 unless it already ends in terminal punctuation. */
export function runInHeadingSentence(title: string): string {
  return /[。！？!?；;：:]$/.test(title) ? title : `${title}。`
}

/**
 * The tree implied by a flat run of headings, as the editor holds them: a heading's
 * parent is the nearest heading before it with a smaller level. Returns, for each
 * item, its parent's index (-1 for top level).
 */
export function parentsOfFlat(levels: readonly HeadingLevel[]): number[] {
  const stack: number[] = []
  return levels.map((level, i) => {
    while (stack.length && levels[stack[stack.length - 1]] >= level) stack.pop()
    const parent = stack.length ? stack[stack.length - 1] : -1
    stack.push(i)
    return parent
  })
}

/** Markers for a flat run of headings: the same numbers numberSections gives the nested tree. */
export function markersForFlatLevels(levels: readonly HeadingLevel[]): string[] {
  const parents = parentsOfFlat(levels)
  const counters = new Map<number, Map<HeadingLevel, number>>()
  return levels.map((level, i) => {
    const byLevel = counters.get(parents[i]) ?? new Map<HeadingLevel, number>()
    counters.set(parents[i], byLevel)
    const n = (byLevel.get(level) ?? 0) + 1
    byLevel.set(level, n)
    return markerFor(level, n)
  })
}

/** Where a run-in heading's sentence ends: just after the first 。！？ (or the whole text). */
export function runInSplit(text: string): { title: string; rest: string } {
  const m = /[。！？!?]/.exec(text)
  if (!m) return { title: text.trim(), rest: '' }
  const end = m.index
  const title = m[0] === '。' ? text.slice(0, end) : text.slice(0, end + 1)
  return { title: title.trim(), rest: text.slice(end + 1) }
}

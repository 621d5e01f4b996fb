/**
 * numbering-gap: a skipped, repeated or out-of-order number.
 *
 * Sections: the app renumbers from the structure and so never shows a gap; the source marker an
 * import kept (`（二）` followed by `（四）`) is what the author wrote and what this rule reads.
 * Siblings count per level, as numbering does (a `1.` among `（一）`s keeps its own count).
 * Sections without a source marker (added in the app) are passed over.
 *
 * In the text: `一是…二是…四是` runs across a section's paragraphs, and `（1）…（2）…（4）` runs
 * within one paragraph. An item counts only at the start of a clause (after punctuation or at
 * the start), so 之一是 or 统一是 are not items; a run is judged from its 一是/（1） on.
 */
import type { HeadingLevel, Section } from '../../doc/model'
import { chineseNumeral, parseChineseNumeral } from '../../doc/numbering'
import { makeFinding, type CheckContext, type TextUnit } from '../context'
import { markerInStyle, parseSourceMarker } from '../markers'
import type { Rule } from '../rule'
import type { Finding } from '../types'

// The clause-start test is done on the character before a match rather than as a lookbehind,
// which lets the regex engine scan for the numerals directly.
const CLAUSE_START = /[\s，。；：、！？,.;:!?“”"‘’（）()【】]/
const SHI_ITEM = /([一二三四五六七八九十]{1,3})是/g
const PAREN_ITEM = /[（(]([0-9]{1,2})[）)]/g

function missingList(from: number, to: number, show: (n: number) => string): string {
  const missing: string[] = []
  for (let n = from; n < to && missing.length < 3; n++) missing.push(`“${show(n)}”`)
  return missing.join('、') + (to - from > 3 ? '等' : '')
}

function sectionFindings(ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  const headingOf = new Map<string, TextUnit>()
  for (const u of ctx.units) if (u.kind === 'heading' && u.sectionId) headingOf.set(u.sectionId, u)

  const visit = (siblings: Section[]): void => {
    const byLevel = new Map<HeadingLevel, Section[]>()
    for (const s of siblings) {
      const list = byLevel.get(s.level)
      if (list) list.push(s)
      else byLevel.set(s.level, [s])
    }
    for (const group of byLevel.values()) {
      let prev: { ordinal: number; text: string } | null = null
      for (const s of group) {
        const marker = parseSourceMarker(s.sourceMarker)
        const unit = headingOf.get(s.id)
        if (!marker || !unit) continue
        const at = (message: string): void => {
          out.push({ ...makeFinding(unit, 'numbering-gap', message, 0, s.title.length), excerpt: excerptOfHeading(marker.text, s.title) })
        }
        const show = (n: number): string => markerInStyle(marker.style, n)
        if (!prev) {
          if (marker.ordinal !== 1) at(`本级编号从“${marker.text}”开始，缺少${missingList(1, marker.ordinal, show)}`)
        } else if (marker.ordinal === prev.ordinal) {
          at(`编号“${marker.text}”与上一个同级标题重复`)
        } else if (marker.ordinal > prev.ordinal + 1) {
          at(`编号跳号：“${prev.text}”之后是“${marker.text}”，缺少${missingList(prev.ordinal + 1, marker.ordinal, show)}`)
        } else if (marker.ordinal < prev.ordinal) {
          at(`编号顺序错乱：“${prev.text}”之后是“${marker.text}”`)
        }
        prev = { ordinal: marker.ordinal, text: marker.text }
      }
    }
    for (const s of siblings) visit(s.children)
  }
  visit(ctx.report.sections)
  return out
}

function excerptOfHeading(marker: string, title: string): string {
  const s = marker + title
  return s.length > 40 ? s.slice(0, 40) : s
}

interface Item {
  unit: TextUnit
  start: number
  end: number
  n: number
  text: string
}

/** Judges one run of items: each should be the previous plus one; a new 1 starts a new run. */
function judgeRun(items: Item[], name: (n: number) => string, out: Finding[]): void {
  let last: Item | null = null
  for (const item of items) {
    if (item.n !== 1 && last) {
      if (item.n === last.n) {
        out.push(makeFinding(item.unit, 'numbering-gap', `“${item.text}”重复出现`, item.start, item.end))
      } else if (item.n > last.n + 1) {
        out.push(
          makeFinding(item.unit, 'numbering-gap', `“${last.text}”之后是“${item.text}”，缺少${missingList(last.n + 1, item.n, name)}`, item.start, item.end)
        )
      } else if (item.n < last.n) {
        out.push(makeFinding(item.unit, 'numbering-gap', `“${last.text}”之后是“${item.text}”，顺序错乱`, item.start, item.end))
      }
    }
    last = item
  }
}

function itemsIn(unit: TextUnit, re: RegExp, parse: (s: string) => number | null): Item[] {
  const items: Item[] = []
  for (const m of unit.text.matchAll(re)) {
    if (m.index > 0 && !CLAUSE_START.test(unit.text[m.index - 1])) continue
    const n = parse(m[1])
    if (n !== null && n > 0) items.push({ unit, start: m.index, end: m.index + m[0].length, n, text: m[0] })
  }
  return items
}

function inlineFindings(ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  for (const container of ctx.containers) {
    const shi: Item[] = []
    for (const unit of container) {
      if (unit.kind === 'table' || unit.kind === 'report-title' || unit.kind === 'signature') continue
      if (unit.text.includes('是')) shi.push(...itemsIn(unit, SHI_ITEM, parseChineseNumeral))
      if (unit.kind === 'paragraph' && /[（(][0-9]/.test(unit.text)) {
        // Only runs that start at (1) inside this paragraph are judged; a stray (3) is a reference.
        const paren = itemsIn(unit, PAREN_ITEM, Number)
        const first = paren.findIndex((i) => i.n === 1)
        if (first >= 0) judgeRun(paren.slice(first), (n) => `（${n}）`, out)
      }
    }
    const first = shi.findIndex((i) => i.n === 1)
    if (first >= 0) judgeRun(shi.slice(first), (n) => `${chineseNumeral(n)}是`, out)
  }
  return out
}

export const numberingGap: Rule = {
  id: 'numbering-gap',
  run: (ctx) => [...sectionFindings(ctx), ...inlineFindings(ctx)]
}

/**
 * year-mismatch: the year the report says it is about (title, metadata) is not the year its body
 * says it covers — typically a report started from an old one (title 2024, text `2015年上半年`).
 *
 * Bodies name other years for good reasons (比2023年增长, 到2025年, 2019年以来的变化 further
 * down), so only phrases that state the covered period count — `X年上半年`, `X年度`, `X年以来`,
 * `X年工作`, `X年，我局…` — and only near the start of the text, where a summary says what it
 * covers. Comparisons and targets (比/较/与/到/至 X年, X年同期) are skipped.
 */
import { makeFinding, type CheckContext, type TextUnit } from '../context'
import type { Rule } from '../rule'
import type { Finding } from '../types'
import type { Report } from '../../doc/model'

/** How much text from the start of the report is read for the covered period. */
const EARLY_CHARS = 400

const YEAR = /(?<![0-9])((?:19|20)\d{2})(?![0-9])/g
const CN_YEAR = /([〇○零一二三四五六七八九]{4})年/g
const CN_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }

/**
 * A covering phrase: a year followed by a period word (上半年, 年度, 以来, 第三季度), by 工作
 * when it is the report's own work (2023年工作总结/情况, not 巩固2023年工作成果), or a year
 * opening a paragraph with a comma (2006年，我局紧紧围绕…).
 */
const COVERING =
  /(?<![0-9])((?:19|20)\d{2})\s*年(?:度|上半年|下半年|全年|第?[一二三四1-4]季度|[一1]\s*[-—至到~～]\s*\d{1,2}\s*月|以来|来|(?:度)?工作(?=总结|情况|开展|回顾|报告|汇报|进展)|[，,](?=[我全本今在]))/g
/** Words right before the year that make it a comparison, a target or another date. */
const NOT_COVERING_BEFORE = /(?:比|较|与|和|同|到|至|于|对比|相比|超过|低于|高于|截至|截止|自从|从)\s*$/
const NOT_COVERING_AFTER = /^\s*年?(?:同期|同比)/

export function yearsIn(text: string): Set<number> {
  const years = new Set<number>()
  for (const m of text.matchAll(YEAR)) years.add(Number(m[1]))
  for (const m of text.matchAll(CN_YEAR)) years.add(Number([...m[1]].map((c) => CN_DIGIT[c]).join('')))
  return years
}

/** The years a report declares for itself: its title and its period field. */
export function declaredYears(report: Report): Set<number> {
  return new Set([...yearsIn(report.meta.title), ...yearsIn(report.meta.period)])
}

interface Covering {
  unit: TextUnit
  start: number
  end: number
  year: number
}

/** Covering phrases in the first EARLY_CHARS characters of body text (title excluded). */
function earlyCoverings(ctx: CheckContext): Covering[] {
  const out: Covering[] = []
  let seen = 0
  for (const unit of ctx.units) {
    if (unit.kind === 'report-title' || unit.kind === 'table' || unit.kind === 'signature') continue
    if (seen >= EARLY_CHARS) break
    const limit = EARLY_CHARS - seen
    for (const m of unit.text.matchAll(COVERING)) {
      if (m.index >= limit) break
      const before = unit.text.slice(Math.max(0, m.index - 4), m.index)
      if (NOT_COVERING_BEFORE.test(before)) continue
      const yearEnd = m.index + m[1].length
      if (NOT_COVERING_AFTER.test(unit.text.slice(yearEnd, yearEnd + 4))) continue
      // "2019年，我校被评为…" further into a paragraph is history; only an opening year states the period.
      if (/[，,]$/.test(m[0]) && unit.text.slice(0, m.index).trim() !== '') continue
      out.push({ unit, start: m.index, end: m.index + m[0].replace(/[，,]$/, '').length, year: Number(m[1]) })
    }
    seen += unit.text.length
  }
  return out
}

function list(years: Set<number>): string {
  return [...years].sort().map((y) => `${y}年`).join('、')
}

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  run(ctx) {
    const out: Finding[] = []
    const { meta } = ctx.report
    const titleYears = yearsIn(meta.title)
    const periodYears = yearsIn(meta.period)

    // The two metadata fields disagreeing is the same mistake one step earlier.
    if (titleYears.size && periodYears.size && ![...titleYears].some((y) => periodYears.has(y))) {
      const title = ctx.units.find((u) => u.kind === 'report-title')
      if (title) {
        const m = /(?<![0-9])(?:19|20)\d{2}(?![0-9])/.exec(title.text) ?? { index: 0, 0: title.text }
        out.push(
          makeFinding(title, 'year-mismatch', `标题年份（${list(titleYears)}）与报告期间“${meta.period}”的年份不一致`, m.index, m.index + m[0].length)
        )
      }
    }

    const declared = declaredYears(ctx.report)
    if (declared.size) {
      const source = titleYears.size ? `标题为${list(titleYears)}` : `报告期间为${list(periodYears)}`
      for (const c of earlyCoverings(ctx)) {
        if (declared.has(c.year)) continue
        const phrase = c.unit.text.slice(c.start, c.end)
        out.push(makeFinding(c.unit, 'year-mismatch', `${source}，正文却写“${phrase}”，年份不一致`, c.start, c.start + 4))
      }
      return out
    }

    // No year of its own: a report started from the previous one may still carry that one's year.
    const prevYears = ctx.previous ? declaredYears(ctx.previous) : new Set<number>()
    if (prevYears.size) {
      for (const c of earlyCoverings(ctx)) {
        if (!prevYears.has(c.year)) continue
        const phrase = c.unit.text.slice(c.start, c.end)
        out.push(makeFinding(c.unit, 'year-mismatch', `正文“${phrase}”仍是上一份总结（${list(prevYears)}）的年份，请核对`, c.start, c.start + 4))
      }
    }
    return out
  }
}

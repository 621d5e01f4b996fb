/**
 * Report periods and the ways a text names them: 2024年, 2024年度, 2024年上半年, 下半年,
 * 2024年第三季度, 三季度, 2024年10月, 明年上半年. A mention is found with its parts' positions so
 * a carried-forward draft can rewrite just the year or just the half, in the writer's own style.
 */

export type Granularity = 'year' | 'half' | 'quarter' | 'month'

export interface Period {
  year: number
  granularity: Granularity
  /** 1 for a year; 1–2 for a half; 1–4 for a quarter; 1–12 for a month. */
  n: number
}

const COUNT: Record<Granularity, number> = { year: 1, half: 2, quarter: 4, month: 12 }

export function nextPeriod(p: Period): Period {
  return p.n < COUNT[p.granularity] ? { ...p, n: p.n + 1 } : { ...p, year: p.year + 1, n: 1 }
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.granularity === b.granularity && a.n === b.n
}

const CN = '一二三四'

/** The part naming a period within a year, as written. */
export interface SubPart {
  granularity: Exclude<Granularity, 'year'>
  n: number
  text: string
}

export function parseSub(text: string): SubPart | null {
  if (text === '上半年' || text === '下半年') return { granularity: 'half', n: text === '上半年' ? 1 : 2, text }
  let m = /^第?([一二三四1-4])季度$/.exec(text)
  if (m) return { granularity: 'quarter', n: CN.includes(m[1]) ? CN.indexOf(m[1]) + 1 : Number(m[1]), text }
  m = /^(\d{1,2})月份?$/.exec(text)
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { granularity: 'month', n: Number(m[1]), text }
  return null
}

/** The sub-period word for n in the style of `like` (第三季度 / 三季度 / 第3季度; 10月 / 10月份). */
export function renderSub(like: SubPart, n: number): string {
  switch (like.granularity) {
    case 'half':
      return n === 1 ? '上半年' : '下半年'
    case 'quarter': {
      const digit = /[1-4]/.test(like.text)
      return `${like.text.startsWith('第') ? '第' : ''}${digit ? n : CN[n - 1]}季度`
    }
    case 'month':
      return `${n}月${like.text.endsWith('月份') ? '份' : ''}`
  }
}

export interface Mention {
  start: number
  end: number
  /** The explicit year and where its digits are, when written. */
  year?: { value: number; start: number; end: number }
  /** 今年 / 明年 / 本年 / 次年 / 去年 before a sub-period, when written. */
  relative?: { text: string; start: number; end: number }
  sub?: SubPart & { start: number; end: number }
  /** 2024年10月15日: a date, not a period. */
  isDate: boolean
}

const SUB = '上半年|下半年|第?[一二三四1-4]季度|\\d{1,2}月份?'
const MENTION = new RegExp(
  `(?<![0-9])((?:19|20)\\d{2})\\s*年(度)?(${SUB})?|(今年|明年|本年度?|次年|去年)?(?<![0-9.])(${SUB})`,
  'g'
)

/** Every period mention in a text (read the analysis text: simplified, ASCII digits). */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = []
  for (const m of text.matchAll(MENTION)) {
    const start = m.index
    const mention: Mention = { start, end: start + m[0].length, isDate: false }
    let subText: string | undefined
    let subStart = 0
    if (m[1]) {
      mention.year = { value: Number(m[1]), start, end: start + 4 }
      if (m[3]) {
        subText = m[3]
        subStart = mention.end - m[3].length
      }
    } else {
      subText = m[5]
      subStart = mention.end - m[5].length
      if (m[4]) mention.relative = { text: m[4], start, end: start + m[4].length }
    }
    if (subText !== undefined) {
      const sub = parseSub(subText)
      if (!sub) continue
      mention.sub = { ...sub, start: subStart, end: subStart + subText.length }
    }
    // 2024年10月15日, 10月15日: a day after the month makes it a date.
    if (mention.sub?.granularity === 'month' && /^\s*\d{1,2}\s*[日号]/.test(text.slice(mention.end))) mention.isDate = true
    out.push(mention)
  }
  return out
}

/** A report's own period: the most specific one its period field or title names with a year. */
export function reportPeriod(texts: readonly string[]): Period | null {
  let best: Period | null = null
  const rank: Record<Granularity, number> = { year: 0, half: 1, quarter: 2, month: 3 }
  for (const t of texts) {
    for (const m of findMentions(t)) {
      if (!m.year || m.isDate) continue
      const p: Period = m.sub ? { year: m.year.value, granularity: m.sub.granularity, n: m.sub.n } : { year: m.year.value, granularity: 'year', n: 1 }
      if (!best || (p.year === best.year && rank[p.granularity] > rank[best.granularity])) best = p
    }
  }
  return best
}

export function formatPeriod(p: Period): string {
  switch (p.granularity) {
    case 'year':
      return `${p.year}年`
    case 'half':
      return `${p.year}年${p.n === 1 ? '上' : '下'}半年`
    case 'quarter':
      return `${p.year}年第${CN[p.n - 1]}季度`
    case 'month':
      return `${p.year}年${p.n}月`
  }
}

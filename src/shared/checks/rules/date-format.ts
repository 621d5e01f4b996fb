/**
 * date-format: dates not in the 公文 form `2026年1月10日` — `2024-03-12`, `2024.3.12`,
 * `2024/3/12`, zero padding (`2024年03月05日`), and Chinese-numeral dates (`二〇二四年三月十二日`,
 * GB/T 9704 asks for Arabic figures). Each comes with the rewritten date as a fix.
 *
 * Separated forms need a four-digit year of this or the last century, the same separator twice
 * and a real month and day, and must not sit inside a longer run of digits, dots or slashes
 * (versions 1.2.3, IPs, URL paths /2012/09/…).
 */
import { parseChineseNumeral } from '../../doc/numbering'
import { makeFinding } from '../context'
import type { Rule } from '../rule'
import type { Finding } from '../types'

const SEPARATED = /(?<![0-9A-Za-z.．/\-])((?:19|20)\d{2})([-/.．])(\d{1,2})\2(\d{1,2})(?![0-9A-Za-z%/\-]|[.．]\d)([日号])?/g
const PADDED = /(?:(?<![0-9])((?:19|20)\d{2})年)?(?<![0-9])(\d{1,2})月(?:(\d{1,2})日)?/g
const CN_DATE = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?/g

const CN_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }

function valid(month: number, day: number | null): boolean {
  return month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= 31))
}

export function formatDate(year: string | null, month: number, day: number | null): string {
  return `${year ? `${year}年` : ''}${month}月${day !== null ? `${day}日` : ''}`
}

export const dateFormat: Rule = {
  id: 'date-format',
  run(ctx) {
    const out: Finding[] = []
    const report = (unit: (typeof ctx.units)[number], start: number, end: number, right: string): void => {
      const wrong = unit.text.slice(start, end)
      out.push(
        makeFinding(unit, 'date-format', `日期“${wrong}”不合公文写法，应写作“${right}”`, start, end, {
          label: `改为“${right}”`,
          replacement: right
        })
      )
    }
    for (const unit of ctx.units) {
      const text = unit.text
      if (!/[0-9〇○零]/.test(text)) continue
      for (const m of text.matchAll(SEPARATED)) {
        const month = Number(m[3])
        const day = Number(m[4])
        if (!valid(month, day)) continue
        report(unit, m.index, m.index + m[0].length, formatDate(m[1], month, day))
      }
      if (text.includes('月')) {
        for (const m of text.matchAll(PADDED)) {
          const [, year, mm, dd] = m
          if (!mm.startsWith('0') && !(dd && dd.startsWith('0'))) continue
          const month = Number(mm)
          const day = dd ? Number(dd) : null
          if (!valid(month, day)) continue
          report(unit, m.index, m.index + m[0].length, formatDate(year ?? null, month, day))
        }
        for (const m of text.matchAll(CN_DATE)) {
          const year = [...m[1]].map((c) => CN_DIGIT[c]).join('')
          const month = parseChineseNumeral(m[2])
          const day = m[3] ? parseChineseNumeral(m[3]) : null
          if (month === null || (m[3] && day === null) || !valid(month, day)) continue
          report(unit, m.index, m.index + m[0].length, formatDate(year, month, day))
        }
      }
    }
    return out
  }
}

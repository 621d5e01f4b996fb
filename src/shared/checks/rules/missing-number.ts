/**
 * missing-number: a unit that needs a number with none before it, where the author forgot to
 * fill in the figure: `上线率%`, `投资约亿元`, `面积㎡`, `学生万人`.
 *
 * Three kinds of unit, from strict to lenient:
 * - symbols (% ‰ ㎡ …) always follow a number, so any Chinese word before one is a gap;
 * - 万/亿 units (万元, 亿元, 万人…) fuse a numeral and need a coefficient (3万元, 近万人, 上亿元);
 *   idioms built on them (万元户, 万人大会) are let through by what follows;
 * - word units (平方米, 公顷) are also ordinary nouns (按平方米计算), so only a word that
 *   announces a quantity before them (约, 达, 面积, 共计…) counts.
 * A unit after punctuation or at the start (a table header `%`, `单位：万元`) is a label.
 */
import { makeFinding } from '../context'
import type { Rule } from '../rule'
import { charBefore, isHan } from '../text'
import type { Finding } from '../types'

type UnitKind = 'symbol' | 'magnitude' | 'word'

// Longest alternatives first so 万人次 wins over 万人 and 平方公里 over 平方.
// 万户 and 万册 are left out: 千家万户 and 藏书万册 are set phrases far more often than blanks.
const UNIT = /%|％|‰|㎡|㎢|㎞|m²|万平方米|[万亿]元|千万元|万人次|万人|万名|万亩|平方公里|平方米|公顷/g

function kindOf(unit: string): UnitKind {
  if (/^[万亿千]/.test(unit)) return 'magnitude'
  if (/^(平方|公顷)/.test(unit)) return 'word'
  return 'symbol'
}

/** Words that count like a number before a unit: numerals, approximations (数万, 上亿, 近万, 百余万) and 每 (每万人, 每㎡). */
const NUMERAL_LIKE = new Set([...'〇零一二两三四五六七八九十百千万亿几数余多近上逾过破超半每'])
/** Words after which a figure was expected: 约…, 达…, 面积…, 共计…, 占地…, 增加… */
const EXPECTS_NUMBER = new Set([...'约达积计共地加增减至到'])
/** What may follow a counted-people unit in running text (万人次, 万人以上, 万人左右). */
const PEOPLE_FOLLOW = new Set([...'次以左余多的'])
/** Idioms on money units: 万元户, 亿元村, 亿元级. */
const MONEY_IDIOM_FOLLOW = new Set([...'户村级'])

export const missingNumber: Rule = {
  id: 'missing-number',
  run(ctx) {
    const out: Finding[] = []
    for (const unit of ctx.units) {
      const text = unit.text
      for (const m of text.matchAll(UNIT)) {
        const start = m.index
        const end = start + m[0].length
        const prev = charBefore(text, start)
        if (!isHan(prev) || NUMERAL_LIKE.has(prev!)) continue
        const kind = kindOf(m[0])
        const next = text[end]
        if (kind === 'word' && !EXPECTS_NUMBER.has(prev!)) continue
        if (kind === 'magnitude') {
          if (/元$/.test(m[0]) && next && MONEY_IDIOM_FOLLOW.has(next)) continue
          if (/[人名亩]$/.test(m[0]) && isHan(next) && !PEOPLE_FOLLOW.has(next!)) continue
        }
        if (kind === 'word' && isHan(next) && !PEOPLE_FOLLOW.has(next!)) continue
        out.push(makeFinding(unit, 'missing-number', `“${prev}${m[0]}”缺少数字，请补上具体数值`, start, end))
      }
    }
    return out
  }
}

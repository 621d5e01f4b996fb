/**
 * Units a figure can carry, the kind of quantity each stands for, and magnitudes. Only these
 * count: a number followed by anything else (年, 月, 日, 号, 岁, 级, 分钟…) is a date, an
 * ordinal, an age or a code, not a figure of the work done.
 */
import type { FigureKind } from './types'

interface UnitDef {
  kind: FigureKind
  /** The base unit normalized values are given in. */
  base: string
  factor: number
}

const DEFS: Record<string, UnitDef> = {}
const add = (kind: FigureKind, units: string[], base?: string, factor = 1): void => {
  for (const u of units) DEFS[u] = { kind, base: base ?? u, factor }
}
add('rate', ['%', '％', '‰'])
add('rate', ['个百分点', '百分点'], '百分点')
add('money', ['元'])
// 2个亿 (two hundred million yuan, in speech and in reports alike).
add('money', ['个亿元', '个亿'], '元', 1e8)
add('area', ['平方米', '平米', '㎡', 'm²'], '平方米')
add('area', ['平方公里', '平方千米', '㎢'], '平方公里')
add('area', ['亩'])
add('area', ['公顷'])
add('length', ['公里', '千米'], '公里')
add('length', ['米'])
add('weight', ['吨'])
add('weight', ['公斤', '千克'], '公斤')
add('people', ['人次'])
add('people', ['人', '名', '位'], '人')
add('count', ['户'])
add('time', ['小时', '学时', '课时', '天'])
add('multiple', ['倍'])
add('count', [...'所个项次场栋幢间座条件台套篇部册批期届支辆处份起家种门节张块棵株'])
add('count', ['场次'])

export function unitDef(unit: string): UnitDef | undefined {
  return DEFS[unit]
}

/** Longest first, so 平方公里 wins over 平方 and 人次 over 人. */
const UNIT_ALT = Object.keys(DEFS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')

export const MAGNITUDE: Record<string, number> = { 千万: 1e7, 百万: 1e6, 千: 1e3, 万: 1e4, 亿: 1e8 }

/**
 * What follows a number: an approximation (余, 多), a magnitude (万, 亿), the unit, and an
 * approximation after it (左右, 以上). Sticky: matched right where the number ends.
 */
export const AFTER_NUMBER = new RegExp(`\\s?(余|多)?(千万|百万|千|万|亿)?(余|多)?(${UNIT_ALT})(左右|以上|以内|以下|上下)?`, 'y')

/**
 * Words a single-character unit also begins (元旦, 部门, 期间, 所以…): the number before them is
 * not a count of that unit.
 */
const NOT_BEFORE: Record<string, string> = {
  元: '旦',
  部: '门分署队',
  期: '间末中刊',
  台: '阶',
  家: '长庭乡访属',
  处: '理置分',
  起: '来步点草',
  支: '持出付部',
  种: '植子',
  间: '隔断',
  节: '日约能省',
  所: '以有在得属谓',
  位: '置于',
  户: '口籍',
  门: '口户槛',
  条: '件例',
  件: '事',
  名: '义称单'
}

export function unitFitsBefore(unit: string, next: string | undefined): boolean {
  const bad = NOT_BEFORE[unit]
  return !(bad && next && bad.includes(next))
}

/** A label for a figure whose context names nothing: 人数, 金额… */
export const KIND_LABEL: Record<FigureKind, string> = {
  rate: '比例',
  money: '金额',
  people: '人数',
  count: '数量',
  area: '面积',
  length: '长度',
  weight: '重量',
  time: '时长',
  multiple: '倍数'
}

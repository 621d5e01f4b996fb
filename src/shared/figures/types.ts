import type { Anchor } from '../checks/types'

/** What a figure counts, from its unit. */
export type FigureKind = 'rate' | 'money' | 'people' | 'count' | 'area' | 'length' | 'weight' | 'time' | 'multiple'

export interface Figure {
  /** What it measures: the noun phrase before the number (入园率, “育才兴教”总资助金额), or one built from the clause (招生数). */
  measure: string
  /** The number as written (6267.4 for 6267.4万元); the lower bound of a range (4-5名). */
  value: number
  /** The upper bound of a range, when the figure is one. */
  upper?: number
  /** The figure as written, number to unit: 6267.4万元, 700余名, 93%. */
  text: string
  /** The unit as written after the number, magnitude included: %, 万元, 亿元, 人, 所, 平方米, 个. */
  unit: string
  kind: FigureKind
  /** In base units: 6267.4万元 → 62674000 元, 3.3万平方米 → 33000 平方米. */
  normalized: { value: number; unit: string }
  /** 近, 约, 余, 多, 左右, 以上: not an exact count. */
  approx: boolean
  /** A change against another period (比去年增长4.8%, 增加了29人), not a level. */
  isComparison: boolean
  change?: 'increase' | 'decrease'
  /** What it is compared with, as written (去年, 2019年). */
  comparedWith?: string
  anchor: Anchor
  /** Section path as the checks give it: ["二、主要做法", "（一）加强领导"]; [] outside the sections. */
  path: string[]
}

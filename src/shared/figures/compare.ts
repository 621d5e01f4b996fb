/**
 * compareFigures: each figure of this period next to the same measure last period. Measures are
 * matched by their folded key (simplified, no quotes or 全县/我局 prefixes): the same key first,
 * then one key containing the other, always with the same base unit and the same nature (a change
 * 比去年增长4.8% never pairs with a level 93%). Each previous figure is used once, nearest in the
 * document first, so repeated measures pair in order.
 */
import { measureKey } from './fold'
import type { Figure } from './types'
import { KIND_LABEL } from './units'

export interface FigureComparison {
  current: Figure
  /** The matching figure of the previous period, or null when none matches. */
  previous: Figure | null
  /** current − previous in normalized units (percentage points for rates), and relative to previous in %. */
  change: { absolute: number; percent: number | null } | null
  /**
   * The value is exactly last period's. In a draft carried forward from that report it means the
   * number was never updated.
   */
  sameAsPrevious: boolean
}

const LABELS = new Set(Object.values(KIND_LABEL))

interface Entry {
  fig: Figure
  key: string
  /** Position in its document, 0…1, to prefer the counterpart at the same place. */
  pos: number
  used: boolean
}

const entries = (figs: Figure[]): Entry[] =>
  figs.map((fig, i) => ({ fig, key: measureKey(fig.measure), pos: figs.length > 1 ? i / (figs.length - 1) : 0, used: false }))

const compatible = (a: Entry, b: Entry): boolean =>
  a.fig.normalized.unit === b.fig.normalized.unit && a.fig.isComparison === b.fig.isComparison && a.fig.change === b.fig.change

/** A bare label (人数, 金额) says nothing by itself: it only pairs with the same label in the same section. */
function sameMeasure(a: Entry, b: Entry, loose: boolean): boolean {
  if (LABELS.has(a.key) || LABELS.has(b.key)) return a.key === b.key && a.fig.path.join('>') === b.fig.path.join('>')
  if (a.key === b.key) return true
  if (!loose || a.key.length < 2 || b.key.length < 2) return false
  return a.key.includes(b.key) || b.key.includes(a.key)
}

export function compareFigures(current: Figure[], previous: Figure[]): FigureComparison[] {
  const cur = entries(current)
  const prev = entries(previous)
  const match = new Map<Entry, Entry>()
  for (const loose of [false, true]) {
    for (const c of cur) {
      if (match.has(c)) continue
      let best: Entry | null = null
      for (const p of prev) {
        if (p.used || !compatible(c, p) || !sameMeasure(c, p, loose)) continue
        if (!best || Math.abs(p.pos - c.pos) < Math.abs(best.pos - c.pos)) best = p
      }
      if (best) {
        best.used = true
        match.set(c, best)
      }
    }
  }
  return cur.map((c) => {
    const p = match.get(c)?.fig ?? null
    if (!p) return { current: c.fig, previous: null, change: null, sameAsPrevious: false }
    const absolute = round(c.fig.normalized.value - p.normalized.value)
    const percent = p.normalized.value !== 0 ? round((absolute / p.normalized.value) * 100) : null
    return { current: c.fig, previous: p, change: { absolute, percent }, sameAsPrevious: absolute === 0 }
  })
}

function round(n: number): number {
  return Number(n.toPrecision(12))
}

/**
 * The change as the clerk writes the figure: in its own unit, magnitude included (6267.4万元 →
 * 7120.8万元 is +853.4万元, not +8,534,000元); rates in percentage points. Null when unchanged or unmatched.
 */
export function changeInOwnUnit(c: FigureComparison): { value: number; unit: string; percent: number | null } | null {
  if (!c.change || c.change.absolute === 0) return null
  const { current } = c
  if (current.kind === 'rate') return { value: c.change.absolute, unit: '个百分点', percent: null }
  // The factor from the figure's own unit to its base unit (万元 → 元: 10000), from the figure itself.
  const factor = current.value !== 0 ? current.normalized.value / current.value : c.previous && c.previous.value !== 0 ? c.previous.normalized.value / c.previous.value : 1
  const ownUnit = current.value !== 0 ? current.unit : (c.previous?.unit ?? current.normalized.unit)
  return { value: round(c.change.absolute / factor), unit: ownUnit, percent: c.change.percent }
}

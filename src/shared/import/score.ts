import type { OutlineJson } from './outline-json'

/**
 * The corpus scorer (shared/tools/outline_score.py) in TypeScript, so the project's
 * tests and benchmarks measure outlines exactly as the reference script does: F1 of the
 * heading sequence by LCS on (depth, kind, ordinal, first 6 normalized title characters),
 * report count and titles, noise leaked into the text, text lost.
 */

export type MarkerKind = 'cn' | 'cn-paren' | 'num' | 'num-paren'

export interface GoldHeading {
  depth: number
  kind: MarkerKind
  ordinal: number
  title: string
}

export interface GoldOutline {
  source: string
  reports: { title: string; headings: GoldHeading[] }[]
  optional_headings?: { kind: MarkerKind; ordinal: number; title: string }[]
  min_reports?: number
  must_remove: string[]
  must_keep: string[]
}

export interface OutlineScore {
  f1: number
  common: number
  gold: number
  found: number
  reports: number
  goldReports: number
  titlesFound: number
  leaks: string[]
  lost: string[]
  ok: boolean
}

const CN = '一二三四五六七八九十'

export function parseScoreMarker(marker: string): { kind: MarkerKind | null; ordinal: number | null } {
  const m = (marker || '').trim().replace(/．/g, '.')
  const digits = m.replace(/[^一二三四五六七八九十0-9]/g, '')
  if (!digits) return { kind: null, ordinal: null }
  const paren = /[（(]/.test(m)
  if (/^[0-9]+$/.test(digits)) return { kind: paren ? 'num-paren' : 'num', ordinal: Number(digits) }
  const val = (c: string): number => CN.indexOf(c) + 1
  let n: number
  if (digits === '十') n = 10
  else if (digits.startsWith('十')) n = 10 + val(digits[1])
  else if (digits.length === 2 && digits[1] === '十') n = val(digits[0]) * 10
  else if (digits.length === 3) n = val(digits[0]) * 10 + val(digits[2])
  else n = val(digits[0])
  return { kind: paren ? 'cn-paren' : 'cn', ordinal: n }
}

export function normTitle(t: string): string {
  return [...(t || '').replace(/[\s，,、。：:“”"《》()（）—-]/g, '')].slice(0, 6).join('')
}

function lcs(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    const cur = [0]
    b.forEach((y, j) => cur.push(x === y ? prev[j] + 1 : Math.max(prev[j + 1], cur[j])))
    prev = cur
  }
  return prev[b.length]
}

const key = (depth: number, kind: string | null, ordinal: number | null, title: string): string =>
  JSON.stringify([depth, kind, ordinal, normTitle(title)])

export function scoreOutline(gold: GoldOutline, pred: OutlineJson): OutlineScore {
  const g = gold.reports.flatMap((r) => r.headings.map((h) => key(h.depth, h.kind, h.ordinal, h.title)))
  const optional = new Set((gold.optional_headings ?? []).map((h) => JSON.stringify([h.kind, h.ordinal, normTitle(h.title)])))
  const p: string[] = []
  for (const r of pred.reports) {
    for (const h of r.headings) {
      const { kind, ordinal } = parseScoreMarker(h.source_marker || h.marker)
      if (optional.has(JSON.stringify([kind, ordinal, normTitle(h.title)]))) continue
      p.push(key(h.depth, kind, ordinal, h.title))
    }
  }
  const common = lcs(g, p)
  const f1 = g.length || p.length ? (2 * common) / (g.length + p.length) : 1
  const predTitles = pred.reports.map((r) => normTitle(r.title))
  const titlesFound = gold.reports.filter((r) => predTitles.includes(normTitle(r.title))).length
  const countOk = gold.min_reports ? pred.reports.length >= gold.min_reports : pred.reports.length === gold.reports.length
  const body = pred.reports.map((r) => r.text).join('\n')
  const leaks = gold.must_remove.filter((s) => body.includes(s))
  const lost = gold.must_keep.filter((s) => !body.includes(s))
  return {
    f1,
    common,
    gold: g.length,
    found: p.length,
    reports: pred.reports.length,
    goldReports: gold.reports.length,
    titlesFound,
    leaks,
    lost,
    ok: f1 >= 0.95 && countOk && titlesFound === gold.reports.length && !leaks.length && !lost.length
  }
}

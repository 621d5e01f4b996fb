/**
 * extractFigures: every figure of a report (入园率93%, 6267.4万元, 700余名, 3.3万平方米, 比去年增长4.8%)
 * with what it measures and where it is, so a carried-forward draft can show which numbers still
 * need this period's values and two periods can be compared.
 *
 * A figure is a number followed by a unit from units.ts. That single rule keeps out years
 * (2024年), dates (7月4日), ages, codes ([2011]44号), list markers (1、 (2)) and bare numbers;
 * numbers after 第 are ordinals. Chinese-numeral counts (两项, 五所) are left out on purpose:
 * in 公文 they are mostly set phrases (一岗双责, 三级联动, 四大工程), and figures that are data
 * are written in Arabic numerals (GB/T 15835).
 */
import { buildContext } from '../checks/context'
import type { Anchor } from '../checks/types'
import type { Report } from '../doc/model'
import { analysisText } from './fold'
import { measureOf } from './measure'
import type { Figure } from './types'
import { AFTER_NUMBER, MAGNITUDE, unitDef, unitFitsBefore } from './units'

/** A number not glued to Latin letters, a path, a time or another number; optionally a range (4-5名). */
const NUMBER = /(?<![0-9A-Za-z._\-—–~～/:：#@])(\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)(?:\s*[-—–~～]\s*(\d+(?:\.\d+)?)|[至到](\d+(?:\.\d+)?))?/g
const APPROX_BEFORE = /(?:近|约|逾|超|将近|接近|大约|超过|不足|不到)$/

export function extractFigures(report: Report): Figure[] {
  const out: Figure[] = []
  for (const unit of buildContext(report).units) {
    // The signature's date is not a figure of the report.
    if (unit.kind === 'signature') continue
    const base = { sectionId: unit.sectionId, part: unit.part }
    let table: TableInfo | undefined
    if (unit.kind === 'table' && typeof unit.part === 'number') {
      const block = unit.section ? unit.section.blocks[unit.part] : report.preamble[unit.part]
      table = { header: block?.type === 'table' && !!block.header }
    }
    out.push(...figuresInText(unit.text, base, unit.path, table))
  }
  return out
}

/** The figures of one text (a title, a paragraph, a table's text); anchors get `base`'s place. */
/** A table's text is its cells joined by tabs and its rows by newlines (blockText). */
export interface TableInfo {
  header: boolean
}

export function figuresInText(text: string, base: Omit<Anchor, 'start' | 'end'> = { sectionId: null, part: 0 }, path: string[] = [], table?: TableInfo): Figure[] {
  if (!/[0-9０-９]/.test(text)) return []
  const a = analysisText(text)
  const out: Figure[] = []
  let floor = 0
  let afterFigure = false
  let sentenceStart = 0
  let previous: Figure | null = null
  for (const m of a.matchAll(NUMBER)) {
    const start = m.index
    if (/第\s*$/.test(a.slice(Math.max(0, start - 2), start))) continue
    AFTER_NUMBER.lastIndex = start + m[0].length
    const post = AFTER_NUMBER.exec(a)
    if (!post) continue
    const [whole, mid1 = '', magnitude = '', mid2 = '', unitText, after = ''] = post
    const def = unitDef(unitText)!
    const magStart = post.index + (/^\s/.test(whole) ? 1 : 0) + mid1.length
    const unitStart = magStart + magnitude.length + mid2.length
    const unitEnd = unitStart + unitText.length
    if (!magnitude && !unitFitsBefore(unitText, a[unitEnd])) continue
    // A table cell is its own clause; a paragraph's sentence ends at 。！？.
    const sentenceEnd = Math.max(a.lastIndexOf('。', start), a.lastIndexOf('！', start), a.lastIndexOf('？', start), table ? a.lastIndexOf('\n', start) : -1)
    if (sentenceEnd >= sentenceStart) {
      sentenceStart = sentenceEnd + 1
      previous = null
    }
    const value = Number(m[1].replace(/,/g, ''))
    const upperText = m[2] ?? m[3]
    const factor = (magnitude ? MAGNITUDE[magnitude] : 1) * def.factor
    // The unit as the document writes it (個, not 个), without an approximation inside it (1.2万余人 → 万人).
    const unit = text.slice(magStart, magStart + magnitude.length) + text.slice(unitStart, unitEnd)
    const res = measureOf({ a, o: text, start, end: unitEnd, floor, afterFigure, kind: def.kind, unit, previous: previous?.measure ?? null })
    const fig: Figure = {
      measure: table ? (rowMeasure(text, start, table) ?? res.measure) : res.measure,
      value,
      text: text.slice(start, unitEnd),
      unit,
      kind: def.kind,
      normalized: { value: round(value * factor), unit: def.base },
      approx: !!(mid1 || mid2 || after) || APPROX_BEFORE.test(a.slice(Math.max(0, start - 2), start)),
      isComparison: res.isComparison,
      anchor: { ...base, start, end: unitEnd },
      path
    }
    if (upperText !== undefined) fig.upper = Number(upperText)
    if (res.change) fig.change = res.change
    if (res.comparedWith) fig.comparedWith = res.comparedWith
    if (def.kind === 'multiple' || fig.unit.endsWith('百分点')) fig.isComparison = true
    out.push(fig)
    previous = fig
    floor = Math.max(res.consumedTo, post.index + whole.length)
    afterFigure = res.consumedTo <= post.index + whole.length
  }
  return out
}

/** Products like 6267.4 × 10⁴ in floating point (62674000.000000004) rounded back to what was written. */
function round(n: number): number {
  return Number(n.toPrecision(12))
}

/**
 * A figure alone in a table cell measures what its row is about (入园率 | 93%), with the column
 * header when there is one (学生数（初中）). A header naming a period (2024年) is left out: the
 * same row of two years' tables measures the same thing.
 */
function rowMeasure(text: string, start: number, table: TableInfo): string | null {
  const cellStart = Math.max(text.lastIndexOf('\t', start - 1), text.lastIndexOf('\n', start - 1)) + 1
  if (text.slice(cellStart, start).trim() !== '') return null
  const rowStart = text.lastIndexOf('\n', start - 1) + 1
  const col = text.slice(rowStart, start).split('\t').length - 1
  if (col === 0) return null
  const rows = text.split('\n')
  const rowIndex = text.slice(0, rowStart).split('\n').length - 1
  const label = rows[rowIndex].split('\t')[0].trim()
  if (!label) return null
  const head = table.header && rowIndex > 0 ? (rows[0].split('\t')[col] ?? '').trim() : ''
  return head && !/(?:19|20)\d{2}\s*年|半年|季度|\d{1,2}月/.test(head) ? `${label}（${head}）` : label
}

/**
 * carryForward: next period's draft from this period's report. The structure and the text stay;
 * the period moves one step at the report's own granularity (2024年 → 2025年; 上半年 → 下半年 →
 * next year's 上半年; 第三季度 → 第四季度 → next year's 第一季度; 12月 → next year's 1月), and so
 * does the period after it, which the plan part names (2025年工作打算 → 2026年工作打算,
 * 下半年工作计划 → 2025年上半年工作计划).
 *
 * Where the move happens:
 * - the title and the period field: every mention of the period or the next one;
 * - headings and attachment names: the same, except comparisons (与上半年相比);
 * - body text: mentions of a sub-period (上半年, 第三季度) except comparisons and targets, and
 *   a bare year only where it states the period covered — 2024年以来, 2024年度, 2024年全年,
 *   2024年工作…, 截至2024年底, or 2024年， / 2024年是 opening a sentence. 比2023年增长,
 *   到2025年 and dated events (2024年3月12日) stay, and the old year's remaining mentions are
 *   returned for review.
 * Tables stay as they are: their columns are data the clerk re-enters.
 * The signature date becomes today's date (a draft is dated when it is written; the clerk
 * adjusts it on handing in), and every figure is returned as "to be updated".
 */
import type { Anchor } from '../checks/types'
import { blockText, type Block, type ParagraphBlock, type Report, type Section, type TextRun } from '../doc/model'
import { extractFigures } from '../figures/extract'
import { analysisText } from '../figures/fold'
import { formatChineseDate } from '../templates/date'
import { findMentions, formatPeriod, nextPeriod, renderSub, reportPeriod, samePeriod, type Mention, type Period } from './period'

export interface CarryOptions {
  /** Today, for the signature date. */
  now?: Date
}

export interface CarryResult {
  report: Report
  /** Every figure of the draft: still last period's values until the clerk updates them. */
  figureAnchors: Anchor[]
  /** Mentions of the old period's year that were left as they were (dates, events): worth a look. */
  reviewAnchors: Anchor[]
  /** The period carried from and to; null when the report names no period with a year. */
  from: Period | null
  to: Period | null
}

type Mode = 'title' | 'heading' | 'body'

interface Edit {
  start: number
  end: number
  text: string
}

interface Rewrite {
  edits: Edit[]
  /** Old-year mentions kept, in the rewritten text's offsets. */
  review: { start: number; end: number }[]
}

interface Shift {
  from: Period
  next: Period
  to: Period
  toNext: Period
}

export function carryForward(report: Report, opts: CarryOptions = {}): CarryResult {
  const now = opts.now ?? new Date()
  const from = reportPeriod([report.meta.period, report.meta.title])
  const shift: Shift | null = from ? { from, next: nextPeriod(from), to: nextPeriod(from), toNext: nextPeriod(nextPeriod(from)) } : null
  const reviewAnchors: Anchor[] = []

  const rewriteString = (text: string, mode: Mode, base?: Omit<Anchor, 'start' | 'end'>): string => {
    if (!shift || !text) return text
    const r = rewrite(text, mode, shift)
    if (base) for (const s of r.review) reviewAnchors.push({ ...base, ...s })
    return applyEdits(text, r.edits)
  }
  const rewriteBlocks = (blocks: Block[], sectionId: string | null): Block[] =>
    blocks.map((b, i) => {
      if (b.type !== 'paragraph' || !shift) return b
      const r = rewrite(blockText(b), 'body', shift)
      for (const s of r.review) reviewAnchors.push({ sectionId, part: i, ...s })
      return r.edits.length ? editRuns(b, r.edits) : b
    })
  const carrySection = (s: Section): Section => ({
    ...s,
    title: rewriteString(s.title, 'heading', { sectionId: s.id, part: 'title' }),
    blocks: rewriteBlocks(s.blocks, s.id),
    children: s.children.map(carrySection)
  })

  const date = formatChineseDate(now)
  const meta = {
    ...report.meta,
    title: rewriteString(report.meta.title, 'title', { sectionId: null, part: 'title' }),
    period: shift ? (report.meta.period ? rewriteString(report.meta.period, 'title') : formatPeriod(shift.to)) : report.meta.period,
    date
  }
  const draft: Report = {
    meta,
    preamble: rewriteBlocks(report.preamble, null),
    sections: report.sections.map(carrySection),
    attachments: report.attachments.map((a) => rewriteString(a, 'heading')),
    signature: report.signature ? { ...report.signature, date: report.signature.date || report.signature.unit ? date : '' } : null
  }
  return {
    report: draft,
    figureAnchors: extractFigures(draft).map((f) => f.anchor),
    reviewAnchors,
    from: shift?.from ?? null,
    to: shift?.to ?? null
  }
}

/** Words before a year that make it a comparison, a target or another date. */
const NOT_BEFORE = /(?:比|较|与|和|同|到|至|于|对比|相比|超过|低于|高于|自从|自|从|截至|截止)\s*$/
/** …except a start or end of the period itself: 自2024年以来, 截至2024年底. */
const PERIOD_EDGE = /^(?:以来|底|末)/
const NOT_AFTER = /^\s*(?:同期|同比)/
/** What after a bare year says it is the period covered. */
const COVERING_AFTER = /^(?:以来|来|全年|底|末|工作(?:总结|情况|开展|回顾|报告|汇报|进展|打算|计划|思路|要点|安排|目标|任务))/

function excluded(a: string, m: Mention): boolean {
  const before = a.slice(Math.max(0, m.start - 4), m.start)
  const after = a.slice(m.end, m.end + 4)
  if (NOT_AFTER.test(after)) return true
  const word = NOT_BEFORE.exec(before)
  if (!word) return false
  return !(/自|从|截至|截止/.test(word[0]) && PERIOD_EDGE.test(after))
}

function covering(a: string, m: Mention): boolean {
  if (a[m.end - 1] === '度') return true
  const after = a.slice(m.end)
  if (COVERING_AFTER.test(after)) return true
  // 2024年，我局… / 2024年是…: a sentence opening with the year is about that year.
  return /^\s*[，,是]/.test(after) && /(?:^|[。！？；：\n])\s*$/.test(a.slice(0, m.start))
}

function relativeYear(word: string, base: number): number {
  if (word === '明年' || word === '次年') return base + 1
  if (word === '去年') return base - 1
  return base
}

function rewrite(text: string, mode: Mode, shift: Shift): Rewrite {
  const a = analysisText(text)
  const edits: Edit[] = []
  const keep: { start: number; end: number }[] = []
  const { from, next, to, toNext } = shift
  const oldYear = (m: Mention): void => {
    if (m.year && m.year.value === from.year) keep.push({ start: m.year.start, end: m.year.end + 1 })
  }
  for (const m of findMentions(a)) {
    if (m.isDate) {
      oldYear(m)
      continue
    }
    if (m.sub) {
      const year = m.year?.value ?? (m.relative ? relativeYear(m.relative.text, from.year) : from.year)
      const denoted: Period = { year, granularity: m.sub.granularity, n: m.sub.n }
      const target = denoted.granularity !== from.granularity ? null : samePeriod(denoted, from) ? to : samePeriod(denoted, next) ? toNext : null
      if (!target || (mode !== 'title' && excluded(a, m))) {
        oldYear(m)
        continue
      }
      const sub = renderSub(m.sub, target.n)
      if (m.year) {
        if (target.year !== m.year.value) edits.push({ start: m.year.start, end: m.year.end, text: String(target.year) })
        if (sub !== m.sub.text) edits.push({ start: m.sub.start, end: m.sub.end, text: sub })
      } else if (m.relative) {
        const word = target.year === to.year ? (m.relative.text.startsWith('本年') ? m.relative.text : '今年') : target.year === to.year + 1 ? '明年' : `${target.year}年`
        edits.push({ start: m.relative.start, end: m.sub.end, text: word + sub })
      } else {
        // A bare 下半年 that now lies in another year than the draft's own gets its year written out.
        edits.push({ start: m.sub.start, end: m.sub.end, text: (target.year === to.year ? '' : `${target.year}年`) + sub })
      }
      continue
    }
    if (!m.year) continue
    const y = m.year.value
    const newYear = y === from.year ? to.year : y === next.year ? toNext.year : y
    if (newYear === y) continue
    const moves = mode === 'title' || (!excluded(a, m) && (mode === 'heading' || covering(a, m)))
    if (moves) edits.push({ start: m.year.start, end: m.year.end, text: String(newYear) })
    else oldYear(m)
  }
  const sorted = edits.filter((e) => text.slice(e.start, e.end) !== e.text).sort((x, y) => x.start - y.start)
  return { edits: sorted, review: keep.map((k) => shiftRange(k, sorted)) }
}

/** A range of the original text in the edited text's offsets (ranges never overlap an edit). */
function shiftRange(r: { start: number; end: number }, edits: Edit[]): { start: number; end: number } {
  let delta = 0
  for (const e of edits) if (e.end <= r.start) delta += e.text.length - (e.end - e.start)
  return { start: r.start + delta, end: r.end + delta }
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = ''
  let at = 0
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text
    at = e.end
  }
  return out + text.slice(at)
}

/**
 * Edits on a paragraph's joined text, applied to its runs so formatting stays where it was. An
 * edit that spans runs goes into the run where it starts.
 */
function editRuns(block: ParagraphBlock, edits: Edit[]): ParagraphBlock {
  const runs: TextRun[] = []
  let offset = 0
  for (const run of block.runs) {
    const start = offset
    const end = offset + run.text.length
    offset = end
    let text = ''
    let at = start
    for (const e of edits) {
      if (e.end <= start || e.start >= end) continue
      if (e.start >= start) {
        text += run.text.slice(at - start, e.start - start) + e.text
        at = Math.min(e.end, end)
      } else {
        // Started in an earlier run: drop this run's share of the replaced text.
        at = Math.max(at, Math.min(e.end, end))
      }
    }
    text += run.text.slice(at - start)
    runs.push({ ...run, text })
  }
  return { ...block, runs: runs.filter((r, i) => r.text !== '' || block.runs[i].text === '') }
}

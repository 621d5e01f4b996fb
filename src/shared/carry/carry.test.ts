import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anchorText, runChecks } from '../checks'
import { blockText, emptyReport, paragraph, section, type Report } from '../doc/model'
import { reportLines } from '../doc/stats'
import { extractFigures } from '../figures'
import { importText } from '../import'
import { corpusPath, haveCorpus } from '../../main/services/testing/corpus'
import { fillTemplate, getBuiltInTemplate, guidanceAnchors, stripGuidance } from '../templates'
import { carryForward } from './carry'
import { findMentions, formatPeriod, nextPeriod, reportPeriod } from './period'

const NOW = new Date(2025, 11, 28)

function report(title: string, period: string, kind: Report['meta']['kind'], sections: [string, string[]][], preamble: string[] = []): Report {
  const r = emptyReport({ title, period, kind, unit: '某某县教育局', date: '2024年12月30日' })
  r.preamble = preamble.map(paragraph)
  r.sections = sections.map(([t, ps]) => section(1, t, ps.map(paragraph)))
  r.signature = { unit: '某某县教育局', date: '2024年12月30日' }
  return r
}

const headings = (r: Report): string[] => r.sections.map((s) => s.title)
const body = (r: Report): string[] => [...r.preamble, ...r.sections.flatMap((s) => s.blocks)].map(blockText)

describe('carryForward: annual', () => {
  const source = report(
    '某某县教育局2024年工作总结',
    '2024年',
    'annual',
    [
      ['2024年主要工作', ['2024年，全县幼儿入园率93%，比2023年提高2个百分点。', '与2024年同期相比，招生增加。2024年3月12日召开了全县教育大会。']],
      ['存在的问题', ['到2025年，全市将形成121所小学的办学格局。']],
      ['2025年工作打算', ['2025年，我们将继续努力。']]
    ],
    ['2024年以来，我局紧紧围绕中心工作，截至2024年底全县共有学校348所。现将2024年工作情况总结如下：']
  )
  const { report: draft, figureAnchors, reviewAnchors, from, to } = carryForward(source, { now: NOW })

  it('moves the title, the period, the headings and the plan year', () => {
    expect(draft.meta.title).toBe('某某县教育局2025年工作总结')
    expect(draft.meta.period).toBe('2025年')
    expect(headings(draft)).toEqual(['2025年主要工作', '存在的问题', '2026年工作打算'])
    expect([from, to].map((p) => p && formatPeriod(p))).toEqual(['2024年', '2025年'])
  })

  it('moves body years that state the period, not comparisons, targets or dated events', () => {
    expect(body(draft)).toEqual([
      '2025年以来，我局紧紧围绕中心工作，截至2025年底全县共有学校348所。现将2025年工作情况总结如下：',
      '2025年，全县幼儿入园率93%，比2023年提高2个百分点。',
      '与2024年同期相比，招生增加。2024年3月12日召开了全县教育大会。',
      '到2025年，全市将形成121所小学的办学格局。',
      '2026年，我们将继续努力。'
    ])
    // The old year left in place is pointed at.
    const review = reviewAnchors.map((a) => anchorText(draft, a)!.slice(a.start, a.end))
    expect(review).toEqual(['2024年', '2024年'])
    // Nothing still names the old year as the period covered. (The rule does flag the plan's
    // 2026年，我们将… in so short a report, as it flags 2025年，… in the source.)
    const mismatches = runChecks(draft, { rules: ['year-mismatch'] })
    expect(mismatches.filter((f) => f.message.includes('2024'))).toEqual([])
    expect(mismatches.length).toBe(runChecks(source, { rules: ['year-mismatch'] }).length)
  })

  it('dates the signature today and returns every figure to update', () => {
    expect(draft.signature).toEqual({ unit: '某某县教育局', date: '2025年12月28日' })
    expect(draft.meta.date).toBe('2025年12月28日')
    expect(figureAnchors.map((a) => anchorText(draft, a)!.slice(a.start, a.end))).toEqual(['93%', '2个百分点', '121所', '348所'].sort((x, y) => order(x) - order(y)))
    expect(figureAnchors).toEqual(extractFigures(draft).map((f) => f.anchor))
  })

  it('keeps structure, ids and the source untouched', () => {
    expect(draft.sections.map((s) => s.id)).toEqual(source.sections.map((s) => s.id))
    expect(source.meta.title).toBe('某某县教育局2024年工作总结')
    expect(blockText(source.preamble[0])).toMatch(/^2024年以来/)
  })
})

/** Document order of the figures in the annual fixture. */
function order(text: string): number {
  return ['348所', '93%', '2个百分点', '121所'].indexOf(text)
}

describe('carryForward: half-year', () => {
  const source = report(
    '某某县教育局2024年上半年工作总结及下半年工作计划',
    '2024年上半年',
    'half-year',
    [
      ['上半年工作开展情况', ['上半年，全县完成招生7052人，与去年上半年相比有所增加。']],
      ['存在的主要问题', ['今年上半年进度偏慢。']],
      ['下半年工作计划', ['下半年，我们将重点抓好校舍建设。']]
    ],
    ['2024年以来，我局认真落实年度工作要点。']
  )

  it('moves 上半年 to 下半年 and the plan to next year’s 上半年', () => {
    const { report: draft } = carryForward(source, { now: NOW })
    expect(draft.meta.title).toBe('某某县教育局2024年下半年工作总结及2025年上半年工作计划')
    expect(draft.meta.period).toBe('2024年下半年')
    expect(headings(draft)).toEqual(['下半年工作开展情况', '存在的主要问题', '2025年上半年工作计划'])
    expect(body(draft)).toEqual([
      '2024年以来，我局认真落实年度工作要点。',
      '下半年，全县完成招生7052人，与去年上半年相比有所增加。',
      '今年下半年进度偏慢。',
      '2025年上半年，我们将重点抓好校舍建设。'
    ])
  })

  it('moves 下半年 to next year’s 上半年, including the year of the period covered', () => {
    const once = carryForward(source, { now: NOW }).report
    const twice = carryForward(once, { now: NOW }).report
    expect(twice.meta.title).toBe('某某县教育局2025年上半年工作总结及2025年下半年工作计划')
    expect(twice.meta.period).toBe('2025年上半年')
    // The plan heading got its year written out on the first step and keeps it.
    expect(headings(twice)).toEqual(['上半年工作开展情况', '存在的主要问题', '2025年下半年工作计划'])
    expect(body(twice)[0]).toBe('2025年以来，我局认真落实年度工作要点。')
    expect(body(twice)[2]).toBe('今年上半年进度偏慢。')
  })

  it('starts the next cycle from the built-in template the same way', () => {
    const filled = fillTemplate(getBuiltInTemplate('half-year')!, { unit: '某某县教育局', year: 2025, date: '2025年7月3日' })
    const draft = carryForward(filled, { now: NOW }).report
    expect(draft.meta.title).toBe('某某县教育局2025年下半年工作总结及2026年上半年工作计划')
    expect(draft.sections.map((s) => s.title)).toEqual(['下半年工作开展情况', '存在的主要问题', '2026年上半年工作计划'])
    // Nothing but its prompts, still to be written over, is flagged: no year left behind, no blank.
    expect(runChecks(draft).map((f) => [f.rule, f.anchor])).toEqual(guidanceAnchors(draft).map((a) => ['placeholder', a]))
    expect(runChecks(stripGuidance(draft))).toEqual([])
  })
})

describe('carryForward: quarterly and monthly', () => {
  it('moves 第三季度 to 第四季度 and 第四季度 to next year’s 第一季度, in the writer’s style', () => {
    const q3 = report('2024年第三季度工作总结', '2024年第三季度', 'quarterly', [
      ['三季度主要工作', ['第三季度，全县完成培训60余场次。']],
      ['第四季度工作安排', ['第四季度将开展督导检查。']]
    ])
    const q4 = carryForward(q3, { now: NOW }).report
    expect(q4.meta.title).toBe('2024年第四季度工作总结')
    expect(headings(q4)).toEqual(['四季度主要工作', '2025年第一季度工作安排'])
    expect(body(q4)).toEqual(['第四季度，全县完成培训60余场次。', '2025年第一季度将开展督导检查。'])
    const q1 = carryForward(q4, { now: NOW }).report
    expect(q1.meta.title).toBe('2025年第一季度工作总结')
    expect(q1.meta.period).toBe('2025年第一季度')
    expect(headings(q1)).toEqual(['一季度主要工作', '2025年第二季度工作安排'])
  })

  it('moves months, leaves dates and relative words, and wraps December into January', () => {
    const oct = report('2024年10月工作总结', '2024年10月', 'monthly', [
      ['本月主要工作', ['10月份，我局召开会议3次；10月15日开展了安全检查。']],
      ['下月工作计划', ['11月将组织期中检查。']]
    ])
    const nov = carryForward(oct, { now: NOW }).report
    expect(nov.meta.title).toBe('2024年11月工作总结')
    expect(headings(nov)).toEqual(['本月主要工作', '下月工作计划'])
    expect(body(nov)).toEqual(['11月份，我局召开会议3次；10月15日开展了安全检查。', '12月将组织期中检查。'])
    const dec = carryForward(nov, { now: NOW }).report
    const jan = carryForward(dec, { now: NOW }).report
    expect(jan.meta.title).toBe('2025年1月工作总结')
    expect(jan.meta.period).toBe('2025年1月')
    expect(body(jan)[1]).toBe('2025年2月将组织期中检查。')
  })
})

describe('carryForward: text and formatting', () => {
  it('keeps runs and their formatting around a moved year', () => {
    const r = report('2024年工作总结', '2024年', 'annual', [['主要工作', []]])
    r.sections[0].blocks = [{ type: 'paragraph', runs: [{ text: '20', bold: true }, { text: '24年以来，全县' }, { text: '入园率93%', underline: true }] }]
    const draft = carryForward(r, { now: NOW }).report
    expect(draft.sections[0].blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: '2025', bold: true }, { text: '年以来，全县' }, { text: '入园率93%', underline: true }] })
  })

  it('leaves a report without a period as it is, apart from the date', () => {
    const r = report('教育局推进城乡教育工作总结', '', 'other', [['主要做法', ['2019年，我校被评为示范校。']]])
    const c = carryForward(r, { now: NOW })
    expect(c.from).toBeNull()
    expect(reportLines(c.report).slice(0, -1)).toEqual(reportLines(r).slice(0, -1))
    expect(c.report.signature?.date).toBe('2025年12月28日')
    expect(c.report.meta.period).toBe('')
  })

  it.skipIf(!haveCorpus('carry.test'))('carries corpus 002 (traditional) forward: title, covering years, figures', () => {
    const r = importText(readFileSync(corpusPath('002_c4cd4b13c976cb24.txt'), 'utf8')).reports[0]
    const c = carryForward(r, { now: new Date(2007, 0, 5) })
    expect(c.report.meta.title).toBe('2007年教育局工作總結')
    expect(blockText(c.report.preamble[0])).toMatch(/^2007年,我局緊緊圍繞/)
    const text = reportLines(c.report).join('\n')
    expect(text).toContain('我局把2006年作為全縣中小學')
    expect(text).toContain('2006年2月23日')
    expect(text).toContain('上線人數比去年增加了29人')
    expect(c.figureAnchors.length).toBe(22)
    expect(c.reviewAnchors.length).toBe(5)
    expect(runChecks(c.report, { rules: ['year-mismatch'] })).toEqual([])
  })
})

describe('periods', () => {
  it('finds mentions with their parts and tells dates apart', () => {
    const ms = findMentions('2024年上半年，下半年，今年第三季度，3季度，2024年10月15日，2024年度')
    expect(ms.map((m) => [m.year?.value ?? null, m.sub?.granularity ?? null, m.sub?.n ?? null, m.relative?.text ?? null, m.isDate])).toEqual([
      [2024, 'half', 1, null, false],
      [null, 'half', 2, null, false],
      [null, 'quarter', 3, '今年', false],
      [null, 'quarter', 3, null, false],
      [2024, 'month', 10, null, true],
      [2024, null, null, null, false]
    ])
  })

  it('takes the most specific period of the title and the period field', () => {
    expect(reportPeriod(['2024年', '2024年上半年工作总结'])).toEqual({ year: 2024, granularity: 'half', n: 1 })
    expect(reportPeriod(['', '年度教育局工作总结'])).toBeNull()
    expect(nextPeriod({ year: 2024, granularity: 'month', n: 12 })).toEqual({ year: 2025, granularity: 'month', n: 1 })
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runChecks } from '../checks'
import { blockText, numberSections, paragraph, section, walkSections, type Report } from '../doc'
import { reportLines } from '../doc/stats'
import { importText } from '../import'
import { corpusPath, haveCorpus } from '../../main/services/testing/corpus'
import {
  BLANK,
  fillTemplate,
  formatChineseDate,
  getBuiltInTemplate,
  guidanceAnchors,
  hasTokens,
  isGuidance,
  listBuiltInTemplates,
  stripGuidance,
  templateFromReport,
  type TemplateFields
} from './index'

const FIELDS: TemplateFields = { unit: '某某县教育局', year: 2025, period: '', author: '张明', date: '2026年1月10日' }
const NOW = new Date(2026, 0, 10)

/** Complete fields for a template: the period a kind needs, the rest shared. */
function fieldsFor(kind: string): TemplateFields {
  const period = kind === 'quarterly' ? '2025年第三季度' : kind === 'monthly' ? '2025年10月' : kind === 'half-year' ? '2025年上半年' : '2025年'
  return { ...FIELDS, period }
}

function allText(r: Report): string {
  return reportLines(r).join('\n') + '\n' + [r.meta.title, r.meta.period, r.meta.unit, r.meta.author, r.meta.date].join('\n')
}

describe('built-in templates', () => {
  it('lists the seven kinds of report with names and descriptions', () => {
    const list = listBuiltInTemplates()
    expect(list.map((t) => t.kind)).toEqual(['annual', 'half-year', 'quarterly', 'monthly', 'special', 'duty', 'experience'])
    expect(list.map((t) => t.name)).toContain('上半年工作总结及下半年工作计划')
    for (const t of list) {
      expect(t.description.length).toBeGreaterThan(10)
      expect(getBuiltInTemplate(t.id)?.report.sections.length).toBeGreaterThanOrEqual(3)
    }
    expect(getBuiltInTemplate('nope')).toBeNull()
  })

  it('gives fresh section ids on every copy and every fill', () => {
    const a = getBuiltInTemplate('annual')!
    const b = getBuiltInTemplate('annual')!
    expect(a.report.sections[0].id).not.toBe(b.report.sections[0].id)
    const filled = fillTemplate(a, FIELDS, { now: NOW })
    expect(filled.sections[0].id).not.toBe(a.report.sections[0].id)
  })

  for (const info of listBuiltInTemplates()) {
    it(`${info.name}: filled with complete fields, no token is left and the only findings are its prompts`, () => {
      const r = fillTemplate(getBuiltInTemplate(info.id)!, fieldsFor(info.kind), { now: NOW })
      expect(hasTokens(allText(r))).toBe(false)
      expect(allText(r)).not.toContain(BLANK)
      // Each prompt still in it is a placeholder finding, over the prompt's whole text.
      const prompts = guidanceAnchors(r)
      expect(prompts.length).toBeGreaterThan(0)
      expect(runChecks(r).map((f) => [f.rule, f.anchor])).toEqual(prompts.map((a) => ['placeholder', a]))
      // Once the clerk has written over them, fixed wording and fields trip no rule at all.
      expect(runChecks(stripGuidance(r)).map((f) => `${f.rule}: ${f.excerpt}`)).toEqual([])
      expect(r.meta.kind).toBe(info.kind)
      expect(r.meta.unit).toBe('某某县教育局')
      expect(r.meta.date).toBe('2026年1月10日')
      expect(r.meta.period).toBe(fieldsFor(info.kind).period)
      // Every leaf section tells the clerk what to write.
      for (const { section: s } of walkSections(r.sections)) if (s.children.length === 0) expect(s.blocks.some((b) => isGuidance(blockText(b)))).toBe(true)
    })
  }

  it('fills the annual template: title, opening, next year and signature', () => {
    const r = fillTemplate(getBuiltInTemplate('annual')!, { unit: '某某县教育局', year: '2025年', date: '2026年1月10日' })
    expect(r.meta.title).toBe('某某县教育局2025年工作总结')
    expect(r.meta.period).toBe('2025年')
    expect(r.preamble.map(blockText)).toContain('现将2025年工作情况总结如下：')
    expect(numberSections(r.sections).map((n) => n.marker + n.section.title)).toEqual([
      '一、主要工作及成效',
      '（一）重点目标任务完成情况',
      '（二）主要做法和特色亮点',
      '（三）党建和队伍建设情况',
      '二、存在的问题和不足',
      '三、2026年工作打算'
    ])
    expect(r.signature).toEqual({ unit: '某某县教育局', date: '2026年1月10日' })
  })

  it('fills the 述职报告 with its salutation, 述职人 line and date', () => {
    const r = fillTemplate(getBuiltInTemplate('duty')!, FIELDS)
    expect(r.meta.title).toBe('2025年度述职报告')
    expect(blockText(r.preamble[0])).toBe('尊敬的各位领导、同志们：')
    expect(r.signature).toEqual({ unit: '述职人：张明', date: '2026年1月10日' })
    expect(r.meta.author).toBe('张明')
  })

  it('names the work of a 专项 or 经验 report when given, and reads naturally without it', () => {
    expect(fillTemplate(getBuiltInTemplate('special')!, { ...FIELDS, subject: '校园安全' }).meta.title).toBe('某某县教育局2025年校园安全专项工作总结')
    expect(fillTemplate(getBuiltInTemplate('special')!, FIELDS).meta.title).toBe('某某县教育局2025年专项工作总结')
    expect(fillTemplate(getBuiltInTemplate('experience')!, { ...FIELDS, subject: '推进城乡教育均衡发展' }).meta.title).toBe('某某县教育局推进城乡教育均衡发展经验交流材料')
  })

  it('leaves missing fields as blanks the placeholder check points at, and dates today by default', () => {
    const r = fillTemplate(getBuiltInTemplate('quarterly')!, { year: 2025 }, { now: new Date(2025, 9, 8) })
    expect(r.meta.title).toBe(`${BLANK}2025年第${BLANK}季度工作总结`)
    expect(r.meta.period).toBe('')
    expect(r.signature).toEqual({ unit: BLANK, date: '2025年10月8日' })
    const found = runChecks(r, { rules: ['placeholder'] })
    expect(found.length).toBeGreaterThanOrEqual(3)
    expect(found.some((f) => f.anchor.sectionId === null && f.anchor.part === 'title')).toBe(true)
  })

  it('takes the year from the period when only the period is given', () => {
    const r = fillTemplate(getBuiltInTemplate('half-year')!, { unit: '某某县教育局', period: '2025年上半年', date: '2025年7月5日' })
    expect(r.meta.title).toBe('某某县教育局2025年上半年工作总结及下半年工作计划')
  })
})

describe('formatChineseDate', () => {
  it('writes Arabic figures without zero padding', () => {
    expect(formatChineseDate(new Date(2026, 10, 22))).toBe('2026年11月22日')
    expect(formatChineseDate(new Date(2026, 0, 5))).toBe('2026年1月5日')
  })
})

describe('guidance', () => {
  it('recognises guidance paragraphs and nothing else', () => {
    expect(isGuidance('（简要概述本年度工作的总体情况、主要成绩和重要数据。）')).toBe(true)
    expect(isGuidance('  （列出下月的重点工作安排和完成时限。）')).toBe(true)
    expect(isGuidance('（一）加强理论学习')).toBe(false)
    expect(isGuidance('坚持理论学习与实践相结合，集中学与自学相结合。')).toBe(false)
    expect(isGuidance('（简要说明（附表）情况）')).toBe(false)
    expect(isGuidance('（2024年12月）')).toBe(false)
  })

  it('anchors and strips the guidance of a template, keeping fixed wording', () => {
    const r = fillTemplate(getBuiltInTemplate('duty')!, FIELDS)
    const anchors = guidanceAnchors(r)
    expect(anchors.length).toBe(5)
    expect(anchors[0]).toMatchObject({ sectionId: null, part: 1, start: 0 })
    const clean = stripGuidance(r)
    expect(clean.preamble.map(blockText)).toEqual(['尊敬的各位领导、同志们：', '现将2025年度履职情况报告如下，请予评议。'])
    expect(guidanceAnchors(clean)).toEqual([])
    expect(clean.sections[3].blocks.map(blockText)).toEqual(['以上述职，不妥之处，请各位领导和同志们批评指正。'])
  })
})

describe.skipIf(!haveCorpus('templates.test'))('templateFromReport', () => {
  const corpus = (name: string): Report[] => importText(readFileSync(corpusPath(`${name}.txt`), 'utf8')).reports

  it('keeps the structure of a real report and drops its prose', () => {
    const report = corpus('004_97398b577f92e038').find((r) => r.meta.title.includes('教师资格认定'))!
    const t = templateFromReport(report, '教师资格认定总结')
    expect(t.builtIn).toBe(false)
    expect(t.name).toBe('教师资格认定总结')
    expect(t.kind).toBe(report.meta.kind)
    const outline = (r: Report): string[] => numberSections(r.sections).map((n) => `${n.depth}${n.marker}${n.section.title}`)
    expect(outline(t.report)).toEqual(outline(report))
    for (const { section: s } of walkSections(t.report.sections)) expect(s.blocks).toEqual([])
    // The opening is replaced by guidance and its lead-in sentence.
    expect(t.report.preamble.map(blockText)).toEqual(['（简要概述本期工作的总体情况、主要成绩和重要数据。）', '现就本次认定工作总结如下：'])
    expect(t.report.meta.period).toBe('{期间}')
  })

  it('turns the year, unit, author and date into tokens, so filling it again gives the new period', () => {
    const first = fillTemplate(getBuiltInTemplate('annual')!, { unit: '某某县教育局', year: 2024, date: '2025年1月8日' })
    first.sections[0].children[0].blocks.push(paragraph('2024年，全县幼儿入园率93%。'))
    const t = templateFromReport(first, '我的年度模板')
    expect(t.report.meta.title).toBe('{单位名称}{年度}年工作总结')
    expect(t.report.sections[2].title).toBe('{下一年度}年工作打算')
    expect(t.report.signature).toEqual({ unit: '{单位名称}', date: '{日期}' })
    const next = fillTemplate(t, { unit: '某某县教育局', year: 2025, date: '2026年1月9日' })
    expect(next.meta.title).toBe('某某县教育局2025年工作总结')
    expect(next.sections[2].title).toBe('2026年工作打算')
    expect(allText(next)).not.toContain('2024')
    expect(allText(next)).not.toContain('入园率')
  })

  it('keeps a salutation, the 述职人 line and a table header row', () => {
    const duty = fillTemplate(getBuiltInTemplate('duty')!, FIELDS)
    duty.sections[1].blocks.push({ type: 'table', header: true, rows: [['指标', '2025年'], ['入园率', '93%']] })
    const t = templateFromReport(duty, '述职')
    expect(blockText(t.report.preamble[0])).toBe('尊敬的各位领导、同志们：')
    expect(t.report.signature).toEqual({ unit: '述职人：{撰写人}', date: '{日期}' })
    expect(t.report.sections[1].blocks).toEqual([{ type: 'table', header: true, rows: [['指标', '{年度}年'], ['', '']] }])
    const again = fillTemplate(t, { ...FIELDS, author: '李华', year: 2026 })
    expect(again.signature?.unit).toBe('述职人：李华')
    expect(again.meta.title).toBe('2026年度述职报告')
  })

  it('works on a report without metadata', () => {
    const r: Report = { ...fillTemplate(getBuiltInTemplate('monthly')!, FIELDS), signature: null }
    r.meta = { ...r.meta, title: '', unit: '', author: '', date: '', period: '' }
    const t = templateFromReport(r, '空')
    expect(t.report.sections.length).toBe(3)
    expect(t.report.signature).toBeNull()
    expect(t.description).toBe('根据已有总结的结构生成')
    expect(section(1, 'x').blocks).toEqual([])
  })
})

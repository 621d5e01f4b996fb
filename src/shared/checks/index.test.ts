import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { paragraph, section } from '../doc/model'
import { anchorText, applyFix, applyFixes, runChecks, RULE_IDS, RULE_LABELS, RULES } from './index'
import { syntheticReport } from './synthetic'
import { reportOf, selected } from './testing'

describe('runChecks', () => {
  it('has one rule per rule id, in order, each with a label', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS])
    for (const id of RULE_IDS) expect(RULE_LABELS[id]).toBeTruthy()
  })

  it('returns findings in document order with paths and exact anchors', () => {
    const s1 = section(1, '主要做法', [paragraph('为__名大学生办理贷款,资助金额约亿元。')], [section(2, '加强领导', [paragraph('会议于2024-03-12召开。')])])
    const r = reportOf(['20xx年，我局认真工作。'], [s1], { title: '2024年工作总结' })
    const fs = runChecks(r)
    expect(fs.map((f) => [f.rule, f.path.join(' > '), selected(r, f)])).toEqual([
      ['placeholder', '', '20xx'],
      ['placeholder', '一、主要做法', '__'],
      ['halfwidth-punctuation', '一、主要做法', ','],
      ['missing-number', '一、主要做法', '亿元'],
      ['date-format', '一、主要做法 > （一）加强领导', '2024-03-12']
    ])
    for (const f of fs) expect(f.excerpt).toContain(selected(r, f))
  })

  it('can run a subset of rules', () => {
    const r = reportOf(['为__名学生,办理贷款'])
    expect(runChecks(r, { rules: ['placeholder'] }).map((f) => f.rule)).toEqual(['placeholder'])
  })

  it('applies fixes to the anchored text', () => {
    const r = reportOf(['时间:2022-08-15,地点:会议室'])
    const fs = runChecks(r)
    const text = anchorText(r, fs[0].anchor)!
    expect(applyFix(text, fs.find((f) => f.rule === 'date-format')!)).toBe('时间:2022年8月15日,地点:会议室')
    expect(applyFixes(text, fs)).toBe('时间：2022年8月15日，地点：会议室')
  })

  it('handles a 100-page report and finds what was planted in it', () => {
    const r = syntheticReport(100)
    const tops = r.sections.length
    const fs = runChecks(r)
    const count = (rule: string) => fs.filter((f) => f.rule === rule).length
    expect(count('placeholder')).toBe(tops)
    expect(count('date-format')).toBe(tops)
    expect(count('halfwidth-punctuation')).toBe(tops)
    expect(fs.filter((f) => f.rule === 'duplicate-sentence' && f.message.startsWith('整段')).length).toBe(tops)
    expect(count('numbering-gap') + count('mixed-numbering') + count('year-mismatch') + count('mixed-script') + count('missing-number')).toBe(0)
  })

  it('keeps anchors inside their text and excerpts within 40 characters, on any text', () => {
    const alphabet = [...'中文工作总结,:;()?%万元率约XX__**0123456789.-/年月日一二三是。，（）ab 繁體學習']
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((a) => a.join(''))
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), text, (paras, title) => {
        const r = reportOf(paras, [section(1, title || '标题', [paragraph(paras[0])])], { title })
        for (const f of runChecks(r)) {
          const t = anchorText(r, f.anchor)
          expect(t).not.toBeNull()
          expect(f.anchor.start).toBeGreaterThanOrEqual(0)
          expect(f.anchor.end).toBeGreaterThan(f.anchor.start)
          expect(f.anchor.end).toBeLessThanOrEqual(t!.length)
          expect(f.excerpt.length).toBeLessThanOrEqual(40)
        }
      }),
      { numRuns: 200 }
    )
  })

  it('leaves nothing for date-format to find once its fixes are applied', () => {
    const date = fc
      .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('-', '.', '/', '年'))
      .map(([y, m, d, sep]) => (sep === '年' ? `${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日` : `${y}${sep}${m}${sep}${d}`))
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 3 }), (dates) => {
        const text = `会议于${dates.join('和')}召开`
        const r = reportOf([text])
        const fixed = applyFixes(text, runChecks(r, { rules: ['date-format'] }))
        expect(runChecks(reportOf([fixed]), { rules: ['date-format'] })).toEqual([])
        expect(fixed).toMatch(/^会议于(\d{4}年\d{1,2}月\d{1,2}日和?)+召开$/)
      }),
      { numRuns: 100 }
    )
  })
})

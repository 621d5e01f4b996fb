import { describe, expect, it } from 'vitest'
import { findingsOf, fixedPreamble, reportOf, selected } from '../testing'

const fixed = (text: string) => {
  const r = reportOf([text])
  return fixedPreamble(r, findingsOf(r, 'date-format'))
}
const find = (...paras: string[]) => {
  const r = reportOf(paras)
  return findingsOf(r, 'date-format').map((f) => selected(r, f))
}

describe('date-format', () => {
  it('rewrites separated dates to 年月日', () => {
    expect(fixed('会议于2024-03-12召开')).toBe('会议于2024年3月12日召开')
    expect(fixed('会议于2024.3.12召开')).toBe('会议于2024年3月12日召开')
    expect(fixed('会议于2024/3/12召开')).toBe('会议于2024年3月12日召开')
    expect(fixed('会议于2024.3.12日召开')).toBe('会议于2024年3月12日召开')
  })

  it('removes zero padding', () => {
    expect(fixed('2024年03月05日')).toBe('2024年3月5日')
    expect(fixed('定于03月15日前上报')).toBe('定于3月15日前上报')
    expect(fixed('2024年10月08日')).toBe('2024年10月8日')
  })

  it('turns Chinese-numeral dates into figures', () => {
    expect(fixed('二〇二四年三月十二日')).toBe('2024年3月12日')
    expect(fixed('二〇二三年十二月')).toBe('2023年12月')
  })

  it('finds the web timestamp of corpus 000', () => {
    expect(fixed('时间:2022-08-15 08:16:00 工作总结')).toBe('时间:2022年8月15日 08:16:00 工作总结')
  })

  it('gives one fix per date with a label', () => {
    const r = reportOf(['2024-03-12至2024-03-15'])
    const fs = findingsOf(r, 'date-format')
    expect(fs.map((f) => f.fix?.replacement)).toEqual(['2024年3月12日', '2024年3月15日'])
    expect(fs[0].fix?.label).toContain('2024年3月12日')
  })

  it('leaves correct dates, versions, addresses, ranges and impossible dates alone', () => {
    expect(
      find(
        '2026年1月10日',
        '2024年3月',
        '软件升级到1.2.3版',
        '服务器地址192.168.1.1',
        'www.example.com/Article/2012/09/26325.html',
        '2019-2020学年',
        '2024-13-01',
        '投资2024.3万元',
        '10月1日'
      )
    ).toEqual([])
  })
})

describe('date-format in the signature', () => {
  it('flags a date written 2025-12-30 under the unit, and points at the signature line', async () => {
    const { runChecks, anchorText, applyFix } = await import('../index')
    const { emptyReport, paragraph, section } = await import('../../doc/model')
    const report = emptyReport({ title: '2025年工作总结' })
    report.sections = [section(1, '主要工作', [paragraph('全年完成各项任务。')])]
    report.signature = { unit: '某县教育局', date: '2025-12-30' }
    const findings = runChecks(report, { rules: ['date-format'] })
    expect(findings).toHaveLength(1)
    expect(findings[0].anchor).toEqual({ sectionId: null, part: 'signature-date', start: 0, end: 10 })
    expect(findings[0].fix?.replacement).toBe('2025年12月30日')
    expect(applyFix(anchorText(report, findings[0].anchor)!, findings[0])).toBe('2025年12月30日')
    report.signature = { unit: '某县教育局', date: '2025年12月30日' }
    expect(runChecks(report, { rules: ['date-format', 'year-mismatch'] })).toEqual([])
  })
})

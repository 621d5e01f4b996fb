import { describe, expect, it } from 'vitest'
import { paragraph, section } from '../../doc/model'
import { findingsOf, reportOf, selected } from '../testing'

describe('year-mismatch', () => {
  it('finds a body covering another year than the title (the 003 case)', () => {
    const r = reportOf(['2015年上半年，在县委、县政府的正确领导下，我局紧紧围绕年初确定的目标任务，扎实工作。'], [], {
      title: '2024年上半年教育工作总结'
    })
    const fs = findingsOf(r, 'year-mismatch')
    expect(fs).toHaveLength(1)
    expect(selected(r, fs[0])).toBe('2015')
    expect(fs[0].message).toBe('标题为2024年，正文却写“2015年上半年”，年份不一致')
  })

  it('reads covering phrases: 年度, 以来, 工作, a year opening the text', () => {
    const titled = (text: string) => findingsOf(reportOf([text], [], { title: '2024年工作总结' }), 'year-mismatch').length
    expect(titled('现将2023年度工作总结如下：')).toBe(1)
    expect(titled('2023年以来，我局认真贯彻落实上级部署。')).toBe(1)
    expect(titled('2023年，我局紧紧围绕县委中心工作。')).toBe(1)
    expect(titled('现将2023年工作情况报告如下。')).toBe(1)
  })

  it('accepts comparisons, targets and other years mentioned in passing', () => {
    const r = reportOf(
      ['2024年以来，全县教育事业稳步发展，比2023年增长4.8%，与2022年同期相比有较大提高，到2025年全面实现现代化目标。'],
      [section(1, '基本情况', [paragraph('2019年高考同期成绩为全市第一。在巩固2023年工作成果的基础上，学校发展迅速；2019年，我校被评为省级示范校。')])],
      { title: '2024年教育工作总结' }
    )
    expect(findingsOf(r, 'year-mismatch')).toEqual([])
  })

  it('reads only the start of the text', () => {
    const filler = '我们坚持以人民为中心的发展思想，'.repeat(40)
    const r = reportOf([filler, '2015年度的经验值得回顾。'], [], { title: '2024年工作总结' })
    expect(findingsOf(r, 'year-mismatch')).toEqual([])
  })

  it('checks title against period, and uses the period when the title has no year', () => {
    const both = reportOf([], [], { title: '2024年教育工作总结', period: '2023年' })
    expect(findingsOf(both, 'year-mismatch')[0].message).toContain('报告期间')
    const periodOnly = reportOf(['2015年上半年，我局扎实工作。'], [], { title: '上半年教育工作总结', period: '2024年上半年' })
    expect(findingsOf(periodOnly, 'year-mismatch')[0].message).toContain('报告期间为2024年')
    const noYear = reportOf(['2015年上半年，我局扎实工作。'], [], { title: '上半年教育工作总结' })
    expect(findingsOf(noYear, 'year-mismatch')).toEqual([])
  })

  it('with no year of its own, finds the previous report’s year left in the text', () => {
    const previous = reportOf([], [], { title: '2023年教育工作总结' })
    const r = reportOf(['2023年，我局紧紧围绕县委中心工作。'], [], { title: '教育工作总结' })
    const fs = findingsOf(r, 'year-mismatch', previous)
    expect(fs).toHaveLength(1)
    expect(fs[0].message).toContain('上一份总结')
  })
})

import { describe, expect, it } from 'vitest'
import { paragraph, section } from '../../doc/model'
import { findingsOf, reportOf, selected } from '../testing'

const PARA = '全县中小学校舍总面积是103万平方米，需加固维修41万平方米、新建32万平方米，需资金8亿元左右。'

describe('duplicate-sentence', () => {
  it('reports a paragraph pasted twice once, at the second copy', () => {
    const r = reportOf([], [section(1, '基本情况', [paragraph(PARA)]), section(1, '存在问题', [paragraph('另一段话，内容完全不同，讲的是下一步的打算。'), paragraph(PARA)])])
    const fs = findingsOf(r, 'duplicate-sentence')
    expect(fs).toHaveLength(1)
    expect(fs[0].path).toEqual(['二、存在问题'])
    expect(fs[0].message).toContain('一、基本情况')
    expect(selected(r, fs[0])).toBe(PARA)
  })

  it('reports a repeated sentence inside other text', () => {
    const s = '各部门职工培训面为84.6%，农村劳动力培训面达35%。'
    const r = reportOf([`成人教育蓬勃开展。${s}民办教育发展迅速。`, `此外还要说明。 ${s}`])
    const fs = findingsOf(r, 'duplicate-sentence')
    expect(fs.map((f) => selected(r, f))).toEqual([s])
    expect(fs[0].message).toContain('开头部分')
  })

  it('sees through half-width punctuation and spaces', () => {
    const r = reportOf(['我局探索形成的“三看”评估法，调整了学生素质评估价值取向。', '我局探索形成的“三看”评估法, 调整了学生素质评估价值取向。'])
    expect(findingsOf(r, 'duplicate-sentence')).toHaveLength(1)
  })

  it('ignores short set phrases and different sentences', () => {
    const r = reportOf(['加强组织领导。取得了良好效果。', '加强组织领导。取得了良好效果。', '各部门职工培训面为84.6%。', '各部门各企业职工培训面为84.6%。'])
    expect(findingsOf(r, 'duplicate-sentence')).toEqual([])
  })
})

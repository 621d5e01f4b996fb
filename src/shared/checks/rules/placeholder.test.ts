import { describe, expect, it } from 'vitest'
import { paragraph, section } from '../../doc/model'
import { findingsOf, reportOf, selected } from '../testing'

const find = (...paras: string[]) => {
  const r = reportOf(paras)
  return findingsOf(r, 'placeholder').map((f) => selected(r, f))
}

describe('placeholder', () => {
  it('finds the blanks of corpus 000 (__年, “__”规划, 李__, 20__年)', () => {
    expect(find('__年是“__”规划的收官年，也是谋划“__”发展大计的关键一年')).toEqual(['__', '__', '__'])
    expect(find('李__、副市长傅勇林在专题调研组报告上作了批示。')).toEqual(['__'])
    expect(find('20__年，我局在区委、区政府的领导下，圆满完成了全年目标任务。')).toEqual(['20__'])
  })

  it('finds XX, xx, ××, ＿ and full-width stars, with a 20 prefix taken whole', () => {
    expect(find('XX年年，我们投资800万元，组织XX多名教师外出培训')).toEqual(['XX', 'XX'])
    expect(find('20xx年度工作总结')).toEqual(['20xx'])
    expect(find('××同志在会上讲话', '完成＿＿项任务', '全年＊＊万元')).toEqual(['××', '＿＿', '＊＊'])
    expect(find('申报人员对黔教语发[XX年]243号文件吃不透')).toEqual(['XX'])
  })

  it('tells blank stars from Markdown bold', () => {
    expect(find('**年**月**日')).toEqual(['**', '**', '**'])
    expect(find('完成投资**万元，同比增长**%')).toEqual(['**', '**'])
    expect(find('由**同志负责具体工作')).toEqual(['**'])
    expect(find('**加强组织领导**，全面提升工作质量。')).toEqual([])
    expect(find('我们**始终坚持以人民为中心**的发展思想。')).toEqual([])
  })

  it('finds template prompts left in: a guidance paragraph, or a bracketed prompt in a sentence', () => {
    expect(find('（简要概述本年度工作的总体情况、主要成绩和重要数据。）')).toEqual(['（简要概述本年度工作的总体情况、主要成绩和重要数据。）'])
    expect(find('主要成效：（逐项列出年初确定的目标任务及完成情况）。全年新增学位700个。')).toEqual(['（逐项列出年初确定的目标任务及完成情况）'])
    expect(find('（在此填写本单位的特色做法）')).toEqual(['（在此填写本单位的特色做法）'])
  })

  it('leaves the parentheticals of real prose alone', () => {
    expect(find('全年投入1200万元（按可比口径计算），同比增长4.8%。', '（说明：本表数据截至2024年12月）', '（一）加强理论学习', '开展“三看”评估（看课堂、看作业、看成绩）。')).toEqual([])
  })

  it('leaves Latin words, identifiers, single X and figures alone', () => {
    expect(find('订购XXL码校服200套', '型号为MAXX的设备', '调用__init__方法', '拍X光片', '规格为3×4米', '资助金额6267.4万元')).toEqual([])
  })

  it('reports section headings and paths', () => {
    const r = reportOf([], [section(1, '主要做法', [paragraph('为__名大学生办理助学贷款')])])
    const [f] = findingsOf(r, 'placeholder')
    expect(f.path).toEqual(['一、主要做法'])
    expect(f.anchor.part).toBe(0)
    expect(f.excerpt).toContain('为__名大学生')
  })
})

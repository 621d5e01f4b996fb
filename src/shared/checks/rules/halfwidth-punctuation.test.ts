import { describe, expect, it } from 'vitest'
import { paragraph, section } from '../../doc/model'
import { applyFixes, anchorText } from '../index'
import { findingsOf, fixedPreamble, reportOf, selected } from '../testing'

const fixed = (text: string) => {
  const r = reportOf([text])
  return fixedPreamble(r, findingsOf(r, 'halfwidth-punctuation'))
}
const count = (text: string) => findingsOf(reportOf([text]), 'halfwidth-punctuation').length

describe('halfwidth-punctuation', () => {
  it('fixes the half-width commas of corpus 000, one finding per comma', () => {
    const text = '时间不知不觉,我们后知后觉,辛苦的工作已经告一段落了,回顾这段时间以来的工作,制定一份工作总结吧。'
    const r = reportOf([text])
    const fs = findingsOf(r, 'halfwidth-punctuation')
    expect(fs).toHaveLength(4)
    expect(fs.every((f) => f.fix?.replacement === '，' && selected(r, f) === ',')).toBe(true)
    expect(fixedPreamble(r, fs)).toBe('时间不知不觉，我们后知后觉，辛苦的工作已经告一段落了，回顾这段时间以来的工作，制定一份工作总结吧。')
  })

  it('leaves the colon of a web address alone', () => {
    expect(count('解决：https://blog.csdn.net/a/1，详见原文')).toBe(0)
    expect(count('解决：https://blog.csdn.net/a/1 详见原文,谢谢')).toBe(1)
  })

  it('counts a comma after a figure inside Chinese text', () => {
    expect(fixed('城乡学前三年幼儿入园率93%,义务教育阶段巩固率100%,初中毕业生升学率94.5%')).toBe(
      '城乡学前三年幼儿入园率93%，义务教育阶段巩固率100%，初中毕业生升学率94.5%'
    )
    expect(fixed('学前教育入园率达98.7%;2所幼儿园被评为一级园')).toBe('学前教育入园率达98.7%；2所幼儿园被评为一级园')
  })

  it('counts Latin glued to Chinese as Chinese (misses found on corpus 004 and 000)', () => {
    expect(fixed('学校布点多、规模小。对此,XX年年,我们投资800万元')).toBe('学校布点多、规模小。对此，XX年年，我们投资800万元')
    expect(fixed('(加固174153平方米,重建47200平方米),C级校舍100%全面完成加固')).toBe('（加固174153平方米，重建47200平方米），C级校舍100%全面完成加固')
    expect(fixed('采用PPT,进行讲解')).toBe('采用PPT，进行讲解')
  })

  it('fixes colons, semicolons and question marks', () => {
    expect(fixed('还存在一些突出问题:一是城乡教育发展不尽均衡;二是师资不足')).toBe('还存在一些突出问题：一是城乡教育发展不尽均衡；二是师资不足')
    expect(fixed('如何提高质量?我们认为')).toBe('如何提高质量？我们认为')
  })

  it('fixes bracket pairs as pairs', () => {
    expect(fixed('全县师资呈现出学段(高、初、小、幼)结构不合理')).toBe('全县师资呈现出学段（高、初、小、幼）结构不合理')
    expect(fixed('组建11个帮扶集团(涉及近40所学校),加大了扶持力度')).toBe('组建11个帮扶集团（涉及近40所学校），加大了扶持力度')
    expect(fixed('三是主攻重点求突破。(1)全力推进重点工程建设。(2)狠抓安全常态管理。')).toBe(
      '三是主攻重点求突破。（1）全力推进重点工程建设。（2）狠抓安全常态管理。'
    )
  })

  it('takes spaces around a mark into the fix', () => {
    const r = reportOf(['认真总结 , 我们继续努力'])
    const [f] = findingsOf(r, 'halfwidth-punctuation')
    expect(selected(r, f)).toBe(' , ')
    expect(fixedPreamble(r, [f])).toBe('认真总结，我们继续努力')
  })

  it('leaves figures, Latin, URLs and formulas alone', () => {
    expect(count('共投入1,000万元')).toBe(0)
    expect(count('会议于8:30开始')).toBe(0)
    expect(count('From:https://www.example.com/a?b=1')).toBe(0)
    expect(count('使用 Word, Excel 和 PowerPoint 制作材料')).toBe(0)
    expect(count('函数x(1)的值为2')).toBe(0)
    expect(count('已经完成。')).toBe(0)
  })

  it('works in section headings (anchor part title)', () => {
    const s = section(1, '科学规划设置,切实把学区建设成促进均衡的有力抓手', [paragraph('正文')])
    const r = reportOf([], [s])
    const fs = findingsOf(r, 'halfwidth-punctuation')
    expect(fs).toHaveLength(1)
    expect(fs[0].anchor).toEqual({ sectionId: s.id, part: 'title', start: 6, end: 7 })
    expect(applyFixes(anchorText(r, fs[0].anchor)!, fs)).toBe('科学规划设置，切实把学区建设成促进均衡的有力抓手')
  })
})

import { describe, expect, it } from 'vitest'
import { paragraph, section, type HeadingLevel, type Section } from '../../doc/model'
import { findingsOf, reportOf, selected } from '../testing'

function marked(level: HeadingLevel, marker: string, title: string, children: Section[] = [], text = '正文内容。'): Section {
  const s = section(level, title, [paragraph(text)], children)
  s.sourceMarker = marker
  return s
}

describe('numbering-gap: sections', () => {
  it('finds corpus 004’s (二) followed by (四)', () => {
    const four = marked(2, '(四)', '总结阶段(第8周)')
    const r = reportOf(
      [],
      [
        marked(1, '一、', '基本情况', [
          marked(2, '(一)', '见习准备阶段(第1周)'),
          marked(2, '(二)', '实习阶段(第2—7周)', [marked(3, '1、', '教学工作'), marked(3, '2、', '班主任工作'), marked(3, '3、', '课外体育工作')]),
          four
        ]),
        marked(1, '二、', '主要收获')
      ],
      { title: '体育教育专业教育实习总结' }
    )
    const fs = findingsOf(r, 'numbering-gap')
    expect(fs).toHaveLength(1)
    expect(fs[0].anchor).toEqual({ sectionId: four.id, part: 'title', start: 0, end: four.title.length })
    expect(fs[0].message).toBe('编号跳号：“(二)”之后是“(四)”，缺少“(三)”')
    // The path shows the app's own numbering, which has already closed the gap.
    expect(fs[0].path).toEqual(['一、基本情况', '（三）总结阶段(第8周)'])
    expect(fs[0].excerpt).toBe('(四)总结阶段(第8周)')
  })

  it('finds repeats, disorder and a first number other than one', () => {
    const msgs = (list: Section[]) => findingsOf(reportOf([], list), 'numbering-gap').map((f) => f.message)
    expect(msgs([marked(3, '1、', 'a'), marked(3, '2、', 'b'), marked(3, '2、', 'c')])).toEqual(['编号“2、”与上一个同级标题重复'])
    expect(msgs([marked(1, '一、', 'a'), marked(1, '三、', 'b'), marked(1, '二、', 'c')])).toEqual([
      '编号跳号：“一、”之后是“三、”，缺少“二、”',
      '编号顺序错乱：“三、”之后是“二、”'
    ])
    expect(msgs([marked(2, '（二）', 'a'), marked(2, '（三）', 'b')])).toEqual(['本级编号从“（二）”开始，缺少“（一）”'])
  })

  it('accepts consecutive numbers, per level, and sections added in the app', () => {
    const added = section(2, '新加的一节')
    const r = reportOf(
      [],
      [
        marked(1, '一、', '基本情况', [marked(2, '（一）', 'a'), marked(3, '1.', '直接在一级下的三级'), added, marked(2, '（二）', 'b'), marked(3, '2.', 'c')]),
        marked(1, '二、', '主要做法', [marked(3, '1.', 'x'), marked(3, '2.', 'y')])
      ]
    )
    expect(findingsOf(r, 'numbering-gap')).toEqual([])
  })
})

describe('numbering-gap: 一是/二是 and (1)(2) runs', () => {
  const find = (...paras: string[]) => {
    const r = reportOf(paras)
    return findingsOf(r, 'numbering-gap').map((f) => [selected(r, f), f.message])
  }

  it('finds a skipped or repeated 是-item', () => {
    expect(find('一是加强领导。二是完善制度。四是强化考核。')).toEqual([['四是', '“二是”之后是“四是”，缺少“三是”']])
    expect(find('一是加强领导；二是完善制度；二是强化考核。')).toEqual([['二是', '“二是”重复出现']])
  })

  it('follows a run across the paragraphs of a section (corpus 000)', () => {
    expect(
      find(
        '还存在一些突出问题:一是城乡教育发展不尽均衡。',
        '二是教师队伍建设有待加强。三是实现教育现代化任务艰巨。四是实施“校安工程”资金缺口较大。'
      )
    ).toEqual([])
    expect(find('一是抓学习。', '三是抓落实。')).toEqual([['三是', '“一是”之后是“三是”，缺少“二是”']])
  })

  it('starts a new run at 一是 and ignores words ending in 一是', () => {
    expect(find('一是甲项工作。二是乙项工作。', '一是丙项工作。二是丁项工作。')).toEqual([])
    expect(find('这是原因之一是不够重视。统一是前提。二是要落实。')).toEqual([])
  })

  it('finds gaps in (1)(2) runs inside a paragraph', () => {
    expect(find('具体措施：(1)精彩一刻。(2)找准载体。(4)评价引入第三方。')).toEqual([['(4)', '“(2)”之后是“(4)”，缺少“（3）”']])
    expect(find('（1）改革人才引进机制。（2）改革教师培训机制。')).toEqual([])
    expect(find('详见附件(3)。')).toEqual([])
  })
})

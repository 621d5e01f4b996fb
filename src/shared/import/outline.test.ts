import { describe, expect, it } from 'vitest'
import { numberSections } from '../doc/numbering'
import { sectionLines } from '../doc/stats'
import { blockText } from '../doc/model'
import { textToLines } from './lines'
import { buildOutline, firstSentenceEnd, parseHeading } from './outline'

const outline = (text: string) => buildOutline(textToLines(text).filter((l) => l.text))
const flat = (text: string) =>
  numberSections(outline(text).sections).map((n) => [n.depth, n.section.sourceMarker, n.section.title, n.marker])

describe('parseHeading', () => {
  it('reads a run-in heading: first sentence is the title, the rest the first paragraph', () => {
    const h = parseHeading('1、科学管理,质量提升明显。以“一体两翼”的质量管理工作策略为导向。')!
    expect([h.title, h.runIn, h.body]).toEqual(['科学管理,质量提升明显', true, '以“一体两翼”的质量管理工作策略为导向。'])
  })

  it('keeps quotes that belong to the heading sentence', () => {
    expect(parseHeading('1、“校长亮剑”。(1)精彩一刻——“校长论坛”。')!.title).toBe('“校长亮剑”')
  })

  it('does not end the heading at a 。 inside quotes', () => {
    expect(firstSentenceEnd('提出“办人民满意的教育。”目标。此后')).toBe(15)
  })

  it('reads a short lead-in closed by a colon as a run-in heading and keeps the colon', () => {
    const h = parseHeading('(1)实习生做好总结:实习教学工作结束后,我及时检查自己。')!
    expect([h.title, h.runIn, h.body]).toEqual(['实习生做好总结:', true, '实习教学工作结束后,我及时检查自己。'])
  })

  it('strips a trailing colon from a heading on its own line', () => {
    expect(parseHeading('1、教学工作:')!.title).toBe('教学工作')
  })

  it('leaves an inline enumeration as body text', () => {
    expect(parseHeading('（1）开展爱国主义教育；（2）开展文明礼仪教育；（3）开展法治教育。')).toBeNull()
    expect(parseHeading('1.加强学习。2.改进作风。3.狠抓落实。')).toBeNull()
    expect(parseHeading('一是全面落实科学发展目标。二是大力实施惠民工程。')).toBeNull()
    expect(parseHeading('（一）加强组织领导，（二）完善工作制度，（三）强化督查考核。')).toBeNull()
  })

  it('reads （一） items that each close a sentence as sections whose line breaks were lost', () => {
    expect(parseHeading('（一）严格执行一日生活制度。（二）扎实开展教研活动。')!.title).toBe('严格执行一日生活制度')
    expect(flat('二、规范保教管理，提高保教质量　　（一）严格执行一日生活制度。（二）扎实开展教研活动，全年开展36次。\n三、存在的不足').map((x) => x[2])).toEqual([
      '规范保教管理，提高保教质量',
      '严格执行一日生活制度',
      '扎实开展教研活动，全年开展36次',
      '存在的不足'
    ])
  })
})

describe('buildOutline', () => {
  it('puts a 1. directly under 一、 at depth 2 and numbers it from the structure', () => {
    expect(flat('一、主要做法\n1、加强领导\n2、完善制度\n二、存在问题')).toEqual([
      [1, '一、', '主要做法', '一、'],
      [2, '1、', '加强领导', '1.'],
      [2, '2、', '完善制度', '2.'],
      [1, '二、', '存在问题', '二、']
    ])
  })

  it('nests four levels and closes deeper levels when a shallower one comes', () => {
    const r = flat('一、甲\n（一）乙\n1.丙\n（1）丁\n（2）戊\n2.己\n（二）庚\n二、辛')
    expect(r.map(([d, s]) => `${d}${s}`)).toEqual(['1一、', '2（一）', '31.', '4（1）', '4（2）', '32.', '2（二）', '1二、'])
  })

  it('keeps a gap in the source numbering in sourceMarker while the shown number follows the structure', () => {
    const r = flat('一、基本情况\n(一)见习阶段\n(二)实习阶段\n(四)总结阶段\n（1）实习生做好总结。')
    expect(r.map((x) => [x[1], x[3]])).toEqual([
      ['一、', '一、'],
      ['(一)', '（一）'],
      ['(二)', '（二）'],
      ['(四)', '（三）'],
      ['（1）', '（1）']
    ])
    expect(r[4][0]).toBe(3)
  })

  it('keeps 一是/二是 paragraphs as body text of the section', () => {
    const o = outline('（一）目标完成情况\n一是全面落实科学发展目标。紧紧围绕目标任务。\n二是大力实施惠民工程。资助金额6267.4万元。')
    expect(o.sections).toHaveLength(1)
    expect(o.sections[0].children).toHaveLength(0)
    expect(o.sections[0].blocks.map(blockText)).toEqual(['一是全面落实科学发展目标。紧紧围绕目标任务。', '二是大力实施惠民工程。资助金额6267.4万元。'])
  })

  it('prints a run-in section back as the paragraph it came from', () => {
    const para = '1.科学管理，质量提升明显。以督导评估为导向，聚焦管理、课堂、校本。'
    const o = outline(`一、主要做法\n${para}`)
    const s = o.sections[0].children[0]
    expect(s.runIn).toBe(true)
    expect(sectionLines(s, '1.')).toEqual([para])
  })

  it('makes a one-sentence heading with its own body paragraphs a heading on its own line', () => {
    const o = outline('1、领导重视是搞好教育实习的前提。\n为加强领导，我系成立了领导小组。\n2、严格管理是基本要求。\n3、保证实习时间。')
    const [a, b, c] = o.sections
    expect([a.title, a.runIn, a.blocks.length]).toEqual(['领导重视是搞好教育实习的前提', false, 1])
    expect([b.title, b.runIn, c.runIn]).toEqual(['严格管理是基本要求', true, true])
    expect(sectionLines(b, '2.')).toEqual(['2.严格管理是基本要求。'])
  })

  it('takes the heading text from the next line when a marker stands alone', () => {
    expect(flat('一、\n基本情况\n今年完成了各项任务。').map((x) => x[2])).toEqual(['基本情况'])
  })

  it('keeps paragraphs before the first heading as the preamble', () => {
    const o = outline('尊敬的各位领导：\n现将本人履职情况报告如下：\n一、加强学习')
    expect(o.preamble.map(blockText)).toEqual(['尊敬的各位领导：', '现将本人履职情况报告如下：'])
  })
})

import { describe, expect, it } from 'vitest'
import { textToLines } from './lines'
import { hasSubject, parsePieceMarker, splitReports } from './split'
import { unwrapLines } from './unwrap'

const split = (text: string) => {
  const r = splitReports(unwrapLines(textToLines(text)))
  return { chunks: r.chunks.map((c) => ({ title: c.title, first: c.lines[0]?.text, n: c.lines.length })), removed: r.removed }
}

const body = (topic: string): string =>
  `今年以来，我们围绕${topic}开展了大量工作，取得了明显成效，现总结如下：\n一、主要做法\n${topic}工作扎实推进，各项措施落实到位。\n二、存在问题\n${topic}工作仍有不足之处，需要改进。`

describe('splitReports', () => {
  it('splits titles numbered within a collection (…总结1, …总结2) and drops the page header', () => {
    const text = `学校工作总结合集\n\n学校工作总结1\n${body('安全')}\n\n学校工作总结2\n${body('德育')}\n\n学校工作总结3\n${body('教学')}`
    const r = split(text)
    expect(r.chunks.map((c) => c.first)).toEqual(['学校工作总结1', '学校工作总结2', '学校工作总结3'])
    expect(r.removed).toEqual(['学校工作总结合集'])
  })

  it('keeps the parts of one document (第一部分 2023年工作总结, 第二部分 2024年工作要点) in one report', () => {
    const text = `市教育局2023年工作总结和2024年工作要点\n2023年，市教育局推动全市教育高质量发展。\n第一部分　2023年工作总结\n${body('投入')}\n第二部分　2024年工作要点\n一、着力推进基础教育扩优提质\n二、着力加强教师队伍建设\n三、着力维护教育系统安全稳定`
    const r = split(text)
    expect(r.chunks.map((c) => c.first)).toEqual(['市教育局2023年工作总结和2024年工作要点'])
    expect(r.removed).toEqual([])
  })

  it('splits on 篇一/篇二 with the title on the next line', () => {
    const r = split(`篇一\n2023年安全工作总结\n${body('安全')}\n篇二\n2023年德育工作总结\n${body('德育')}`)
    expect(r.chunks.map((c) => c.first)).toEqual(['2023年安全工作总结', '2023年德育工作总结'])
    expect(r.removed).toEqual(['篇一', '篇二'])
  })

  it('splits on 【篇一】 carrying its title', () => {
    const r = split(`【篇一】2023年安全工作总结\n${body('安全')}\n【篇二】：2023年德育工作总结\n${body('德育')}`)
    expect(r.chunks.map((c) => c.title)).toEqual(['2023年安全工作总结', '2023年德育工作总结'])
    expect(r.removed).toEqual(['【篇一】', '【篇二】：'])
  })

  it('skips a list of contents made of piece markers', () => {
    const r = split(`【篇一】2023年安全工作总结\n【篇二】2023年德育工作总结\n【篇一】2023年安全工作总结\n${body('安全')}\n【篇二】2023年德育工作总结\n${body('德育')}`)
    expect(r.chunks.map((c) => c.title)).toEqual(['2023年安全工作总结', '2023年德育工作总结'])
    expect(r.removed).toEqual(['【篇一】2023年安全工作总结', '【篇二】2023年德育工作总结', '【篇一】', '【篇二】'])
  })

  it('splits on 第一篇 / 第二篇', () => {
    expect(split(`第一篇 安全工作总结\n${body('安全')}\n第二篇 德育工作总结\n${body('德育')}`).chunks).toHaveLength(2)
  })

  it('skips a list of contents at the top and splits where each report really starts', () => {
    const text = `工作总结1\n工作总结2\n工作总结1\n${body('安全')}\n工作总结2\n${body('德育')}`
    const r = split(text)
    expect(r.chunks).toHaveLength(2)
    expect(r.removed).toEqual(['工作总结1', '工作总结2'])
  })

  it('splits concatenated reports at a title with a subject of its own, where numbering starts over', () => {
    const text = `教育局推进城乡教育工作总结\n${body('学区建设')}\n\n教育局关于教师资格认定工作总结\n${body('资格认定')}\n\n体育教育专业教育实习总结-实习总结\n${body('实习')}`
    expect(split(text).chunks.map((c) => c.first)).toEqual([
      '教育局推进城乡教育工作总结',
      '教育局关于教师资格认定工作总结',
      '体育教育专业教育实习总结-实习总结'
    ])
  })

  it('does not split at a part of one report (a plan with no subject, or numbering that carries on)', () => {
    const plan = `2024年工作总结及2025年工作计划\n${body('教育')}\n2025年工作计划\n一、指导思想\n坚持立德树人，办好人民满意的教育。`
    expect(split(plan).chunks).toHaveLength(1)
    const carryOn = `学校2024年工作总结\n${body('教学')}\n教师队伍建设心得体会\n三、下一步打算\n继续加强教师队伍建设，提高教学质量。`
    expect(split(carryOn).chunks).toHaveLength(1)
  })

  it('never splits a single report', () => {
    expect(split(`2024年上半年教育工作总结\n${body('教育')}`).chunks).toHaveLength(1)
  })
})

describe('piece markers and subjects', () => {
  it.each([
    ['篇一', 1, ''],
    ['【篇二】', 2, ''],
    ['【篇三】2023年工作总结', 3, '2023年工作总结'],
    ['篇十：教师述职报告', 10, '教师述职报告'],
    ['第二篇 德育工作总结', 2, '德育工作总结'],
    ['范文三', 3, '']
  ])('%s', (text, ordinal, title) => {
    expect(parsePieceMarker(text)).toEqual({ ordinal, title })
  })

  it('is not fooled by ordinary sentences', () => {
    expect(parsePieceMarker('第一，加强领导。')).toBeNull()
    expect(parsePieceMarker('篇幅有限，不再赘述。')).toBeNull()
  })

  it('tells a report title from a period-and-kind heading', () => {
    expect(hasSubject('教育局关于教师资格认定工作总结')).toBe(true)
    expect(hasSubject('2025年工作计划')).toBe(false)
    expect(hasSubject('上半年工作总结')).toBe(false)
    expect(hasSubject('个人述职报告')).toBe(false)
  })
})

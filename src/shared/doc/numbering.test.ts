import { describe, expect, it } from 'vitest'
import { section } from './model'
import { chineseNumeral, markerFor, markersForFlatLevels, numberSections, parentsOfFlat, parseChineseNumeral, runInHeadingSentence, runInSplit } from './numbering'

describe('Chinese numerals', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九']
  ])('%i is %s and parses back', (n, s) => {
    expect(chineseNumeral(n)).toBe(s)
    expect(parseChineseNumeral(s)).toBe(n)
  })
  it('rejects what is not a numeral', () => {
    expect(parseChineseNumeral('十十')).toBeNull()
    expect(parseChineseNumeral('')).toBeNull()
    expect(parseChineseNumeral('两')).toBeNull()
    expect(() => chineseNumeral(0)).toThrow()
  })
})

describe('markers', () => {
  it('follow the four 公文 styles', () => {
    expect([markerFor(1, 3), markerFor(2, 3), markerFor(3, 3), markerFor(4, 3)]).toEqual(['三、', '（三）', '3.', '（3）'])
  })

  it('renumber from the structure, each level counting among its siblings', () => {
    const tree = [
      section(1, 'A', [], [section(2, 'A1'), section(3, 'A-direct'), section(2, 'A2', [], [section(3, 'x'), section(3, 'y', [], [section(4, 'z')])])]),
      section(1, 'B')
    ]
    expect(numberSections(tree).map((n) => n.path.join(' > '))).toEqual([
      '一、',
      '一、 > （一）',
      '一、 > 1.',
      '一、 > （二）',
      '一、 > （二） > 1.',
      '一、 > （二） > 2.',
      '一、 > （二） > 2. > （1）',
      '二、'
    ])
  })

  it('moving a section renumbers everything after it', () => {
    const a = section(1, 'A')
    const b = section(1, 'B')
    const c = section(1, 'C')
    expect(numberSections([c, a, b]).map((n) => `${n.marker}${n.section.title}`)).toEqual(['一、C', '二、A', '三、B'])
  })

  it('flat levels give the same numbers as the nested tree', () => {
    const levels = [1, 2, 3, 3, 2, 1, 3, 4, 2] as const
    expect(parentsOfFlat(levels)).toEqual([-1, 0, 1, 1, 0, -1, 5, 6, 5])
    expect(markersForFlatLevels(levels)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '二、', '1.', '（1）', '（一）'])
  })
})

describe('run-in headings', () => {
  it('end at the first sentence mark', () => {
    expect(runInSplit('科学管理，质量提升明显。以课堂为抓手。')).toEqual({ title: '科学管理，质量提升明显', rest: '以课堂为抓手。' })
    expect(runInSplit('为什么要改？因为……')).toEqual({ title: '为什么要改？', rest: '因为……' })
    expect(runInSplit('没有句号的标题')).toEqual({ title: '没有句号的标题', rest: '' })
  })
  it('print with a 。 unless they already end a sentence', () => {
    expect(runInHeadingSentence('加强领导')).toBe('加强领导。')
    expect(runInHeadingSentence('为什么要改？')).toBe('为什么要改？')
  })
})

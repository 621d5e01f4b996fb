import { describe, expect, it } from 'vitest'
import { section, type HeadingLevel, type Section } from '../../doc/model'
import { findingsOf, reportOf } from '../testing'

function marked(level: HeadingLevel, marker: string, title: string, children: Section[] = []): Section {
  const s = section(level, title, [], children)
  s.sourceMarker = marker
  return s
}

describe('mixed-numbering', () => {
  it('flags the heading whose marker style differs from its level’s usual one', () => {
    const odd = marked(3, '2、', '项目申报制')
    const r = reportOf([], [marked(1, '一、', 'A', [marked(3, '1.', '现场办公制'), odd, marked(3, '3.', '人才引进')])])
    const fs = findingsOf(r, 'mixed-numbering')
    expect(fs).toHaveLength(1)
    expect(fs[0].anchor.sectionId).toBe(odd.id)
    expect(fs[0].message).toBe('同级标题编号写法不一致：此处为“2、”，同级标题多用“1.”这种写法')
    expect(fs[0].path).toEqual(['一、A', '2.项目申报制'])
  })

  it('compares a level across the whole report, and tells half-width brackets apart', () => {
    const r = reportOf([], [marked(1, '一、', 'A', [marked(2, '（一）', 'a')]), marked(1, '二、', 'B', [marked(2, '(一)', 'b'), marked(2, '（二）', 'c')])])
    expect(findingsOf(r, 'mixed-numbering').map((f) => f.excerpt)).toEqual(['(一)b'])
  })

  it('accepts one style per level, even a non-standard one, and different styles on different levels', () => {
    const r = reportOf([], [
      marked(1, '一、', 'A', [marked(2, '(一)、', 'a', [marked(3, '1、', 'x'), marked(3, '2、', 'y')]), marked(2, '(二)、', 'b')]),
      marked(1, '二、', 'B')
    ])
    expect(findingsOf(r, 'mixed-numbering')).toEqual([])
  })

  it('treats a space after the number as its own style', () => {
    const r = reportOf([], [marked(1, '一、', 'A'), marked(1, '二 ', 'B'), marked(1, '三、', 'C')])
    expect(findingsOf(r, 'mixed-numbering').map((f) => f.excerpt)).toEqual(['二B'])
  })
})

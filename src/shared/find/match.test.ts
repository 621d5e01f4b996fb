import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DEFAULT_FIND_OPTIONS, findAll, foldText } from './match'

describe('find matching', () => {
  it('finds every occurrence, not overlapping', () => {
    expect(findAll('教师培训，教师培训，教师', '教师', DEFAULT_FIND_OPTIONS)).toEqual([[0, 2], [5, 7], [10, 12]])
    expect(findAll('aaaa', 'aa', DEFAULT_FIND_OPTIONS)).toEqual([[0, 2], [2, 4]])
    expect(findAll('教师', '', DEFAULT_FIND_OPTIONS)).toEqual([])
  })

  it('treats full-width and half-width forms alike only when asked', () => {
    const text = '投入１２００万元，比去年增长12%，ＡＩ教室30间'
    expect(findAll(text, '1200', DEFAULT_FIND_OPTIONS)).toEqual([[2, 6]])
    expect(findAll(text, 'ai', DEFAULT_FIND_OPTIONS)).toEqual([[18, 20]])
    expect(findAll(text, '12%，', DEFAULT_FIND_OPTIONS)).toEqual([[14, 18]])
    expect(findAll(text, '1200', { matchCase: false, widthInsensitive: false })).toEqual([])
    expect(findAll('第一　二', '一 二', DEFAULT_FIND_OPTIONS)).toEqual([[1, 4]])
  })

  it('matches case only when asked', () => {
    expect(findAll('PPT 与 ppt', 'ppt', DEFAULT_FIND_OPTIONS)).toEqual([[0, 3], [6, 9]])
    expect(findAll('PPT 与 ppt', 'ppt', { matchCase: true, widthInsensitive: true })).toEqual([[6, 9]])
  })

  it('keeps offsets: folded text is as long as the text, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), fc.boolean(), (t, matchCase, widthInsensitive) => {
        expect(foldText(t, { matchCase, widthInsensitive })).toHaveLength(t.length)
      })
    )
  })
})

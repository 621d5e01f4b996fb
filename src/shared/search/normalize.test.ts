import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldText, queryTerms } from './normalize'

describe('foldText', () => {
  it('folds full-width ASCII, case and spaces, and leaves Chinese alone', () => {
    expect(foldText('ＷＰＳ２０２４（一）Ａｂ')).toBe('wps2024(一)ab')
    expect(foldText('教师\u3000培训\n\t')).toBe('教师 培训  ')
    const plain = '教师培训'
    expect(foldText(plain)).toBe(plain)
  })

  it('keeps the length, so offsets into the folded text are offsets into the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(foldText(s).length).toBe(s.length)
      })
    )
  })
})

describe('queryTerms', () => {
  it('splits on any whitespace, folds, and drops duplicates', () => {
    expect(queryTerms('  教师培训\u3000入园率  教师培训 ＷＰＳ ')).toEqual(['教师培训', '入园率', 'wps'])
    expect(queryTerms(' \u3000\n')).toEqual([])
  })
})

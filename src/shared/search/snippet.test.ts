import { describe, expect, it } from 'vitest'
import { makeSnippet } from './snippet'

describe('makeSnippet', () => {
  it('shows a short passage whole, without ellipses', () => {
    const text = '开展教师培训。'
    const s = makeSnippet(text, ['教师培训'], 2, 4)
    expect(s.text).toBe(text)
    expect(s.highlights).toEqual([[2, 6]])
  })

  it('turns line breaks into spaces one for one', () => {
    const text = '主要做法\n开展教师培训。'
    const s = makeSnippet(text, ['教师培训'], 7, 4)
    expect(s.text).toBe('主要做法 开展教师培训。')
    expect(s.text.slice(...s.highlights[0])).toBe('教师培训')
  })

  it('never cuts a surrogate pair at the window edge', () => {
    const text = '𠮷'.repeat(60) + '教师培训' + '𠮷'.repeat(60)
    const s = makeSnippet(text, ['教师培训'], 120, 4, 20)
    expect(s.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect(s.text.slice(...s.highlights[0])).toBe('教师培训')
  })

  it('keeps adjacent matches as separate highlights and merges overlapping ones', () => {
    const text = '工作工作总结'
    const s = makeSnippet(text, ['工作', '工作总结'], 0, 2)
    expect(s.highlights).toEqual([
      [0, 2],
      [2, 6]
    ])
    const t = makeSnippet(text, ['工作'], 0, 2)
    expect(t.highlights).toEqual([
      [0, 2],
      [2, 4]
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { formatNumber, ListCounter, numberFormatFromName, type ListLevel } from './list-numbering'

const level = (format: ListLevel['format'], text: string, extra: Partial<ListLevel> = {}): ListLevel => ({ start: 1, format, text, ...extra })

describe('formatNumber', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [12, 'chineseCounting', '十二'],
    [20, 'chineseCountingThousand', '二十'],
    [105, 'chineseCountingThousand', '一百零五'],
    [3, 'chineseLegalSimplified', '叁'],
    [3, 'ideographTraditional', '丙'],
    [12, 'decimalFullWidth', '１２'],
    [3, 'decimalEnclosedCircle', '③'],
    [3, 'decimalEnclosedParen', '(3)'],
    [3, 'decimalEnclosedFullstop', '3.'],
    [4, 'upperRoman', 'IV'],
    [27, 'lowerLetter', 'aa'],
    [7, 'decimalZero', '07']
  ] as const)('%i as %s is %s', (n, format, out) => {
    expect(formatNumber(n, format)).toBe(out)
  })

  it('reads WPS and Word format names, falling back to digits', () => {
    expect(numberFormatFromName('taiwaneseCounting')).toBe('chineseCounting')
    expect(numberFormatFromName('somethingNew')).toBe('decimal')
  })
})

describe('ListCounter', () => {
  const outline = [level('chineseCounting', '%1、'), level('chineseCounting', '（%2）'), level('decimal', '%3.'), level('decimal', '（%4）')]

  it('counts each level and starts a level over when a higher one is used', () => {
    const c = new ListCounter()
    const labels = [0, 1, 2, 2, 3, 1, 2, 0, 1].map((l) => c.next('a', outline, l))
    expect(labels).toEqual(['一、', '（一）', '1.', '2.', '（1）', '（二）', '1.', '二、', '（一）'])
  })

  it('lets two instances of one list continue each other, and restarts where an instance overrides the start', () => {
    const c = new ListCounter()
    expect([c.next('a', outline, 0, 'num1'), c.next('a', outline, 0, 'num2'), c.next('a', outline, 0, 'num3', new Map([[0, 1]])), c.next('a', outline, 0, 'num3', new Map([[0, 1]]))]).toEqual(['一、', '二、', '一、', '二、'])
  })

  it('shows every level a template names, and legal numbering in digits', () => {
    const c = new ListCounter()
    const two = [level('decimal', '%1.'), level('decimal', '%1.%2')]
    expect([c.next('b', two, 0), c.next('b', two, 1), c.next('b', two, 1)]).toEqual(['1.', '1.1', '1.2'])
    const legal = [level('chineseCounting', '%1、'), level('decimal', '%1.%2', { legal: true })]
    expect([c.next('c', legal, 0), c.next('c', legal, 1)]).toEqual(['一、', '1.1'])
  })

  it('keeps a level that never restarts counting across higher levels', () => {
    const c = new ListCounter()
    const levels = [level('chineseCounting', '%1、'), level('decimal', '%2.', { restartAfter: 0 })]
    expect([0, 1, 1, 0, 1].map((l) => c.next('d', levels, l))).toEqual(['一、', '1.', '2.', '二、', '3.'])
  })

  it('shows nothing for a bullet', () => {
    expect(new ListCounter().next('e', [level('bullet', '•')], 0)).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { emptyReport, paragraph, section } from './model'
import { WIDE, gridWidth, paragraphLines, printedWidth, reportLines, reportStats, sectionWordCount, wordCount } from './stats'

describe('word count as Word counts 字数', () => {
  it('counts each Chinese character and full-width mark as one', () => {
    expect(wordCount('教育局工作总结')).toBe(7)
    expect(wordCount('入园率，提升。')).toBe(7)
  })
  it('counts a run of Latin letters or digits as one', () => {
    expect(wordCount('投入6267.4万元')).toBe(5)
    expect(wordCount('使用 WPS 和 Word 2019')).toBe(6)
    expect(wordCount('')).toBe(0)
  })
})

describe('page estimate on the 22 × 28 grid', () => {
  it('measures half-width characters as half a cell', () => {
    expect(gridWidth('2024年')).toBe(3)
  })
  it('wraps a paragraph after 28 cells including the 2-character indent', () => {
    expect(paragraphLines('字'.repeat(26))).toBe(1)
    expect(paragraphLines('字'.repeat(27))).toBe(2)
  })
  it('gives one page for a short report and more for a long one', () => {
    const short = emptyReport({ title: '工作总结' })
    short.sections = [section(1, '基本情况', [paragraph('正文。')])]
    expect(reportStats(short).pages).toBe(1)
    const long = emptyReport({ title: '工作总结' })
    // 100 paragraphs of 3 full lines each = 300 lines ≈ 14 pages.
    long.preamble = Array.from({ length: 100 }, () => paragraph('字'.repeat(28 * 3 - 2)))
    expect(reportStats(long).pages).toBe(Math.ceil((300 + 2) / 22))
  })
  it('counts headings with their numbers and sections with their children', () => {
    const r = emptyReport({ title: '总结' })
    r.sections = [section(1, '情况', [paragraph('好。')], [section(2, '细节', [paragraph('很好。')])])]
    expect(sectionWordCount(r.sections[0])).toBe(2 + 2 + 2 + 3)
    expect(reportStats(r).characters).toBe(2 + 2 + 2 + 2 + 3 + 2 + 3)
    expect(reportLines(r)).toEqual(['总结', '一、情况', '好。', '（一）细节', '很好。'])
  })
})

/** The counters as first written: a regex test per code point. The table-driven ones must agree. */
const reference = {
  wordCount(text: string): number {
    let count = 0
    let inWord = false
    for (const ch of text) {
      if (WIDE.test(ch)) {
        count++
        inWord = false
      } else if (/\s/.test(ch)) inWord = false
      else if (!inWord) {
        count++
        inWord = true
      }
    }
    return count
  },
  gridWidth(text: string): number {
    let w = 0
    for (const ch of text) w += WIDE.test(ch) ? 1 : 0.5
    return w
  },
  printedWidth(text: string): number {
    let w = 0
    let prev: boolean | null = null
    for (const ch of text) {
      const wide = WIDE.test(ch)
      w += wide ? 1 : 0.5
      const kind = /\s/.test(ch) ? null : wide
      if (kind !== null && prev !== null && kind !== prev) w += 0.25
      prev = kind
    }
    return w
  }
}

describe('the table-driven counters', () => {
  // Report-like text: CJK, punctuation of both widths, digits, Latin, every kind of space,
  // characters beyond the BMP (wide and not) and lone surrogates.
  const pieces = fc.constantFrom('教', '育', '，', '。', '“', '”', '、', '—', '…', '·', '６', 'Ａ', '6', '.', 'W', 'x', ' ', '\u3000', '\u00a0', '\t', '\n', '\u2028', '\ufeff', '𠀀', '𪚥', '😀', '\ud800', '\udc00', 'ア', 'ㄅ', '가', 'é')
  const text = fc.oneof(fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 60 }))

  it('count and measure exactly as a regex test per character does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(wordCount(t)).toBe(reference.wordCount(t))
        expect(gridWidth(t)).toBe(reference.gridWidth(t))
        expect(printedWidth(t)).toBe(reference.printedWidth(t))
      }),
      { numRuns: 3000 }
    )
  })

  it('agree on every single BMP character', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c)
      if (wordCount(ch) !== reference.wordCount(ch) || printedWidth(ch + 'a') !== reference.printedWidth(ch + 'a')) {
        throw new Error(`U+${c.toString(16)} differs`)
      }
    }
  })
})

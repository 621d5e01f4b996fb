import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { LINES_PER_PAGE, pageOf, paginate, type LayoutBlock } from './paginate'

const para = (lines: number, keepWithNext = false): LayoutBlock => ({ heights: Array(lines).fill(1), keepWithNext })

describe('paginate', () => {
  it('fills pages to 22 lines, breaking inside paragraphs (no widow control)', () => {
    expect(paginate([para(22)])).toEqual({ pages: 1, breaks: [] })
    expect(paginate([para(10), para(13)])).toEqual({ pages: 2, breaks: [{ block: 1, line: 12 }] })
    expect(paginate([para(45)]).breaks).toEqual([{ block: 0, line: 22 }, { block: 0, line: 44 }])
    expect(paginate([]).pages).toBe(1)
  })

  it('keeps a heading with the paragraph after it', () => {
    // The heading would be the page's last line: it moves to the next page with its text.
    const p = paginate([para(21), para(1, true), para(5)])
    expect(p.breaks).toEqual([{ block: 1, line: 0 }])
    // A chain of headings moves together.
    expect(paginate([para(20), para(1, true), para(1, true), para(5)]).breaks).toEqual([{ block: 1, line: 0 }])
  })

  it('keeps the last line of a keep paragraph with the next block (the tail before the signature)', () => {
    const p = paginate([para(18), para(4, true), para(1, true), para(1)])
    // 18 + 4 = 22 fill the page; the blank and the date would start page 2 alone: the paragraph's last line comes along.
    expect(p.breaks).toEqual([{ block: 1, line: 3 }])
  })

  it('breaks where it overflows when a keep chain is longer than a page', () => {
    const chain = Array.from({ length: 30 }, () => para(1, true))
    expect(paginate([...chain, para(1)]).breaks).toEqual([{ block: 22, line: 0 }])
  })

  it('moves a table row that does not fit to the next page whole', () => {
    const table: LayoutBlock = { heights: [1.4, 1.4, 2.8], keepWithNext: false }
    expect(paginate([para(19), table]).breaks).toEqual([{ block: 1, line: 2 }])
  })

  it('never puts more than a page on a page, nor leaves one empty, whatever the blocks', () => {
    const block = fc.record({ heights: fc.array(fc.constantFrom(1, 1, 1, 1.3, 2.6), { minLength: 1, maxLength: 30 }), keepWithNext: fc.boolean() })
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), (blocks) => {
        const p = paginate(blocks)
        const starts = [{ block: 0, line: 0 }, ...p.breaks]
        const flat = blocks.flatMap((b, block) => b.heights.map((h, line) => ({ block, line, h })))
        for (let k = 0; k < starts.length; k++) {
          const from = flat.findIndex((s) => s.block === starts[k].block && s.line === starts[k].line)
          const to = k + 1 < starts.length ? flat.findIndex((s) => s.block === starts[k + 1].block && s.line === starts[k + 1].line) : flat.length
          const used = flat.slice(from, to)
          if (flat.length) expect(used.length).toBeGreaterThan(0)
          // Over a page only when one row is taller than a page by itself.
          if (used.length > 1) expect(used.reduce((s, x) => s + x.h, 0)).toBeLessThanOrEqual(LINES_PER_PAGE + 0.02)
        }
        expect(pageOf(p, flat.at(-1) ?? { block: 0, line: 0 })).toBe(p.pages)
      })
    )
  })
})

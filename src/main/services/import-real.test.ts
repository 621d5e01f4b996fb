/**
 * Real files from outside (../shared/corpus/real): web pages from many sites, a Word 97 .doc
 * saved by WPS, a .docx numbered by Word, Markdown, and GBK/Big5 copies, each with its
 * expected outline. Every file is read, and over the set the headings score F1 ≥ 0.95, every
 * title is right, no page noise is kept and no text is lost, as the issue measures it
 * (shared/tools/outline_set.py).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { outlineJson } from '../../shared/import/outline-json'
import { scoreOutline, type GoldOutline, type OutlineScore } from '../../shared/import/score'
import { readReportFile } from './import-files'
import { corpusPath, haveCorpus } from './testing/corpus'

const dir = corpusPath('real')
const golds = haveCorpus('import-real.test') ? readdirSync(dir).filter((f) => f.endsWith('.outline.json')).sort() : []
const sourceOf = (gold: string): string => readdirSync(dir).find((f) => f !== gold && f.startsWith(gold.replace(/\.outline\.json$/, '.')))!

describe.skipIf(!golds.length)('real files from outside', () => {
  const scores = new Map<string, OutlineScore>()
  const score = async (gold: string): Promise<OutlineScore> => {
    const hit = scores.get(gold)
    if (hit) return hit
    const s = scoreOutline(JSON.parse(readFileSync(join(dir, gold), 'utf8')) as GoldOutline, outlineJson(await readReportFile(join(dir, sourceOf(gold)))))
    scores.set(gold, s)
    return s
  }

  it.each(golds)('%s is read, with its title right, no noise kept and no text lost', async (gold) => {
    const s = await score(gold)
    expect(s.leaks).toEqual([])
    expect(s.lost).toEqual([])
    expect(s.titlesFound).toBe(s.goldReports)
    expect(s.reports).toBe(s.goldReports)
  })

  it('scores heading F1 ≥ 0.95 over the whole set', async () => {
    let common = 0
    let gold = 0
    let found = 0
    for (const g of golds) {
      const s = await score(g)
      common += s.common
      gold += s.gold
      found += s.found
    }
    expect(gold).toBeGreaterThan(50)
    expect((2 * common) / (gold + found)).toBeGreaterThanOrEqual(0.95)
  })
})

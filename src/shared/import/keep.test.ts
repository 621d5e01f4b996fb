import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CORPUS_DIR, haveCorpus } from '../../main/services/testing/corpus'
import { describe, expect, it } from 'vitest'
import { reportLines } from '../doc/stats'
import { importLines } from './import'
import { textToLines } from './lines'

const corpus = (prefix: string) => {
  const dir = CORPUS_DIR
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!
  return readFileSync(resolve(dir, name), 'utf-8')
}

const allText = (r: ReturnType<typeof importLines>) => r.reports.flatMap(reportLines).join('\n')

describe('putting back a line the importer removed as noise', () => {
  it('a removed line kept by the user is no longer removed and reaches the report text', () => {
    const lines = textToLines(
      ['2024年工作总结', '今年以来，我局认真工作。', '一、主要工作', '下面是小编整理的相关文章，欢迎阅读。', '全年培训教师700余名。', '二、存在问题', '经费不足。'].join('\n')
    )
    const first = importLines(lines)
    expect(first.removed).toContain('下面是小编整理的相关文章，欢迎阅读。')
    const again = importLines(lines, { keep: new Set(['下面是小编整理的相关文章，欢迎阅读。']) })
    expect(again.removed).not.toContain('下面是小编整理的相关文章，欢迎阅读。')
    expect(allText(again)).toContain('下面是小编整理的相关文章，欢迎阅读。')
    // Everything else is read as before.
    expect(again.reports[0].sections.map((s) => s.title)).toEqual(first.reports[0].sections.map((s) => s.title))
  })

  it.skipIf(!haveCorpus('keep.test'))('works on a real file: each removed line of corpus 000 can be put back on its own', () => {
    const lines = textToLines(corpus('000_'))
    const first = importLines(lines)
    const restorable = first.removed.filter((line) => {
      const again = importLines(lines, { keep: new Set([line]) })
      return !again.removed.includes(line) && allText(again).includes(line)
    })
    // Whole noise lines (breadcrumbs, blurbs, dates, related lists) all come back when kept.
    expect(restorable.length).toBeGreaterThanOrEqual(Math.floor(first.removed.length * 0.6))
  })
})

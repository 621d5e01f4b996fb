import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CORPUS_DIR, haveCorpus } from '../../main/services/testing/corpus'
import { describe, expect, it } from 'vitest'
import { reportLines } from '../doc/stats'
import { importLines } from './import'
import { textToLines } from './lines'

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

  // Every line the importer removed from a real file can be put back on its own, whichever stage removed it
  // (noise, page chrome above the title, a title's decorations, pinyin glosses). Restored text that reads as a
  // heading shows the app's own number, so the comparison leaves the marker and the closing 。 aside.
  const files = haveCorpus('keep.test') ? [...readdirSync(CORPUS_DIR).map((f) => resolve(CORPUS_DIR, f)), ...readdirSync(resolve(CORPUS_DIR, 'real')).map((f) => resolve(CORPUS_DIR, 'real', f))].filter((f) => f.endsWith('.txt')) : []
  const squash = (t: string): string => t.replace(/\s+/g, '').replace(/^[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．]?/, '').replace(/[。！？]$/, '')
  it.skipIf(!files.length).each(files.map((f) => [f.split('/').pop()!, f]))('each removed line of %s can be put back on its own', (_name, file) => {
    const lines = textToLines(readFileSync(file, 'utf-8'))
    const first = importLines(lines)
    // Chunk counters go as a run: putting one back leaves the others removed, so they are not put back alone.
    const lost = first.removed
      .filter((line) => !/^\d{1,3}[、.．]$/.test(line))
      .filter((line) => {
        const again = importLines(lines, { keep: new Set([line]) })
        return again.removed.includes(line) || !squash(allText(again)).includes(squash(line))
      })
    expect(lost).toEqual([])
  })
})

import * as fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyReport, paragraph, section, type Report } from '../../shared/doc/model'
import { applyFixes, anchorText, runChecks } from '../../shared/checks/index'
import { isUserError } from '../../shared/errors'
import type { ImportResult } from '../../shared/import/types'
import { readReportFile } from '../../main/services/import-files'
import { corpusPath, haveCorpus } from '../../main/services/testing/corpus'
import { UsageError } from '../usage'
import { checkCommand, formatJson, formatText, parseCheckArgs } from './check'

const HAVE_CORPUS = haveCorpus('check.test')
const corpus = (name: string) => corpusPath(name)

function sample(): ImportResult {
  const a = emptyReport({ title: '2024年工作总结' })
  a.preamble = [paragraph('为__名学生办理贷款,成效明显。')]
  a.sections = [section(1, '主要做法', [paragraph('会议于2024-03-12召开。')])]
  const b = emptyReport({ title: '第二篇' })
  b.preamble = [paragraph('全部正确的内容。')]
  return { reports: [a, b], removed: [] }
}

describe('check command', () => {
  let out: string[]
  let dir: string
  beforeEach(async () => {
    out = []
    dir = await fs.mkdtemp(join(tmpdir(), 'zongjie-check-'))
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk))
      return true
    })
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await fs.rm(dir, { recursive: true, force: true })
  })

  it('rejects bad usage with a UsageError', () => {
    expect(() => parseCheckArgs([])).toThrow(UsageError)
    expect(() => parseCheckArgs(['a.txt', 'b.txt'])).toThrow(UsageError)
    expect(() => parseCheckArgs(['a.txt', '--xml'])).toThrow(UsageError)
    expect(parseCheckArgs(['--json', 'a.txt'])).toEqual({ file: 'a.txt', json: true })
  })

  it('prints JSON findings over all reports with rule, message, path, excerpt', () => {
    const { findings } = JSON.parse(formatJson(sample()))
    expect(findings.map((f: { rule: string; report: number }) => [f.rule, f.report])).toEqual([
      ['placeholder', 0],
      ['halfwidth-punctuation', 0],
      ['date-format', 0]
    ])
    expect(findings[2]).toMatchObject({ path: ['一、主要做法'], excerpt: '会议于2024-03-12召开。', fix: { replacement: '2024年3月12日' } })
    expect(Object.keys(findings[0])).toEqual(expect.arrayContaining(['rule', 'message', 'path', 'excerpt', 'anchor']))
  })

  it('prints a readable list grouped by report and section', () => {
    const text = formatText(sample())
    expect(text).toContain('《2024年工作总结》 共 3 处问题')
    expect(text).toContain('  标题与开头\n    · [未填占位符]')
    expect(text).toContain('  一、主要做法\n    · [日期格式]')
    expect(text).toContain('《第二篇》 未发现问题')
  })

  it('reads a file and writes to stdout; bad input is a UserError', async () => {
    const file = join(dir, '总结.txt')
    await fs.writeFile(file, '2024年工作总结\n\n今年,我们完成了__项任务。\n')
    await checkCommand([file, '--json'])
    const { findings } = JSON.parse(out.join(''))
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['placeholder', 'halfwidth-punctuation']))
    const missing = await checkCommand([join(dir, '没有.txt')]).catch((e: unknown) => e)
    expect(isUserError(missing)).toBe(true)
  })
})

describe.skipIf(!HAVE_CORPUS)('checks on the corpus, through the importer', () => {
  const load = async (name: string): Promise<Report[]> => (await readReportFile(corpus(name))).reports

  it('finds 004’s （二）→（四） gap', async () => {
    const reports = await load('004_97398b577f92e038.txt')
    const gaps = reports.flatMap((r) => runChecks(r).filter((f) => f.rule === 'numbering-gap'))
    expect(gaps).toHaveLength(1)
    expect(gaps[0].message).toMatch(/[（(]二[）)].*之后是.*[（(]四[）)]/)
    expect(gaps[0].excerpt).toContain('总结阶段')
  })

  it('finds 000’s __ placeholders', async () => {
    const reports = await load('000_6ed1b8db470e6e1e.txt')
    const blanks = reports.map((r) => runChecks(r).filter((f) => f.rule === 'placeholder'))
    expect(blanks.every((b) => b.length > 0)).toBe(true)
    expect(blanks.flat().some((f) => f.excerpt.includes('__年是“__”规划'))).toBe(true)
    expect(blanks.flat().filter((f) => /20__/.test(f.message)).length).toBeGreaterThan(0)
  })

  it('finds 002’s traditional text in a report marked simplified, and its 后 when marked traditional', async () => {
    const [report] = await load('002_c4cd4b13c976cb24.txt')
    const asSimplified: Report = { ...report, meta: { ...report.meta, script: 'simplified' } }
    const mixed = runChecks(asSimplified).filter((f) => f.rule === 'mixed-script')
    const paragraphs = report.preamble.length + report.sections.reduce(function count(n, s): number {
      return s.children.reduce(count, n + 1 + s.blocks.length)
    }, 0)
    expect(mixed.length).toBeGreaterThan(paragraphs / 2)
    expect(mixed.some((f) => /\d+个繁体字/.test(f.message))).toBe(true)
    const asTraditional: Report = { ...report, meta: { ...report.meta, script: 'traditional' } }
    expect(runChecks(asTraditional).filter((f) => f.rule === 'mixed-script').map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('简体字：后')])
    )
  })

  it('fixes the half-width commas of every corpus file', async () => {
    for (const name of ['000_6ed1b8db470e6e1e.txt', '002_c4cd4b13c976cb24.txt', '004_97398b577f92e038.txt']) {
      for (const report of await load(name)) {
        const fs = runChecks(report, { rules: ['halfwidth-punctuation'] })
        expect(fs.length).toBeGreaterThan(0)
        const byUnit = new Map<string, typeof fs>()
        for (const f of fs) {
          const key = `${f.anchor.sectionId}|${f.anchor.part}`
          byUnit.set(key, [...(byUnit.get(key) ?? []), f])
        }
        for (const group of byUnit.values()) {
          const fixed = applyFixes(anchorText(report, group[0].anchor)!, group)
          expect(fixed).not.toMatch(/\p{Script=Han},\p{Script=Han}/u)
        }
      }
    }
  })
})

/**
 * Export timings on a ~100-page report (sampleReport): the .docx exporter (10 runs after one
 * warm-up), the HTML print view, and beside them pandoc turning the same content, as Markdown
 * (reportToMarkdown), into a .docx — a reference for what a general-purpose converter costs,
 * process start included. Collected by the bench runner; never part of the tests' pass/fail.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { reportToDocx } from '../src/main/services/export-docx'
import { reportStats } from '../src/shared/doc/stats'
import { reportToHtml } from '../src/shared/export/html'
import { sampleReport } from '../src/shared/export/sample-report'
import { reportToMarkdown } from '../src/shared/export/text'

const run = promisify(execFile)

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  return samples
}

export async function benchExport(): Promise<{ name: string; samples: number[] }[]> {
  const report = sampleReport({ pages: 100 })
  const pages = reportStats(report).pages
  await reportToDocx(report) // warm-up: module init, JIT
  const results = [
    { name: `reportToDocx, ${pages}-page report (ms)`, samples: await time(10, () => reportToDocx(report)) },
    { name: `reportToHtml (print view), ${pages}-page report (ms)`, samples: await time(10, () => reportToHtml(report, { print: true })) }
  ]

  const hasPandoc = (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, 'pandoc')))
  if (!hasPandoc) {
    console.warn('benchExport: pandoc is not on PATH; the pandoc comparison is skipped')
    results.push({ name: 'pandoc -f markdown -t docx (skipped: pandoc not on PATH)', samples: [] })
    return results
  }
  const dir = await fs.mkdtemp(join(tmpdir(), 'zongjie-bench-'))
  try {
    const md = join(dir, 'report.md')
    await fs.writeFile(md, reportToMarkdown(report))
    const out = join(dir, 'report.docx')
    await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', out, md]) // warm-up (disk cache)
    results.push({
      name: `pandoc -f markdown -t docx, same ${pages}-page content, process start included (ms)`,
      samples: await time(5, () => run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', out, md]))
    })
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
  return results
}

// `npx tsx bench/export.bench.ts` prints the medians on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { name, samples } of await benchExport()) {
    const sorted = [...samples].sort((a, b) => a - b)
    const median = sorted.length ? sorted[Math.floor(sorted.length / 2)].toFixed(1) : '—'
    console.log(`${name}: median ${median} over ${samples.length} runs`)
  }
}

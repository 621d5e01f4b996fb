/**
 * `npm run bench`: runs every benchmark and writes bench/RESULTS.md, a table with the
 * machine, the date, and each measure's median and p95 beside its goal and reference.
 * Timings live here and never in the tests' pass/fail.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { archiveSection } from './archive-report'
import { benchChecks } from './checks.bench'
import { benchCollab } from './collab.bench'
import { benchEditor } from './editor.bench'
import { benchExport } from './export.bench'
import { benchImport } from './import.bench'
import { benchImportWord } from './import-word.bench'
import { benchSearch } from './search.bench'

export interface BenchResult {
  name: string
  samples: number[]
  goal?: string
  note?: string
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)
  return sorted[Math.max(0, i)]
}

const GOALS: Record<string, string> = {
  'runChecks, 100-page report (ms)': '≤ 30 ms'
}

/** The archive bench's section of RESULTS.md (its own table), kept when the other suites are run, and the reverse. */
const ARCHIVE_HEADING = '## Archive bench'

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const out = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md')
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : ''
  const at = previous.indexOf(ARCHIVE_HEADING)
  // `npm run bench -- archive` runs it on its own (it takes long); the other suites leave its section as it was.
  let archive = at >= 0 ? previous.slice(at).trimEnd() : ''
  if (only.includes('archive')) {
    archive = (await archiveSection(ARCHIVE_HEADING)).trimEnd()
    process.stdout.write(`${archive}\n`)
    if (only.length === 1) {
      writeFileSync(out, `${(at >= 0 ? previous.slice(0, at) : `${previous.trimEnd()}\n\n`) + archive}\n`)
      return
    }
  }
  const kept = archive ? `\n${archive}\n` : ''
  const suites: [string, () => Promise<BenchResult | BenchResult[]>][] = [
    ['checks', benchChecks],
    ['export', benchExport],
    ['search', benchSearch],
    ['import', benchImport],
    ['word', benchImportWord],
    ['editor', benchEditor],
    ['collab', benchCollab]
  ]
  const results: BenchResult[] = []
  for (const [name, run] of suites) {
    if (only.length && !only.includes(name)) continue
    process.stderr.write(`bench: ${name}…\n`)
    const r = await run()
    results.push(...(Array.isArray(r) ? r : [r]))
  }
  const rows = results.map((r) => {
    const sorted = [...r.samples].sort((a, b) => a - b)
    const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—')
    return `| ${r.name} | ${sorted.length} | ${fmt(quantile(sorted, 0.5))} | ${fmt(quantile(sorted, 0.95))} | ${r.goal ?? GOALS[r.name] ?? ''} | ${r.note ?? ''} |`
  })
  // A run of some suites only (`npm run bench -- collab`) keeps the other suites' rows; only the
  // main table's, the archive section below it has a table of its own.
  if (only.length && previous) {
    const ran = new Set(results.map((r) => r.name))
    const earlier = (at >= 0 ? previous.slice(0, at) : previous)
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| measure ') && !ran.has(line.slice(2, line.indexOf(' | '))))
    rows.unshift(...earlier)
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const md = [
    '# Benchmark results',
    '',
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`,
    `Date: ${new Date().toISOString().slice(0, 10)}${only.length ? ` (${only.join(', ')} only; the other rows are from an earlier run)` : ''}`,
    '',
    '| measure | runs | median | p95 | goal | note |',
    '|---|---|---|---|---|---|',
    ...rows,
    ''
  ].join('\n')
  writeFileSync(out, md + kept)
  process.stdout.write(md)
}

void main()

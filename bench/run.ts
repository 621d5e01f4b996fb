/**
 * `npm run bench`: runs every benchmark and writes bench/RESULTS.md, a table with the
 * machine, the date, and each measure's median and p95 beside its goal and reference.
 * Timings live here and never in the tests' pass/fail.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchChecks } from './checks.bench'
import { benchCollab } from './collab.bench'
import { benchEditor } from './editor.bench'
import { benchExport } from './export.bench'
import { benchImport } from './import.bench'
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

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const suites: [string, () => Promise<BenchResult | BenchResult[]>][] = [
    ['checks', benchChecks],
    ['export', benchExport],
    ['search', benchSearch],
    ['import', benchImport],
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
  const out = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md')
  // A run of some suites only (`npm run bench -- collab`) keeps the other suites' rows.
  if (only.length && existsSync(out)) {
    const ran = new Set(results.map((r) => r.name))
    const kept = readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| measure ') && !ran.has(line.slice(2, line.indexOf(' | '))))
    rows.unshift(...kept)
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
  writeFileSync(out, md)
  process.stdout.write(md)
}

void main()

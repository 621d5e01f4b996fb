/**
 * The archive bench's section of bench/RESULTS.md: a row per measure and archive size (median and
 * spread of the runs), the goals of issue 11 beside the 5,000-report rows, and how each measure
 * grows from the smallest archive to the largest.
 */
import { cpus, totalmem } from 'node:os'
import { benchArchive, type Row } from './archive.bench'

const GOALS: Record<string, string> = {
  'start → last draft editable': '≤ 1,000 ms; ≤ 1.5× the 100-report figure',
  'start → first search answered': '≤ 1,500 ms',
  'open the library → rows shown': '≤ 100 ms; ≤ 1.5× the 100-report figure',
  'phrase query, last key (after a pause) → results shown': 'p95 ≤ 50 ms (no debounce after a pause)',
  'one autosave (正在保存… → 已保存)': 'no slower than with 100 reports; ≤ 1.5×',
  'renderer process memory (resident, search worker included)': '≤ 300 MB (renderer + worker)',
  'renderer process memory (private, search worker included)': '≤ 300 MB (renderer + worker)'
}

const median = (s: number[]) => {
  const sorted = [...s].sort((a, b) => a - b)
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
}
const p95 = (s: number[]) => {
  const sorted = [...s].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)]
}

export async function archiveSection(heading: string): Promise<string> {
  const rows = await benchArchive()
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b)
  const measures = [...new Set(rows.map((r) => r.measure))]
  const smallest = sizes[0]
  const largest = sizes[sizes.length - 1]
  const lines = [
    heading,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, shared with other work; Chromium (Debian), persistent profile. Date: ${new Date().toISOString().slice(0, 10)}.`,
    `Archives of ${sizes.join(' / ')} reports of ~5,000 characters, each with its editor state and 3 versions, restored from a backup (bench/archive-data.ts). Run: \`npm run bench -- archive\` (BENCH_SIZES, BENCH_RUNS to change).`,
    '',
    `| measure | reports | median | p95 | unit | growth ${smallest} → ${largest} | goal (at ${largest}) | note |`,
    '|---|---|---|---|---|---|---|---|'
  ]
  for (const measure of measures) {
    const bySize = new Map(rows.filter((r) => r.measure === measure).map((r) => [r.size, r] as const))
    const first = bySize.get(smallest)
    const last = bySize.get(largest)
    const growth = first && last && median(first.samples) > 0 ? `${(median(last.samples) / median(first.samples)).toFixed(2)}×` : ''
    for (const size of sizes) {
      const r: Row | undefined = bySize.get(size)
      if (!r) continue
      const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 1 : 0) : '—')
      lines.push(`| ${measure} | ${size} | ${fmt(median(r.samples))} | ${fmt(p95(r.samples))} | ${r.unit} | ${size === largest ? growth : ''} | ${size === largest ? GOALS[measure] ?? '' : ''} | ${r.note ?? ''} |`)
    }
  }
  return `${lines.join('\n')}\n`
}

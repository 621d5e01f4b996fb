/**
 * Importing an office's folder of old summaries: 1,000 texts, each one report (sampleReport,
 * 2–10 pages, rendered to plain text by reportToText) wrapped in the web noise a copied page
 * brings (breadcrumb, site name, publication line, editor's blurb, inline watermark, print and
 * next/previous links, related articles, copyright). importText turns each into the model; the
 * reference is the floor every import pays, splitting the same texts into lines. 5 timed runs
 * after one warm-up. Goal: ≤ 2 s. Collected by the bench runner; never part of the tests' pass/fail.
 */
import { pathToFileURL } from 'node:url'
import { numberSections } from '../src/shared/doc/numbering'
import type { Report } from '../src/shared/doc/model'
import { sampleReport } from '../src/shared/export/sample-report'
import { reportToText } from '../src/shared/export/text'
import { importText, textToLines } from '../src/shared/import'

const REPORTS = 1000
const RUNS = 5

/** A copied web page around the report: the shapes of noise the importer strips, varied by n. */
function withWebNoise(text: string, n: number): { text: string; noiseLines: number } {
  const site = ['第一范文网', '公文写作网', '总结心得网'][n % 3]
  const before = [
    `首页 > 范文大全 > 工作总结 > 教育工作总结`,
    site,
    `发布时间：2025-01-${String(10 + (n % 18)).padStart(2, '0')} 09:${String(n % 60).padStart(2, '0')}   来源：网络整理   阅读：${100 + n}次`,
    '小编为大家精心整理了这篇教育局年度工作总结，希望对你有所帮助。'
  ]
  const after = [
    '【打印本页】 【关闭窗口】',
    `上一篇：2024年教育局上半年工作总结`,
    `下一篇：2025年学校安全工作总结`,
    `Copyright © 2025 ${site} 版权所有`
  ]
  // An inline watermark glued between two sentences of the first long paragraph.
  const lines = text.split('\n')
  const long = lines.findIndex((l) => l.length > 120 && l.includes('，'))
  if (long >= 0) {
    const at = lines[long].indexOf('。') + 1
    if (at > 0) lines[long] = `${lines[long].slice(0, at)}www.DiYiFanWen.com${lines[long].slice(at)}`
  }
  return { text: [...before, '', ...lines, '', ...after].join('\n'), noiseLines: before.length + after.length }
}

function corpus(): { texts: string[]; sources: Report[]; noiseLines: number } {
  const texts: string[] = []
  const sources: Report[] = []
  let noiseLines = 0
  for (let n = 0; n < REPORTS; n++) {
    const report = sampleReport({ pages: 2 + (n % 9), seed: 1000 + n })
    const noisy = withWebNoise(reportToText(report), n)
    texts.push(noisy.text)
    sources.push(report)
    noiseLines += noisy.noiseLines
  }
  return { texts, sources, noiseLines }
}

async function time(runs: number, fn: () => void): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return samples
}

export async function benchImport(): Promise<{ name: string; samples: number[]; goal?: string; note?: string }[]> {
  const { texts, sources, noiseLines } = corpus()
  const chars = texts.reduce((n, t) => n + t.length, 0)

  // Warm-up, and a check that the figures time a correct import: one report per text, its outline
  // (headings and their numbers) as written, the noise gone.
  const results = texts.map((t) => importText(t))
  let sameOutline = 0
  let removed = 0
  results.forEach((r, i) => {
    removed += r.removed.length
    if (r.reports.length !== 1) return
    const heads = (report: Report) => numberSections(report.sections).map((s) => `${s.marker}${s.section.title}`).join('\n')
    if (heads(r.reports[0]) === heads(sources[i])) sameOutline++
  })

  const importSamples = await time(RUNS, () => {
    for (const t of texts) importText(t)
  })
  textToLines(texts[0])
  const lineSamples = await time(RUNS, () => {
    for (const t of texts) textToLines(t)
  })
  return [
    {
      name: `import ${REPORTS.toLocaleString('en')} reports, plain text with web noise (importText) (ms)`,
      samples: importSamples,
      goal: '≤ 2,000 ms',
      note: `${(chars / 1e6).toFixed(1)}M characters; outline as written in ${sameOutline} of ${REPORTS}; ${removed} noise items removed (${noiseLines} noise lines and ${REPORTS} watermarks put in)`
    },
    {
      name: `import ${REPORTS.toLocaleString('en')} reports (reference: the same texts split into lines only, the floor) (ms)`,
      samples: lineSamples,
      goal: 'reference for the row above'
    }
  ]
}

// `npx tsx bench/import.bench.ts` prints the figures on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { name, samples, note } of await benchImport()) {
    const sorted = [...samples].sort((a, b) => a - b)
    console.log(`${name}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} over ${samples.length} runs${note ? ` — ${note}` : ''}`)
  }
}

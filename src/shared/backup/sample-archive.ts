/**
 * A deterministic archive for tests and benchmarks of backup and restore: realistic Chinese text,
 * tables, run-in headings, trashed and carried-forward reports, version history and settings.
 */
import type { Report, Section } from '../doc/model'
import type { Archive, ReportRecord, VersionRecord } from './format'

const SENTENCES = [
  '今年以来，我局坚持以人民为中心的发展思想，扎实推进各项重点工作，全年目标任务基本完成。',
  '全县学前三年毛入园率达到93.5%，较上年提高2.1个百分点。',
  '组织开展安全生产大检查12次，排查整改隐患47处，整改率100%。',
  '深化“放管服”改革，政务服务事项网上可办率达98%。',
  '存在的主要问题：基层人员力量不足，部分工作推进不够平衡。'
]

function text(seed: number, sentences: number): string {
  let out = ''
  for (let i = 0; i < sentences; i++) out += SENTENCES[(seed + i) % SENTENCES.length]
  return out
}

function sampleReport(i: number, paragraphs: number): Report {
  const sec = (id: string, level: 1 | 2 | 3, title: string, children: Section[] = [], runIn = false): Section => ({
    id,
    level,
    title,
    runIn,
    blocks: Array.from({ length: paragraphs }, (_, p) => ({ type: 'paragraph' as const, runs: [{ text: text(i + p, 3) }] })),
    children
  })
  return {
    meta: {
      title: `${2020 + (i % 5)}年第${i + 1}号工作总结`,
      kind: i % 3 === 0 ? 'annual' : 'half-year',
      period: `${2020 + (i % 5)}年`,
      unit: '某县教育局',
      author: '办公室',
      date: `${2020 + (i % 5)}年12月${(i % 28) + 1}日`,
      script: 'simplified'
    },
    preamble: [{ type: 'paragraph', runs: [{ text: text(i, 1), bold: i % 2 === 0 }] }],
    sections: [
      sec(`s${i}a`, 1, '主要工作', [sec(`s${i}b`, 2, '抓好学前教育'), sec(`s${i}c`, 3, '安全生产', [], true)]),
      { ...sec(`s${i}d`, 1, '主要数据'), blocks: [{ type: 'table', header: true, rows: [['指标', '数值'], ['入园率', '93.5%']] }] }
    ],
    attachments: i % 4 === 0 ? ['2024年主要指标完成情况表'] : [],
    signature: { unit: '某县教育局', date: `${2020 + (i % 5)}年12月${(i % 28) + 1}日` }
  }
}

/** `paragraphs` per section sets the size: 1 ≈ 2 KB a report, 100 ≈ 60 KB. */
export function sampleArchive(opts: { reports?: number; versionsPerReport?: number; paragraphs?: number; base?: number } = {}): Archive {
  const n = opts.reports ?? 6
  const perReport = opts.versionsPerReport ?? 2
  const paragraphs = opts.paragraphs ?? 1
  const base = opts.base ?? 1_700_000_000_000
  const reports: ReportRecord[] = []
  const versions: VersionRecord[] = []
  for (let i = 0; i < n; i++) {
    const report = sampleReport(i, paragraphs)
    reports.push({
      id: `r${i}`,
      status: i % 4 === 3 ? 'final' : 'draft',
      report,
      editorState: i % 3 === 1 ? null : JSON.stringify({ root: { children: [{ type: 'title', text: report.meta.title }], version: 1 } }),
      title: report.meta.title,
      kind: report.meta.kind,
      year: 2020 + (i % 5),
      unit: report.meta.unit,
      characters: 100 * paragraphs + i,
      createdAt: base + i * 1000,
      updatedAt: base + i * 1000 + 500,
      deletedAt: i === 5 ? base + 9_999 : 0,
      ...(i > 0 && i % 2 === 0 ? { previousId: `r${i - 1}` } : {})
    })
    for (let v = 0; v < perReport; v++) {
      versions.push({
        seq: versions.length + 1,
        reportId: `r${i}`,
        createdAt: base + i * 1000 + v,
        reason: v === 0 ? 'auto' : 'manual',
        note: v === 0 ? '' : `第${v}次手动保存`,
        report: { ...report, preamble: [{ type: 'paragraph', runs: [{ text: `旧稿${v}：${text(i, 1)}` }] }] },
        editorState: null
      })
    }
  }
  const settings = [
    { key: 'session', value: { reportId: 'r1' } },
    { key: 'editor.fontSize', value: 16 },
    { key: 'checks.disabled', value: ['halfwidth-punctuation'] }
  ]
  return { reports, versions, settings }
}

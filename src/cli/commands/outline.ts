import { basename } from 'node:path'
import { REPORT_KIND_LABELS } from '../../shared/doc/model'
import { numberSections } from '../../shared/doc/numbering'
import { outlineJson } from '../../shared/import/outline-json'
import type { ImportResult } from '../../shared/import/types'
import { readReportFile } from '../../main/services/import-files'
import { UsageError } from '../usage'

/** `outline <file> [--json]`: the reports and headings found in a file (docs/cli.md). */
export async function outlineCommand(args: string[]): Promise<void> {
  let json = false
  const files: string[] = []
  for (const a of args) {
    if (a === '--json') json = true
    else if (a.startsWith('-')) throw new UsageError(`outline 不认识选项 ${a}`)
    else files.push(a)
  }
  if (files.length !== 1) throw new UsageError(files.length ? 'outline 一次只能处理一个文件' : 'outline 需要一个文件')
  const result = await readReportFile(files[0])
  process.stdout.write(json ? `${JSON.stringify(outlineJson(result), null, 2)}\n` : formatOutline(basename(files[0]), result))
}

/** The readable outline: each report with its kind and period, headings indented by depth. */
export function formatOutline(name: string, result: ImportResult): string {
  const lines: string[] = []
  lines.push(`${name}${result.encoding ? `（编码：${result.encoding}）` : ''}：共 ${result.reports.length} 篇报告`)
  result.reports.forEach((report, i) => {
    const m = report.meta
    const facts = [REPORT_KIND_LABELS[m.kind], m.period, m.script === 'traditional' ? '繁体' : ''].filter(Boolean).join('，')
    lines.push('')
    lines.push(`${i + 1}. ${m.title || '（无标题）'}${facts ? `（${facts}）` : ''}`)
    const numbered = numberSections(report.sections)
    if (!numbered.length) lines.push('   （没有找到分级标题）')
    for (const n of numbered) {
      const source = n.section.sourceMarker && n.section.sourceMarker !== n.marker ? `  ［原文：${n.section.sourceMarker}］` : ''
      lines.push(`${'   '.repeat(n.depth)}${n.marker}${n.section.title}${source}`)
    }
    if (report.attachments.length) lines.push(`   附件：${report.attachments.join('；')}`)
    if (report.signature) lines.push(`   落款：${[report.signature.unit, report.signature.date].filter(Boolean).join(' ')}`)
  })
  if (result.removed.length) {
    lines.push('')
    lines.push(`已去除网页杂讯 ${result.removed.length} 处：`)
    for (const r of result.removed) lines.push(`   - ${r.length > 60 ? `${r.slice(0, 60)}…` : r}`)
  }
  return `${lines.join('\n')}\n`
}

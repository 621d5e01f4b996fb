/**
 * `check <file> [--json]` (docs/cli.md): proofreading findings for every report in a file.
 * Without --json, a list in Chinese grouped by report and section, for the IT person reading it
 * in a terminal; with --json, `{"findings":[…]}` for scripts.
 */
import { UserError, isUserError } from '../../shared/errors'
import { RULE_LABELS, runChecks, type Finding } from '../../shared/checks/index'
import type { ImportResult } from '../../shared/import/types'
import { readReportFile } from '../../main/services/import-files'
import { UsageError } from '../usage'

export interface JsonFinding {
  rule: Finding['rule']
  message: string
  path: string[]
  excerpt: string
  anchor: Finding['anchor']
  /** Index of the report within the file (files may hold several). */
  report: number
  fix?: Finding['fix']
}

export function parseCheckArgs(args: string[]): { file: string; json: boolean } {
  const flags = args.filter((a) => a.startsWith('--'))
  const paths = args.filter((a) => !a.startsWith('--'))
  const unknown = flags.filter((f) => f !== '--json')
  if (unknown.length) throw new UsageError(`check 不认识的选项: ${unknown.join(' ')}`)
  if (paths.length !== 1) throw new UsageError('check 需要一个参数: 要检查的文件')
  return { file: paths[0], json: flags.includes('--json') }
}

/** Findings of every report in an import, each tagged with its report's index. */
export function checkImport(result: ImportResult): { report: number; finding: Finding }[] {
  return result.reports.flatMap((r, report) => runChecks(r).map((finding) => ({ report, finding })))
}

export function formatJson(result: ImportResult): string {
  const findings: JsonFinding[] = checkImport(result).map(({ report, finding: f }) => ({
    rule: f.rule,
    message: f.message,
    path: f.path,
    excerpt: f.excerpt,
    anchor: f.anchor,
    report,
    ...(f.fix ? { fix: f.fix } : {})
  }))
  return JSON.stringify({ findings }, null, 2)
}

/** The readable list: per report a heading with counts, then findings grouped by section path. */
export function formatText(result: ImportResult): string {
  const all = checkImport(result)
  const lines: string[] = []
  result.reports.forEach((r, i) => {
    const own = all.filter((x) => x.report === i).map((x) => x.finding)
    const title = r.meta.title || `第${i + 1}篇`
    if (i > 0) lines.push('')
    lines.push(`《${title}》 ${own.length ? `共 ${own.length} 处问题（${summary(own)}）` : '未发现问题'}`)
    let lastPlace: string | null = null
    for (const item of collapse(own)) {
      const f = item.first
      const place = f.path.length ? f.path.join(' > ') : '标题与开头'
      if (place !== lastPlace) {
        lines.push(`  ${place}`)
        lastPlace = place
      }
      lines.push(`    · [${RULE_LABELS[f.rule]}] ${item.message}`)
      lines.push(`      「${f.excerpt}」`)
    }
  })
  if (!result.reports.length) lines.push('文件中没有找到工作总结的内容。')
  return lines.join('\n')
}

/**
 * Half-width marks come by the dozen in pasted text; on a terminal they read better as one line
 * per paragraph with counts (the JSON output keeps every finding).
 */
function collapse(findings: Finding[]): { first: Finding; message: string }[] {
  const out: { first: Finding; message: string; marks?: Map<string, number> }[] = []
  let open: (typeof out)[number] | null = null
  for (const f of findings) {
    const mark = f.rule === 'halfwidth-punctuation' ? /“(.)”/.exec(f.message)?.[1] : undefined
    const sameUnit = open && open.first.anchor.sectionId === f.anchor.sectionId && open.first.anchor.part === f.anchor.part
    if (mark === undefined) {
      out.push({ first: f, message: f.message })
      continue
    }
    if (!open || !sameUnit || !open.marks) {
      open = { first: f, message: f.message, marks: new Map() }
      out.push(open)
    }
    open.marks!.set(mark, (open.marks!.get(mark) ?? 0) + 1)
    const total = [...open.marks!.values()].reduce((a, b) => a + b, 0)
    if (total > 1) open.message = `此段有${total}处半角标点应改为全角：${[...open.marks!].map(([m, n]) => `“${m}”${n}处`).join('，')}`
  }
  return out
}

function summary(findings: Finding[]): string {
  const counts = new Map<Finding['rule'], number>()
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
  return [...counts].map(([rule, n]) => `${RULE_LABELS[rule]} ${n}`).join('，')
}

export async function checkCommand(args: string[]): Promise<void> {
  const { file, json } = parseCheckArgs(args)
  let result: ImportResult
  try {
    result = await readReportFile(file)
  } catch (e) {
    if (isUserError(e)) throw e
    // A missing or unreadable path is the user's input, not a bug in the importer.
    const code = (e as { code?: unknown } | null)?.code
    if (code === 'ENOENT') throw new UserError(`找不到文件：${file}`)
    if (code === 'EISDIR') throw new UserError(`这是一个文件夹，不是文件：${file}`)
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限读取文件：${file}`)
    throw e
  }
  process.stdout.write(`${json ? formatJson(result) : formatText(result)}\n`)
}

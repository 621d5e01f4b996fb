/**
 * Plain text and Markdown exports. Both keep heading numbers as text (computed from the
 * structure), so the file reads the same as the printed page and re-imports to the same outline.
 */
import { type Report, type TextRun } from '../doc/model'
import { reportLines } from '../doc/stats'
import { attachmentLines, cleanText, reportFlow } from './flow'

/** One paragraph a line with a blank line between paragraphs; the signature's two lines stay together. */
export function reportToText(report: Report): string {
  const lines = reportLines(report)
  const sig = report.signature
  const sigCount = sig ? (sig.unit ? 1 : 0) + (sig.date ? 1 : 0) : 0
  const body = lines.slice(0, lines.length - sigCount)
  const paragraphs = [...body]
  if (sigCount) paragraphs.push(lines.slice(lines.length - sigCount).join('\n'))
  return cleanText(paragraphs.join('\n\n')) + '\n'
}

/** Several reports in one file: two blank lines between them. */
export function reportsToText(reports: Report[]): string {
  return reports.map(reportToText).join('\n\n')
}

/**
 * Markdown: the title as `#`, levels 1–4 as `##`–`#####` with their numbers in the text.
 * Run-in headings stay run-in (Markdown has no run-in heading): a paragraph that starts with the
 * heading sentence, which is exactly how the clerk wrote it and how the importer recognises it.
 */
export function reportToMarkdown(report: Report): string {
  const out: string[] = []
  for (const item of reportFlow(report)) {
    switch (item.kind) {
      case 'title':
        out.push(`# ${escapeInline(item.text)}`)
        break
      case 'blank':
        break
      case 'paragraph':
        if (item.runs.length) out.push(escapeLineStart(runsToMarkdown(item.runs)))
        break
      case 'heading':
        out.push(`${'#'.repeat(item.level + 1)} ${escapeInline(item.marker + item.title)}`)
        break
      case 'run-in':
        out.push(escapeLineStart(escapeInline(item.sentence) + runsToMarkdown(item.runs)))
        break
      case 'table':
        out.push(tableToMarkdown(item.rows, item.header))
        break
      case 'attachments':
        // A hard line break (trailing backslash) keeps the items in one block, one per line.
        out.push(attachmentLines(item.items).map((l) => escapeLineStart(escapeInline(l))).join('\\\n'))
        break
      case 'signature': {
        const { unit, date } = item.signature
        out.push([unit, date].filter(Boolean).map((l) => escapeLineStart(escapeInline(l))).join('\\\n'))
        break
      }
    }
  }
  return out.join('\n\n') + '\n'
}

export function reportsToMarkdown(reports: Report[]): string {
  return reports.map(reportToMarkdown).join('\n---\n\n')
}

function runsToMarkdown(runs: TextRun[]): string {
  return runs
    .map((r) => {
      // Newlines inside a paragraph become hard breaks; the text itself is escaped first.
      let t = escapeInline(r.text).replace(/\n/g, '\\\n')
      if (!t.trim()) return t
      // Emphasis markers must hug non-space characters, so surrounding spaces stay outside.
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(t) ?? ['', '', t, '']
      t = core
      if (r.bold) t = `**${t}**`
      if (r.italic) t = `*${t}*`
      if (r.underline) t = `<u>${t}</u>`
      return lead + t + trail
    })
    .join('')
}

/** Characters that are Markdown syntax anywhere in a line. */
export function escapeInline(text: string): string {
  // `&` only matters where it would start an entity (`&copy;`), so only there is it escaped.
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&(?=#?\w+;)/g, '\\&')
}

/**
 * Syntax that only counts at the start of a line: headings, quotes, list items (`- `, `1. `,
 * `1) `), thematic breaks. Body text often starts with a number (`2024年…`), which is harmless;
 * only the list forms with a following space or end of line are escaped.
 */
function escapeLineStart(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3')
    )
    .join('\n')
}

function tableToMarkdown(rows: string[][], header: boolean): string {
  const width = Math.max(1, ...rows.map((r) => r.length))
  const cell = (c: string | undefined): string => escapeInline(c ?? '').replace(/\n/g, '<br>')
  const line = (r: (string | undefined)[]): string =>
    `| ${Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ')} |`
  // GFM tables need a header row; a table without one gets an empty header.
  const head = header && rows.length ? rows[0] : []
  const body = header ? rows.slice(1) : rows
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n')
}

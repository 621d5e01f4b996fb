import { importLines } from './import'
import { normalizeLineText, type SourceLine } from './lines'
import type { ImportResult } from './types'

/**
 * Markdown → lines: `#` headings keep their level as a hint, pipe tables become
 * tables, emphasis and link syntax are dropped. A lone `**` or `__` is a clerk's
 * placeholder, not emphasis, and stays.
 */

const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/

function inline(text: string): string {
  return text
    .replace(/!\[[^\]]{0,200}\]\([^)]{0,500}\)/g, '')
    .replace(/\[([^\]]{1,200})\]\([^)]{0,500}\)/g, '$1')
    .replace(/\*\*(\S(?:[^*]{0,500}?\S)?)\*\*/g, '$1')
    .replace(/`([^`]{1,200})`/g, '$1')
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => normalizeLineText(inline(c)))
}

export function markdownToLines(md: string): SourceLine[] {
  const raw = md.split(/\r\n|\r|\n/)
  const out: SourceLine[] = []
  let fenced = false
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced
      continue
    }
    if (fenced) {
      out.push({ text: normalizeLineText(line) })
      continue
    }
    // A pipe table: header row, separator row, body rows.
    if (line.includes('|') && i + 1 < raw.length && TABLE_SEPARATOR.test(raw[i + 1].trim())) {
      const rows = [cells(line)]
      let j = i + 2
      while (j < raw.length && raw[j].includes('|') && raw[j].trim()) rows.push(cells(raw[j++]))
      out.push({ text: '', table: rows, tableHeader: true })
      i = j - 1
      continue
    }
    const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (h) {
      out.push({ text: normalizeLineText(inline(h[2])), heading: h[1].length })
      continue
    }
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) {
      out.push({ text: '' })
      continue
    }
    const text = line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*[-*+]\s+(?=\S)/, (bullet) => bullet.replace(/[-*+]/, '-'))
    out.push({ text: normalizeLineText(inline(text)).replace(/^-\s+(?![（(0-9０-９一二三四五六七八九十])/, '') })
  }
  return out
}

export function importMarkdown(md: string): ImportResult {
  return importLines(markdownToLines(md), { headingHints: true })
}

import { parse as parseYaml } from 'yaml'
import { importLines, type DeclaredMeta } from './import'
import { normalizeLineText, type SourceLine } from './lines'
import type { ImportResult } from './types'

/**
 * Markdown → lines: `#` headings keep their level as a hint, pipe tables become tables,
 * emphasis and link syntax are dropped. YAML front matter is the document's metadata
 * (title, date, unit, author), never body text; HTML comments, Pandoc's fenced-div fences
 * (`:::`) and attribute braces (`{.noindent}`) are markup. A lone `**` or `__` is a clerk's
 * placeholder, not emphasis, and stays.
 */

const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/
/** Pandoc attributes after a heading or paragraph: `{.class}`, `{#id}`, `{.noindent key=val}`. */
const ATTRIBUTES = /\s*\{[.#][^{}]{0,80}\}\s*$/
/** A line that is only a template directive in braces (`{v}`, `{v:3}`, `{pagebreak}`). */
const DIRECTIVE = /^\{[\w.#:=\s-]{1,40}\}$/

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

function scalar(v: unknown): string {
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return String(v)
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`
  if (Array.isArray(v)) return v.map(scalar).filter(Boolean).join('、')
  return ''
}

/** A title's forced line breaks (`|` in some templates) joined as the title reads. */
function joinTitle(t: string): string {
  return t.replace(/\s*\|\s*/g, (_, offset: number, s: string) => (/[\u3400-\u9fff]/.test(s[offset - 1] ?? '') && /[\u3400-\u9fff]/.test(s[offset + _.length] ?? '') ? '' : ' '))
}

/** 2026-01-23 → 2026年1月23日, as a report's date is written. */
function chineseDate(d: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(d)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d
}

/** The metadata a front-matter block declares, under the names Markdown templates use. */
function declaredFrom(yaml: Record<string, unknown>): DeclaredMeta {
  const pick = (...keys: string[]): string => {
    for (const k of keys) {
      const v = scalar(yaml[k])
      if (v) return v
    }
    return ''
  }
  const out: DeclaredMeta = {}
  const title = pick('title', '标题')
  if (title) out.title = joinTitle(title)
  const date = pick('date', '日期')
  if (date) out.date = chineseDate(date)
  const unit = pick('unit', 'organization', 'department', 'institute', '单位', '部门')
  if (unit) out.unit = unit
  const author = pick('author', 'authors', '作者', '述职人')
  if (author) out.author = author
  return out
}

/** Splits off YAML front matter (`---` … `---`/`...` at the very top). */
function frontMatter(md: string): { body: string; declared: DeclaredMeta; removed: string[] } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(md)
  if (!m) return { body: md, declared: {}, removed: [] }
  let declared: DeclaredMeta = {}
  try {
    const yaml = parseYaml(m[1])
    if (yaml && typeof yaml === 'object' && !Array.isArray(yaml)) declared = declaredFrom(yaml as Record<string, unknown>)
  } catch {
    // Malformed front matter is still not body text.
  }
  return { body: md.slice(m[0].length), declared, removed: m[1].split(/\r?\n/).map((l) => l.trim()).filter(Boolean) }
}

export function markdownToLines(md: string): SourceLine[] {
  const raw = md.replace(/<!--[\s\S]*?(?:-->|$)/g, '').split(/\r\n|\r|\n/)
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
    // Pandoc fenced divs open and close with colons; their content is ordinary text.
    if (/^\s*:{3,}/.test(line)) {
      out.push({ text: '' })
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
      out.push({ text: normalizeLineText(inline(h[2].replace(ATTRIBUTES, ''))), heading: h[1].length })
      continue
    }
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) {
      out.push({ text: '' })
      continue
    }
    if (DIRECTIVE.test(line.trim())) {
      out.push({ text: '' })
      continue
    }
    const text = line
      .replace(/^\s{0,3}>\s?/, '')
      .replace(/^\s*[-*+]\s+(?=\S)/, (bullet) => bullet.replace(/[-*+]/, '-'))
      .replace(ATTRIBUTES, '')
    out.push({ text: normalizeLineText(inline(text)).replace(/^-\s+(?![（(0-9０-９一二三四五六七八九十])/, '') })
  }
  return out
}

export interface MarkdownSource {
  lines: SourceLine[]
  declared: DeclaredMeta
}

export function markdownSource(md: string): MarkdownSource {
  const fm = frontMatter(md)
  return { lines: markdownToLines(fm.body), declared: { ...fm.declared, ...(fm.removed.length ? { removed: fm.removed } : {}) } }
}

export function importMarkdown(md: string): ImportResult {
  const source = markdownSource(md)
  return importLines(source.lines, { headingHints: true, declared: source.declared })
}

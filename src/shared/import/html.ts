import { importLines } from './import'
import { normalizeLineText, type SourceLine } from './lines'
import type { ImportResult } from './types'

/**
 * HTML → lines without a DOM (src/shared runs in Node too). A small scanner that
 * knows which tags end a block, which hide their content (script, style, head),
 * which declare a heading level, and how tables are built. Data tables become
 * table lines; a layout table (whole paragraphs in cells, as old sites have) is
 * flattened back into ordinary lines so the article is not lost inside one cell.
 */

const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'br', 'hr', 'section', 'article',
  'header', 'footer', 'nav', 'aside', 'blockquote', 'pre', 'form', 'address', 'figure', 'figcaption', 'main', 'center',
  'caption', 'tbody', 'thead', 'tfoot', 'body', 'html'
])
const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'head', 'template', 'svg', 'iframe', 'object', 'select', 'textarea', 'math'])

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  copy: '©', reg: '®', trade: '™', times: '×', divide: '÷', deg: '°', plusmn: '±', sup2: '²', sup3: '³',
  laquo: '«', raquo: '»', bull: '•', yen: '¥', permil: '‰'
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,8});?/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ''
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

interface Cell {
  lines: string[]
  buf: string
}

interface Table {
  rows: string[][][]
  row: string[][] | null
  cell: Cell | null
  header: boolean
}

/** Source whitespace: a line break between Chinese characters is no space at all, other runs are one space. */
function collapse(text: string): string {
  if (!text.includes('\n')) return text.replace(/[ \t\r\f]+/g, ' ')
  const parts = text.split('\n')
  let out = parts[0].trimEnd()
  for (let k = 1; k < parts.length; k++) {
    const next = parts[k].trimStart()
    const wide = /[\u3000-\u9FFF\uFF00-\uFFEF]/
    const glue = out && next && !(wide.test(out[out.length - 1]) && wide.test(next[0])) ? ' ' : ''
    // Only the last part keeps its trailing space: it may separate words across an inline tag.
    out += glue + (k < parts.length - 1 ? next.trimEnd() : next)
  }
  return out.replace(/[ \t\r\f]+/g, ' ')
}

export function htmlToLines(html: string): SourceLine[] {
  const lower = html.toLowerCase()
  const out: SourceLine[] = []
  const tables: Table[] = []
  let buf = ''
  let heading = 0
  let pre = 0

  const target = (): Cell | null => {
    const t = tables[tables.length - 1]
    return t ? t.cell : null
  }
  const flush = (): void => {
    const cell = target()
    if (cell) {
      const t = normalizeLineText(cell.buf)
      if (t) cell.lines.push(t)
      cell.buf = ''
      return
    }
    const t = normalizeLineText(buf)
    buf = ''
    if (t) out.push(heading ? { text: t, heading } : { text: t })
  }
  const addText = (raw: string): void => {
    const text = decodeEntities(pre ? raw : collapse(raw))
    if (pre && text.includes('\n')) {
      const parts = text.split('\n')
      parts.forEach((p, k) => {
        if (k > 0) flush()
        appendRaw(p)
      })
      return
    }
    appendRaw(text)
  }
  const appendRaw = (text: string): void => {
    const cell = target()
    if (cell) cell.buf += text
    else buf += text
  }
  const endCell = (t: Table): void => {
    if (!t.cell) return
    const cell = t.cell
    const last = normalizeLineText(cell.buf)
    if (last) cell.lines.push(last)
    if (!t.row) t.row = []
    t.row.push(cell.lines)
    t.cell = null
  }
  const endRow = (t: Table): void => {
    endCell(t)
    if (t.row && t.row.length) t.rows.push(t.row)
    t.row = null
  }
  const endTable = (): void => {
    const t = tables.pop()
    if (!t) return
    endRow(t)
    const cells = t.rows.flat()
    const isData = t.rows.length > 0 && cells.every((c) => c.length <= 2 && c.join('').length <= 100) && (t.rows.length >= 2 || t.rows[0].length >= 2)
    const outer = target()
    if (isData && !outer) {
      flush()
      out.push({ text: '', table: t.rows.map((r) => r.map((c) => c.join(' '))), ...(t.header ? { tableHeader: true } : {}) })
      return
    }
    // Layout table, or a table inside a table cell: its text goes on as lines.
    const lines = cells.flat()
    if (outer) outer.lines.push(...lines)
    else {
      flush()
      for (const l of lines) out.push({ text: l })
    }
  }

  let pos = 0
  const tagName = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)/y
  while (pos < html.length) {
    const lt = html.indexOf('<', pos)
    if (lt < 0) {
      addText(html.slice(pos))
      break
    }
    if (lt > pos) addText(html.slice(pos, lt))
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      pos = end < 0 ? html.length : end + 3
      continue
    }
    tagName.lastIndex = lt
    const m = tagName.exec(html)
    const gt = html.indexOf('>', lt + 1)
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      pos = gt < 0 ? html.length : gt + 1
      continue
    }
    if (!m || gt < 0) {
      addText('<')
      pos = lt + 1
      continue
    }
    const closing = html[lt + 1] === '/'
    const name = m[1].toLowerCase()
    pos = gt + 1
    if (!closing && HIDDEN_TAGS.has(name) && html[gt - 1] !== '/') {
      const end = lower.indexOf(`</${name}`, pos)
      const endGt = end < 0 ? -1 : html.indexOf('>', end)
      pos = endGt < 0 ? html.length : endGt + 1
      continue
    }
    if (name === 'table') {
      if (closing) endTable()
      else {
        flush()
        tables.push({ rows: [], row: null, cell: null, header: false })
      }
      continue
    }
    const table = tables[tables.length - 1]
    if (table && (name === 'tr' || name === 'td' || name === 'th' || name === 'thead')) {
      if (name === 'tr') endRow(table)
      else if (name === 'thead') {
        if (!closing && table.rows.length === 0) table.header = true
      } else if (closing) endCell(table)
      else {
        endCell(table)
        if (name === 'th' && table.rows.length === 0) table.header = true
        table.cell = { lines: [], buf: '' }
      }
      continue
    }
    if (/^h[1-6]$/.test(name)) {
      flush()
      heading = closing ? 0 : Number(name[1])
      continue
    }
    if (name === 'pre') {
      flush()
      pre = closing ? Math.max(0, pre - 1) : pre + 1
      continue
    }
    if (BLOCK_TAGS.has(name)) flush()
    // Inline tags (span, strong, a, font…) carry no structure.
  }
  while (tables.length) endTable()
  flush()
  return out
}

export function importHtml(html: string): ImportResult {
  return importLines(htmlToLines(html))
}

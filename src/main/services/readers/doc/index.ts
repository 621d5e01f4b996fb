import CFB from 'cfb'
import { UserError } from '../../../../shared/errors'
import { normalizeLineText, type SourceLine } from '../../../../shared/import/lines'
import { isDocumentHeader } from '../../../../shared/import/meta'
import { ListCounter, withLabel } from '../list-numbering'
import { Bytes, DocFormatError } from './bytes'
import { FC, readFib } from './fib'
import { readLists } from './lists'
import { papxAt, readPapxRuns } from './paragraphs'
import type { ParaProps } from './sprm'
import { readStyles } from './styles'
import { readText } from './text'

/**
 * Word 97–2003 .doc (and WPS's .wps, the same format) → the importer's lines. cfb opens the
 * OLE container; the streams inside are read here: the piece table for the text, the
 * paragraph properties for list numbering, outline levels and tables, the style sheet and
 * the list tables to resolve automatic numbering into the marker the reader sees.
 */

const FIELD_BEGIN = 0x13
const FIELD_SEPARATE = 0x14
const FIELD_END = 0x15

function stream(container: CFB.CFB$Container, name: string): Bytes | null {
  const entry = CFB.find(container, name)
  if (!entry || !entry.content || entry.type !== 2) return null
  const c = entry.content as Uint8Array | number[]
  return new Bytes(c instanceof Uint8Array ? c : Uint8Array.from(c))
}

const unreadable = (): UserError => new UserError('旧版 Word 文档（.doc）已损坏或格式无法识别，无法读取。请在 Word 或 WPS 中另存为 .docx 后再导入', 'bad-doc')

export function docToLines(buf: Buffer): SourceLine[] {
  let container: CFB.CFB$Container
  try {
    container = CFB.read(buf, { type: 'buffer' })
  } catch {
    throw unreadable()
  }
  const wd = stream(container, 'WordDocument')
  if (!wd) throw new UserError('这个文件不是 Word 文档（可能是 Excel 或 PowerPoint 的旧格式），无法导入', 'not-word')
  try {
    return readDocument(container, wd)
  } catch (e) {
    if (e instanceof UserError) throw e
    if (e instanceof DocFormatError || e instanceof RangeError || e instanceof TypeError) throw unreadable()
    throw e
  }
}

interface Para {
  text: string
  props: ParaProps & { heading?: number; title?: boolean }
  end: number
}

function readDocument(container: CFB.CFB$Container, wd: Bytes): SourceLine[] {
  const fib = readFib(wd)
  if (fib.encrypted) throw new UserError('这个 Word 文档设置了密码，无法导入。请在 Word 或 WPS 中取消密码后再导入', 'encrypted')
  if (fib.nFib < 0x00c1) throw new UserError('这是 Word 95 或更早版本的文档，无法导入。请在 Word 或 WPS 中另存为 .docx 后再导入', 'old-doc')
  const table = stream(container, fib.tableStream)
  if (!table) throw unreadable()
  if (fib.ccpText < 0 || fib.ccpText > 50_000_000) throw unreadable()
  const text = readText(wd, table, fib.fcLcb(FC.Clx), fib.ccpText)
  const papx = readPapxRuns(wd, table, fib.fcLcb(FC.PlcfBtePapx))
  const styles = readStyles(table, fib.fcLcb(FC.Stshf))
  const lists = readLists(table, fib.fcLcb(FC.PlfLst), fib.fcLcb(FC.PlfLfo))

  const paras = splitParagraphs(text.text, (cp) => {
    const run = papxAt(papx, text.fcAt(cp))
    const style = styles.resolved(run?.istd ?? 0)
    const own = run?.props ?? {}
    return { ...style, ...own, heading: own.outline !== undefined ? (own.outline < 9 ? own.outline + 1 : undefined) : style.heading }
  })

  const out: SourceLine[] = []
  const counter = new ListCounter()
  let rows: string[][] = []
  let row: string[] = []
  let cell: string[] = []
  const flushTable = (): void => {
    if (cell.length) row.push(cell.join(' '))
    if (row.some(Boolean)) rows.push(row)
    if (rows.length) out.push({ text: '', table: rows })
    rows = []
    row = []
    cell = []
  }
  let titled = false
  for (const p of paras) {
    const t = normalizeLineText(p.text.replace(/\n/g, ' '))
    if (p.props.inTable) {
      if (p.end === 0x07) {
        if (p.props.rowEnd) {
          if (row.some(Boolean)) rows.push(row)
          row = []
        } else {
          if (t) cell.push(t)
          row.push(cell.join(' '))
          cell = []
        }
      } else if (t) cell.push(t)
      continue
    }
    flushTable()
    let body = p.text
    let auto = false
    const ilfo = p.props.ilfo ?? 0
    if (ilfo > 0) {
      const inst = lists.instance(ilfo)
      const ilvl = Math.min(8, p.props.ilvl ?? 0)
      if (inst) {
        const label = counter.next(inst.list, inst.levels, ilvl, `lfo${ilfo}`, inst.startOverrides)
        body = withLabel(label, inst.levels[ilvl], body)
        auto = label !== ''
      }
    }
    body.split('\n').forEach((part, k) => {
      const line: SourceLine = { text: normalizeLineText(part) }
      if (k === 0) {
        if (p.props.heading !== undefined) line.heading = p.props.heading
        if (auto) line.auto = true
        if (!titled && line.text && !isDocumentHeader(line.text) && (p.props.title || (p.props.center && line.text.length <= 60 && out.every((l) => (!l.text || isDocumentHeader(l.text)) && !l.table)))) {
          line.title = true
          titled = true
        }
      }
      out.push(line)
    })
  }
  flushTable()
  return out
}

/**
 * The main text cut into paragraphs at paragraph marks (\r), cell and row marks (\x07) and
 * page breaks, with field instructions dropped (a field's result stays) and the special
 * characters for pictures, footnote marks and hyphenation resolved. A table of contents
 * (a TOC field's result) is left out: its lines would read as headings.
 */
function splitParagraphs(text: string, propsAt: (cp: number) => Para['props']): Para[] {
  const paras: Para[] = []
  const fields: { instr: string; result: boolean }[] = []
  let buf = ''
  const inToc = (): boolean => fields.some((f) => /^\s*TOC\b/i.test(f.instr))
  for (let cp = 0; cp < text.length; cp++) {
    const c = text.charCodeAt(cp)
    if (c === FIELD_BEGIN) {
      fields.push({ instr: '', result: false })
      continue
    }
    if (c === FIELD_SEPARATE) {
      if (fields.length) fields[fields.length - 1].result = true
      continue
    }
    if (c === FIELD_END) {
      fields.pop()
      continue
    }
    if (fields.length && !fields[fields.length - 1].result) {
      fields[fields.length - 1].instr += text[cp]
      continue
    }
    if (c === 0x0d || c === 0x07 || c === 0x0c) {
      if (!inToc()) paras.push({ text: buf, props: propsAt(cp), end: c })
      buf = ''
      continue
    }
    if (inToc()) continue
    if (c === 0x0b) buf += '\n'
    else if (c === 0x09) buf += '\t'
    else if (c === 0x1e) buf += '-'
    else if (c === 0xa0) buf += ' '
    else if (c >= 0x20) buf += text[cp]
    // Other control characters stand for pictures, footnote marks and the like.
  }
  if (buf.trim()) paras.push({ text: buf, props: propsAt(Math.max(0, text.length - 1)), end: 0x0d })
  return paras
}

import { normalizeLineText, type SourceLine } from '../../../../shared/import/lines'
import { isDocumentHeader } from '../../../../shared/import/meta'
import { ListCounter, withLabel } from '../list-numbering'
import type { Numbering } from './numbering'
import { readProps, type ParagraphProps, type Styles } from './styles'
import { child, elements, val, type XmlElement } from './xml'

/**
 * document.xml → the importer's lines, in reading order: each paragraph with the marker
 * Word's automatic numbering shows in front of it, its declared outline level, and the
 * formatting that hints at a title or heading; tables as tables; text boxes after the
 * paragraph that anchors them. Deleted text, field instructions, ruby annotations (pinyin
 * over characters) and a table of contents are not the document's text.
 */

interface Paragraph {
  text: string
  props: ParagraphProps
  /** Characters in bold, and all characters, for the "whole line is bold" hint. */
  boldChars: number
  chars: number
  /** Characters by font size (half-points), for the dominant size. */
  sizes: Map<number, number>
  /** Paragraphs of text boxes anchored in this one. */
  boxes: XmlElement[]
}

interface Field {
  instr: string
  result: boolean
}

export interface DocumentContext {
  styles: Styles
  numbering: Numbering
}

export function documentLines(body: XmlElement, ctx: DocumentContext): SourceLine[] {
  const out: SourceLine[] = []
  const counter = new ListCounter()
  const fields: Field[] = []
  const inToc = (): boolean => fields.some((f) => /^\s*TOC\b/i.test(f.instr))
  const paragraphs: { line: SourceLine; para: Paragraph }[] = []

  const paragraph = (p: XmlElement, inTable: boolean): string[] => {
    const pPr = child(p, 'w:pPr')
    const styleId = val(pPr, 'w:pStyle')
    const style = ctx.styles.paragraph(styleId)
    const own = readProps(pPr, child(pPr, 'w:rPr'))
    const props: ParagraphProps = { ...style, ...own, title: style.title }
    // A paragraph mark's own size is not the text's size; runs decide.
    props.size = style.size
    if (own.numId === undefined && own.ilvl !== undefined) props.ilvl = own.ilvl
    const para: Paragraph = { text: '', props, boldChars: 0, chars: 0, sizes: new Map(), boxes: [] }
    const skipping = inToc()
    inline(p, para, style, fields)
    if (skipping || inToc()) return []
    let text = para.text
    let auto = false
    if (props.numId !== undefined && !inTable) {
      const inst = ctx.numbering.instance(props.numId)
      const ilvl = props.ilvl ?? 0
      if (inst) {
        const label = counter.next(inst.list, inst.levels, ilvl, props.numId, inst.startOverrides)
        text = withLabel(label, inst.levels[ilvl], text)
        auto = label !== ''
      }
    }
    const lines = text.split('\n').map(normalizeLineText)
    if (inTable) return lines.filter(Boolean)
    lines.forEach((t, k) => {
      const line: SourceLine = { text: t }
      if (k === 0) {
        if (props.outline !== undefined && props.outline <= 9) line.heading = props.outline
        if (auto) line.auto = true
        if (para.chars > 0 && para.boldChars === para.chars) line.strong = true
        paragraphs.push({ line, para })
      }
      out.push(line)
    })
    for (const box of para.boxes) for (const bp of elements(box, 'w:p')) paragraph(bp, false)
    return lines
  }

  const table = (tbl: XmlElement): void => {
    const rows: string[][] = []
    for (const tr of elements(tbl, 'w:tr')) {
      const row: string[] = []
      for (const tc of elements(tr, 'w:tc')) {
        const cell: string[] = []
        const visit = (el: XmlElement): void => {
          for (const c of elements(el)) {
            if (c.name === 'w:p') cell.push(...paragraph(c, true))
            else if (c.name === 'w:tbl') for (const inner of elements(c, 'w:tr')) for (const itc of elements(inner, 'w:tc')) visit(itc)
            else if (c.name === 'w:sdt') visit(child(c, 'w:sdtContent') ?? c)
            else if (c.name === 'w:customXml') visit(c)
          }
        }
        visit(tc)
        row.push(cell.join(' '))
      }
      if (row.some((c) => c !== '')) rows.push(row)
    }
    if (rows.length) out.push({ text: '', table: rows })
  }

  const block = (el: XmlElement): void => {
    for (const c of elements(el)) {
      switch (c.name) {
        case 'w:p':
          paragraph(c, false)
          break
        case 'w:tbl':
          table(c)
          break
        case 'w:sdt':
          block(child(c, 'w:sdtContent') ?? c)
          break
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          block(c)
          break
      }
    }
  }
  block(body)
  markTitle(paragraphs)
  return out
}

/**
 * The document's title: the Title style, or else the first paragraph set apart by its
 * form: centred, or clearly larger than the body text, short and not a sentence.
 */
function markTitle(paragraphs: { line: SourceLine; para: Paragraph }[]): void {
  const sizes = new Map<number, number>()
  for (const { para } of paragraphs) for (const [s, n] of para.sizes) sizes.set(s, (sizes.get(s) ?? 0) + n)
  let body = 0
  let most = 0
  for (const [s, n] of sizes) if (n > most) [body, most] = [s, n]
  const styled = paragraphs.find(({ line, para }) => para.props.title && line.text)
  if (styled) {
    styled.line.title = true
    return
  }
  // An official document's red header (某某局文件, 文号) stands above its title, centred too.
  const first = paragraphs.filter(({ line }) => line.text !== '' && !isDocumentHeader(line.text)).slice(0, 3)
  for (const { line, para } of first) {
    if (line.heading !== undefined || line.auto || line.text.length > 60 || /[。！？；]$/.test(line.text)) break
    const size = dominant(para.sizes)
    if (para.props.center || (body > 0 && size >= body * 1.25)) {
      line.title = true
      return
    }
  }
}

function dominant(sizes: Map<number, number>): number {
  let best = 0
  let most = 0
  for (const [s, n] of sizes) if (n > most) [best, most] = [s, n]
  return best
}

/** Collects a paragraph's text run by run, with the formatting the hints need. */
function inline(el: XmlElement, para: Paragraph, style: ParagraphProps, fields: Field[]): void {
  for (const c of elements(el)) {
    switch (c.name) {
      case 'w:r':
        run(c, para, style, fields)
        break
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
      case 'w:fldSimple':
      case 'w:bdo':
      case 'w:dir':
        inline(c, para, style, fields)
        break
      case 'w:sdt':
        inline(child(c, 'w:sdtContent') ?? c, para, style, fields)
        break
      case 'mc:AlternateContent':
        inline(child(c, 'mc:Choice') ?? child(c, 'mc:Fallback') ?? c, para, style, fields)
        break
    }
  }
}

function run(r: XmlElement, para: Paragraph, style: ParagraphProps, fields: Field[]): void {
  const rPr = child(r, 'w:rPr')
  const own = readProps(undefined, rPr)
  const bold = own.bold ?? style.bold ?? false
  const size = own.size ?? style.size ?? 0
  const add = (text: string): void => {
    if (fields.some((f) => !f.result)) return
    para.text += text
    const visible = text.replace(/\s/g, '').length
    para.chars += visible
    if (bold) para.boldChars += visible
    if (size) para.sizes.set(size, (para.sizes.get(size) ?? 0) + visible)
  }
  for (const c of elements(r)) {
    switch (c.name) {
      case 'w:t':
        add(c.children.filter((x): x is string => typeof x === 'string').join(''))
        break
      case 'w:tab':
      case 'w:ptab':
        add('\t')
        break
      case 'w:br':
      case 'w:cr':
        add('\n')
        break
      case 'w:noBreakHyphen':
        add('-')
        break
      case 'w:sym': {
        const code = parseInt(c.attrs['w:char'] ?? '', 16)
        // Symbol-font glyphs (F000–F0FF) have no meaning as text.
        if (Number.isFinite(code) && (code < 0xf000 || code > 0xf0ff)) add(String.fromCodePoint(code))
        break
      }
      case 'w:fldChar': {
        const type = c.attrs['w:fldCharType']
        if (type === 'begin') fields.push({ instr: '', result: false })
        else if (type === 'separate' && fields.length) fields[fields.length - 1].result = true
        else if (type === 'end') fields.pop()
        break
      }
      case 'w:instrText':
        if (fields.length) fields[fields.length - 1].instr += c.children.filter((x): x is string => typeof x === 'string').join('')
        break
      case 'w:ruby':
        // The base text only: the annotation (rt) is a reading aid such as pinyin.
        for (const base of elements(child(c, 'w:rubyBase'), 'w:r')) run(base, para, style, fields)
        break
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
        collectBoxes(c, para.boxes)
        break
      case 'mc:AlternateContent': {
        const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback')
        if (choice) collectBoxes(choice, para.boxes)
        break
      }
    }
  }
}

function collectBoxes(el: XmlElement, boxes: XmlElement[]): void {
  for (const c of elements(el)) {
    if (c.name === 'w:txbxContent') boxes.push(c)
    else collectBoxes(c, boxes)
  }
}

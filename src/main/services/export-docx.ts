/**
 * Report → .docx in the 公文 layout of GB/T 9704-2012 (numbers in docs/gongwen-format.md).
 * Plain Node: no electron import. The layout decisions shared with the HTML print view
 * (what is printed where) come from src/shared/export/flow.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type ISectionOptions
} from 'docx'
import { CommentRanges } from './docx-comments'
import { runs, withComments } from './docx-runs'
import { emptyReport, type HeadingLevel, type Report } from '../../shared/doc/model'
import { attachmentLines, reportFlow, type FlowItem } from '../../shared/export/flow'
import { gridWidth } from '../../shared/doc/stats'
import { fontTableXml, patchStyles } from './docx-package'

export interface DocxSettings {
  /** Body, level 3 and level 4 headings (East Asian font). */
  bodyFont: string
  titleFont: string
  heading1Font: string
  heading2Font: string
  /** Level 3 headings (`1.`) in bold: a local custom the standard does not ask for. */
  level3Bold: boolean
  /** Exact line spacing of body text, in twips. */
  lineSpacingTwips: number
  /** A shared report's 批注 as Word comments. */
  comments: boolean
}

export const DEFAULT_DOCX_SETTINGS: Readonly<DocxSettings> = Object.freeze({
  bodyFont: '仿宋_GB2312',
  titleFont: '方正小标宋简体',
  heading1Font: '黑体',
  heading2Font: '楷体_GB2312',
  level3Bold: false,
  // 579 twips is the grid's line pitch: 22 × 579 = 12738 of the 12756-twip type area, so the 22
  // lines fill the 版心 exactly as the standard draws it and every line sits on the document grid.
  // The common 28 pt (560) also gives 22 lines but leaves the bottom ~1 line short; 29 pt gives 21.
  lineSpacingTwips: 579,
  comments: true
})

/** Page geometry in twips; the mm→twip helper of the library rounds down, so the integers are written. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 2098,
  marginLeft: 1588,
  marginRight: 1474,
  marginBottom: 1984,
  header: 851,
  // 28 mm: the footer sits under the 35 mm bottom margin so the number's top is ~7 mm below the type area.
  footer: 1588,
  linePitch: 579,
  // (156 mm / 28 − 16 pt) × 4096 ≈ −849: 28 三号 characters a line. Relative to Normal's size, so Normal is 三号.
  charSpace: -849
} as const

const TYPE_AREA_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight // 8844 twips = 156 mm
/** One character (字, GB/T 9704 §3.3: the width of one body character, 三号 = 16 pt). */
const CHAR = 320
const LATIN = 'Times New Roman'
const PAGE_NUMBER_FONT = '宋体'

function checkSettings(s: DocxSettings): void {
  if (!Number.isInteger(s.lineSpacingTwips) || s.lineSpacingTwips < 240 || s.lineSpacingTwips > 1200)
    throw new RangeError(`lineSpacingTwips out of range: ${s.lineSpacingTwips}`)
  for (const f of [s.bodyFont, s.titleFont, s.heading1Font, s.heading2Font])
    if (!f.trim() || /[<>&"]/.test(f)) throw new RangeError(`bad font name: ${f}`)
}

/** rFonts for a CJK face: Latin text in Times New Roman beside 仿宋 (the usual office setting). */
const fonts = (eastAsia: string, latin = LATIN) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin })

/** Paragraph indent with both twips and Word's character units, as Word itself writes 首行缩进 2 字符. */
const firstLine = (chars: number) => ({ firstLine: chars * CHAR, firstLineChars: chars * 100 })

function styles(s: DocxSettings): IParagraphStyleOptions[] {
  const exact = { line: s.lineSpacingTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
  const heading = (level: HeadingLevel | 5 | 6, font: string, latin: string, extra: { bold?: boolean; keepNext?: boolean } = {}): IParagraphStyleOptions => ({
    id: `Heading${level}`,
    // Word's built-in names (lower case): Word and WPS then show these paragraphs in the navigation pane.
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: {
      outlineLevel: level - 1,
      // 公文 headings are indented two characters like the body (一、 starts where a paragraph starts).
      indent: firstLine(2),
      spacing: exact,
      keepNext: extra.keepNext
    },
    run: { font: fonts(font, latin), size: 32, bold: extra.bold ?? false, italics: false, color: '000000' }
  })
  return [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      paragraph: {
        alignment: AlignmentType.BOTH,
        spacing: exact,
        // No widow control: typeset 公文 pages are filled to the 22-line grid rather than left a line
        // short. Written explicitly by patchStyles (the library cannot put it in a style).
        indent: firstLine(2)
      },
      run: { font: fonts(s.bodyFont), size: 32, color: '000000', language: { value: 'en-US', eastAsia: 'zh-CN' } }
    },
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, indent: { ...firstLine(0), left: 0, right: 0 }, spacing: exact },
      // Off the character grid: a 22 pt character would otherwise be squeezed to the 三号 pitch.
      run: { font: fonts(s.titleFont, s.titleFont), size: 44, bold: false, color: '000000', snapToGrid: false }
    },
    // Levels 1–2 are their own paragraphs: keep them with the text they head.
    heading(1, s.heading1Font, s.heading1Font, { keepNext: true }),
    heading(2, s.heading2Font, s.heading2Font, { keepNext: true }),
    // Levels 3–4 are often run-in (heading sentence + body in one paragraph), so keepNext is set per
    // paragraph for the ones on their own line, not in the style.
    heading(3, s.bodyFont, LATIN, { bold: s.level3Bold }),
    heading(4, s.bodyFont, LATIN),
    // Not used by the export; replaced so a clerk applying them in Word gets 仿宋 rather than blue Calibri.
    heading(5, s.bodyFont, LATIN),
    heading(6, s.bodyFont, LATIN),
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      // Single spacing: an exact body line height cuts off table rows. 4号 fits more in a cell.
      paragraph: { alignment: AlignmentType.LEFT, indent: { ...firstLine(0), left: 0, right: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      run: { size: 28 }
    },
    {
      id: 'Footer',
      name: 'footer',
      basedOn: 'Normal',
      // Exact 16 pt: an auto line would snap to the 579-twip grid and push the footer into the type
      // area, which makes Word shrink the body to 21 lines.
      paragraph: { indent: { ...firstLine(0), left: 0, right: 0 }, spacing: { line: 320, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      run: { font: fonts(PAGE_NUMBER_FONT, PAGE_NUMBER_FONT), size: 28, snapToGrid: false }
    }
  ]
}

/** `— n —`: 4号 宋体, odd pages right and even pages left, one character in from the type area's edge. */
function pageFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR, left: 0, firstLine: 0 } : { left: CHAR, right: 0, firstLine: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })]
      })
    ]
  })
}

function table(rows: string[][], header: boolean): Table {
  const width = Math.max(1, ...rows.map((r) => r.length))
  // Columns share the width by their longest cell (capped, so one long cell does not starve the
  // others): a label column such as 学前三年毛入园率 then fits on one line.
  const need = Array.from({ length: width }, (_, j) =>
    Math.min(16, Math.max(2, ...rows.map((r) => Math.max(0, ...(r[j] ?? '').split('\n').map(gridWidth)))))
  )
  const total = need.reduce((a, b) => a + b, 0)
  const widths = need.map((n) => Math.floor((TYPE_AREA_WIDTH * n) / total))
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: header && i === 0,
          cantSplit: true,
          children: Array.from(
            { length: width },
            (_, j) =>
              new TableCell({
                width: { size: widths[j], type: WidthType.DXA },
                children: (row[j] ?? '').split('\n').map(
                  (line) =>
                    new Paragraph({
                      style: 'TableText',
                      alignment: header && i === 0 ? AlignmentType.CENTER : undefined,
                      children: line ? [new TextRun({ text: line, bold: header && i === 0 ? true : undefined })] : []
                    })
                )
              })
          )
        })
    )
  })
}

/** `keep`: keep with the next paragraph (the tail that leads into the attachment note and signature). */
function items(item: FlowItem, keep: boolean, ranges?: CommentRanges): (Paragraph | Table)[] {
  const keepNext = keep || undefined
  switch (item.kind) {
    case 'title':
      return [new Paragraph({ style: 'Title', children: runs([{ text: item.text }]) })]
    case 'blank':
      return [new Paragraph({ keepNext, children: [] })]
    case 'paragraph':
      return [new Paragraph({ keepNext, indent: item.flush ? firstLine(0) : undefined, children: runs(item.runs, {}, ranges) })]
    case 'heading':
      return [
        new Paragraph({
          style: `Heading${item.level}`,
          keepNext: item.level >= 3 ? true : undefined,
          children: withComments(ranges, item.section.titleComments, [new TextRun(item.marker + item.title)])
        })
      ]
    case 'run-in':
      // One paragraph in the heading's style, so the outline level puts it in Word's and WPS's
      // navigation pane (which then shows the sentence and the start of the body: the price of a
      // run-in heading; Word's hidden "style separator" would avoid it but LibreOffice and WPS render
      // it inconsistently). The heading sentence keeps the style's character format; the body part is
      // explicitly not bold so a bold level-3 style does not spill into the text. It holds its own
      // text, so it does not keep with the next paragraph as the level 1–2 styles would have it:
      // chained, such paragraphs of many lines were pushed whole onto the next page.
      return [
        new Paragraph({
          style: `Heading${item.level}`,
          keepNext: keep,
          children: [...withComments(ranges, item.section.titleComments, [new TextRun(item.sentence)]), ...runs(item.runs, { bold: false }, ranges)]
        })
      ]
    case 'table':
      return [table(item.rows, item.header)]
    case 'attachments': {
      // 附件：1. … on the first line, indented two characters; later items align with the first
      // item's number, and wrapped lines with the name (GB/T 9704 §7.3.4).
      const single = item.items.length === 1
      return attachmentLines(item.items).map((line, i) => {
        const numberWidth = single ? 0 : gridWidth(`${i + 1}. `)
        const textStart = Math.round((2 + 3 + numberWidth) * CHAR)
        const lineStart = Math.round((i === 0 ? 2 : 5) * CHAR)
        return new Paragraph({
          keepNext,
          indent: { left: textStart, hanging: textStart - lineStart, firstLineChars: 0 },
          children: [new TextRun(line)]
        })
      })
    }
    case 'signature': {
      const { signature: sig, layout } = item
      const lines: [string, number][] = []
      if (sig.unit) lines.push([sig.unit, layout.unitRight])
      if (sig.date) lines.push([sig.date, layout.dateRight])
      return lines.map(
        ([text, right], i) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { ...firstLine(0), left: 0, right: Math.round(right * CHAR) },
            // The unit never ends a page with its date on the next one.
            keepNext: i < lines.length - 1 ? true : undefined,
            children: [new TextRun(text)]
          })
      )
    }
  }
}

function section(report: Report, first: boolean, ranges?: CommentRanges): ISectionOptions {
  const flow = reportFlow(report)
  ranges?.addReport(report, flow)
  // The signature never stands alone on a page (GB/T 9704 §7.3.5): the last line of text, the blank
  // lines and the attachment note are kept with it.
  const tail = flow.findIndex((item, i) => item.kind === 'blank' && i > 0 && flow.slice(i).every((x) => x.kind === 'blank' || x.kind === 'attachments' || x.kind === 'signature'))
  const children = flow.flatMap((item, i) => items(item, tail > 0 && i >= tail - 1 && item.kind !== 'signature', ranges))
  if (!children.length) children.push(new Paragraph({ children: [] }))
  return {
    properties: {
      // Each report starts on a new page and counts its pages from 1, so it prints and hands in on its own.
      type: first ? undefined : SectionType.NEXT_PAGE,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.marginTop, left: PAGE.marginLeft, right: PAGE.marginRight, bottom: PAGE.marginBottom, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
        pageNumbers: { start: 1 }
      },
      grid: { type: 'linesAndChars', linePitch: PAGE.linePitch, charSpace: PAGE.charSpace }
    },
    footers: { default: pageFooter('odd'), even: pageFooter('even') },
    children
  }
}

/** Several reports in one .docx, each in its own section starting on a new page with page 1. */
export async function reportsToDocx(reports: Report[], settings: Partial<DocxSettings> = {}): Promise<Buffer> {
  const s: DocxSettings = { ...DEFAULT_DOCX_SETTINGS, ...settings }
  checkSettings(s)
  const first = reports[0]
  const ranges = s.comments ? new CommentRanges() : undefined
  const sections = (reports.length ? reports : [emptyReport()]).map((r, i) => section(r, i === 0, ranges))
  const comments = ranges?.options()
  const doc = new Document({
    title: first?.meta.title || '工作总结',
    creator: first?.meta.author || first?.meta.unit || '工作总结',
    lastModifiedBy: first?.meta.author || first?.meta.unit || '工作总结',
    description: '工作总结（GB/T 9704 公文格式）',
    evenAndOddHeaderAndFooters: true,
    // Theme fonts are a fallback some WPS versions reach for; make them the 公文 fonts, not Calibri/等线.
    theme: {
      fonts: {
        headings: { latin: LATIN, eastAsia: s.heading1Font, scripts: { Hans: s.heading1Font } },
        body: { latin: LATIN, eastAsia: s.bodyFont, scripts: { Hans: s.bodyFont } }
      }
    },
    styles: {
      default: {
        // No theme attributes anywhere: a theme font on rFonts beats the named font (黑体 → 等线).
        document: {
          run: { font: fonts(s.bodyFont), size: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: {}
        }
      },
      paragraphStyles: styles(s)
    },
    ...(comments ? { comments } : {}),
    sections
  })
  // The library writes an empty font table; ours names the fallbacks (written in place of its file).
  const fontTable = fontTableXml([LATIN, s.bodyFont, s.titleFont, s.heading1Font, s.heading2Font, PAGE_NUMBER_FONT])
  return patchStyles(await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable }]))
}

export async function reportToDocx(report: Report, settings: Partial<DocxSettings> = {}): Promise<Buffer> {
  return reportsToDocx([report], settings)
}

/**
 * The file readers, on files made the way clerks' files are made: .docx with Word's automatic
 * numbering (written by hand so numbering.xml says exactly what Word and WPS write), .doc and
 * .rtf written by LibreOffice from such a .docx, MHT pages, and files whose extension lies.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isUserError } from '../../../shared/errors'
import type { SourceLine } from '../../../shared/import/lines'
import { numberSections } from '../../../shared/doc/numbering'
import { importBuffer, readReportFile, sourceOfBuffer } from '../import-files'
import { convertWithLibreOffice, haveLibreOffice } from '../testing/libreoffice'
import { OUTLINE_NUMBERING, OUTLINE_REFERENCE } from '../testing/numbered-docx'
import { docxToLines } from './docx'

const texts = (lines: SourceLine[]) => lines.filter((l) => l.text || l.table).map((l) => (l.table ? `[${l.table.map((r) => r.join('|')).join('/')}]` : l.text))

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** A .docx package from its parts, as small as Word accepts. */
async function docxPackage(body: string, numbering = '', styles = ''): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`)
  if (numbering) zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`)
  if (styles) zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`)
  return zip.generateAsync({ type: 'nodebuffer' })
}

const p = (text: string, pPr = '', runs?: string): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs ?? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`}</w:p>`
const num = (id: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`
const lvl = (i: number, fmt: string, text: string, extra = ''): string => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`
const OUTLINE = `<w:abstractNum w:abstractNumId="7">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCountingThousand', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>`

describe('.docx as Word and WPS write it', () => {
  it('turns automatic numbering into the markers the page shows, counting as Word does', async () => {
    const numbering = `${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`
    const body = [
      p('基本情况', num(1, 0)),
      p('教学工作', num(1, 1)),
      p('课堂改革', num(1, 2)),
      p('教研活动', num(1, 3)),
      p('质量监测', num(1, 2)),
      p('主要做法', num(2, 0)),
      p('加强领导', num(3, 2)),
      p('完善制度', num(3, 2))
    ].join('')
    expect(texts(await docxToLines(await docxPackage(body, numbering)))).toEqual(['一、 基本情况', '（一） 教学工作', '1. 课堂改革', '（1） 教研活动', '2. 质量监测', '二、 主要做法', '1. 加强领导', '2. 完善制度'])
  })

  it('finds headings by style in any language, the title by style or form, and leaves out what is not text', async () => {
    const styles = `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/><w:basedOn w:val="a"/></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>`
    const body = [
      p('城关小学2024年工作总结', '<w:jc w:val="center"/>'),
      p('', '', '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>基本情况……1</w:t></w:r>'),
      p('存在问题……2', '', '<w:r><w:t>存在问题……2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
      p('基本情况', '<w:pStyle w:val="1"/>'),
      p('', '', '<w:r><w:t>全年开展</w:t></w:r><w:del><w:r><w:delText>不少</w:delText></w:r></w:del><w:ins><w:r><w:t>公开课</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x.cn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>120节</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>，落实</w:t></w:r><w:r><w:ruby><w:rt><w:r><w:t>guī</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>规</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>范。</w:t></w:r>'),
      p('教学工作', '<w:pStyle w:val="2"/>')
    ].join('')
    const lines = await docxToLines(await docxPackage(body, '', styles))
    expect(lines.filter((l) => l.text).map((l) => [l.text, l.heading ?? 0, !!l.title])).toEqual([
      ['城关小学2024年工作总结', 0, true],
      ['基本情况', 1, false],
      ['全年开展公开课120节，落实规范。', 0, false],
      ['教学工作', 2, false]
    ])
  })

  it('imports a report numbered by Word with its outline, title and table', async () => {
    const numbering = `${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>`
    const body = [p('城关小学2024年工作总结', '<w:jc w:val="center"/>'), p('今年我校各项工作取得新进展，现总结如下：'), p('基本情况', num(1, 0)), p('教学工作', num(1, 1)), p('课堂改革稳步推进。全年开展公开课120节。', num(1, 2)), p('存在的问题', num(1, 0)), p('师资力量仍显不足。')].join('')
    const [r] = (await importBuffer(await docxPackage(body, numbering), '.docx')).reports
    expect(r.meta.title).toBe('城关小学2024年工作总结')
    expect(numberSections(r.sections).map((n) => `${n.depth} ${n.section.sourceMarker} ${n.section.title}`)).toEqual(['1 一、 基本情况', '2 （一） 教学工作', '3 1. 课堂改革稳步推进', '1 二、 存在的问题'])
  })
})

describe('files written by LibreOffice: .doc (Word 97–2003) and .rtf', () => {
  const hasLo = haveLibreOffice('readers.test')
  let dir = ''
  let source = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zj-readers-'))
    const doc = new Document({
      numbering: OUTLINE_NUMBERING,
      sections: [
        {
          children: [
            new Paragraph({ text: '城关小学2024年工作总结', alignment: AlignmentType.CENTER }),
            new Paragraph('今年我校各项工作取得新进展，现总结如下：'),
            new Paragraph({ text: '基本情况', numbering: { reference: OUTLINE_REFERENCE, level: 0 } }),
            new Paragraph({ text: '教学工作', numbering: { reference: OUTLINE_REFERENCE, level: 1 } }),
            new Paragraph({ text: '课堂改革稳步推进。全年开展公开课120节。', numbering: { reference: OUTLINE_REFERENCE, level: 2 } }),
            new Paragraph({ text: '质量监测成绩提升。', numbering: { reference: OUTLINE_REFERENCE, level: 2 } }),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('数量')] })] }), new TableRow({ children: [new TableCell({ children: [new Paragraph('公开课')] }), new TableCell({ children: [new Paragraph('120节')] })] })] }),
            new Paragraph({ text: '存在的问题', numbering: { reference: OUTLINE_REFERENCE, level: 0 } }),
            new Paragraph('师资力量仍显不足。'),
            new Paragraph('城关小学'),
            new Paragraph('2024年12月30日')
          ]
        }
      ]
    })
    source = join(dir, '总结.docx')
    await writeFile(source, await Packer.toBuffer(doc))
  })
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const expectReport = async (path: string): Promise<void> => {
    const [r] = (await readReportFile(path)).reports
    expect(r.meta.title).toBe('城关小学2024年工作总结')
    expect(numberSections(r.sections).map((n) => `${n.depth} ${n.section.sourceMarker} ${n.section.title}`)).toEqual(['1 一、 基本情况', '2 （一） 教学工作', '3 1. 课堂改革稳步推进', '3 2. 质量监测成绩提升', '1 二、 存在的问题'])
    expect(r.sections[0].children[0].children[1].blocks).toContainEqual({ type: 'table', rows: [['项目', '数量'], ['公开课', '120节']] })
    expect(r.signature).toEqual({ unit: '城关小学', date: '2024年12月30日' })
  }

  it.skipIf(!hasLo)('reads a .doc: its list numbering becomes the markers, with the table and the signature', async () => {
    await expectReport(await convertWithLibreOffice(source, 'doc', dir))
  })

  it.skipIf(!hasLo)('reads the same .doc named .wps, and the same report as .rtf', async () => {
    const doc = await convertWithLibreOffice(source, 'doc', dir)
    const wps = join(dir, '总结副本.wps')
    await writeFile(wps, await import('node:fs/promises').then((fs) => fs.readFile(doc)))
    await expectReport(wps)
    await expectReport(await convertWithLibreOffice(source, 'rtf', dir))
  })
})

describe('RTF and MHT', () => {
  const hex = (s: string, enc: string): string => [...iconv.encode(s, enc)].map((b) => `\\'${b.toString(16)}`).join('')

  it('decodes GBK bytes by the document code page, \\u escapes, list numbers and tables', async () => {
    const rtf = `{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}{\\info{\\title x}}\\pard ${hex('城关小学2024年工作总结', 'gbk')}\\par {\\listtext ${hex('一、', 'gbk')}\\tab}${hex('基本情况', 'gbk')}\\par \\uc1\\u20840?\\u24180?${hex('开展活动12次。', 'gbk')}\\par \\trowd\\intbl ${hex('项目', 'gbk')}\\cell ${hex('次数', 'gbk')}\\cell\\row \\intbl A\\cell 12\\cell\\row \\pard ${hex('城关小学', 'gbk')}\\par}`
    const { lines } = await sourceOfBuffer(Buffer.from(rtf, 'latin1'), '.doc')
    expect(texts(lines)).toEqual(['城关小学2024年工作总结', '一、 基本情况', '全年开展活动12次。', '[项目|次数/A|12]', '城关小学'])
  })

  it('reads the HTML page inside an MHT archive, in its own charset', async () => {
    const html = iconv.encode('<html><head><meta charset="gbk"></head><body><h1>城关小学2024年工作总结</h1><p>一、基本情况</p><p>全年开展活动12次。</p></body></html>', 'gbk')
    const qp = [...html].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')
    const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n------=_NextPart_01\r\nContent-Type: text/html; charset="gbk"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp.replace(/(.{70})/g, '$1=\r\n')}\r\n------=_NextPart_01\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------=_NextPart_01--\r\n`
    const [r] = (await importBuffer(Buffer.from(mht, 'latin1'), '.doc')).reports
    expect(r.meta.title).toBe('城关小学2024年工作总结')
    expect(r.sections.map((s) => s.title)).toEqual(['基本情况'])
  })
})

describe('a file is read as what its bytes say, whatever its name', () => {
  const report = '城关小学2024年工作总结\n今年我校各项工作取得新进展。\n一、基本情况\n全年开展活动12次。'
  it.each([
    ['UTF-8 text named .doc', Buffer.from(report, 'utf8'), '.doc'],
    ['GBK text named .doc', iconv.encode(report, 'gbk'), '.doc'],
    ['an HTML page named .doc', Buffer.from(`<html><body><p>${report.replace(/\n/g, '</p><p>')}</p></body></html>`, 'utf8'), '.doc'],
    ['text named .docx', Buffer.from(report, 'utf8'), '.docx']
  ])('%s', async (_name, buf, ext) => {
    const [r] = (await importBuffer(buf, ext)).reports
    expect([r.meta.title, r.sections.map((s) => s.title)]).toEqual(['城关小学2024年工作总结', ['基本情况']])
  })

  it('a .docx named .doc', async () => {
    const body = [p('城关小学2024年工作总结'), p('今年我校各项工作取得新进展。'), p('一、基本情况'), p('全年开展活动12次。')].join('')
    const [r] = (await importBuffer(await docxPackage(body), '.doc')).reports
    expect(r.sections.map((s) => s.title)).toEqual(['基本情况'])
  })
})

describe('a file that cannot be read gets one clear sentence naming it', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zj-bad-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const message = async (name: string, bytes: Buffer): Promise<string> => {
    const path = join(dir, name)
    await writeFile(path, bytes)
    try {
      await readReportFile(path)
    } catch (e) {
      if (isUserError(e)) return e.message
      throw e
    }
    throw new Error('expected a UserError')
  }
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

  it('a damaged .doc, an OLE file that is not Word, and a PDF named .doc', async () => {
    expect(await message('坏.doc', Buffer.concat([OLE, Buffer.alloc(600, 7)]))).toBe('“坏.doc”：旧版 Word 文档（.doc）已损坏或格式无法识别，无法读取。请在 Word 或 WPS 中另存为 .docx 后再导入')
    expect(await message('扫描.doc', Buffer.from('%PDF-1.7\n...'))).toMatch(/^“扫描\.doc”：暂不支持导入 PDF/)
  })
})

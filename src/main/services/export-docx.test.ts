import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section, type Report } from '../../shared/doc/model'
import { sampleReport } from '../../shared/export/sample-report'
import { reportToDocx, reportsToDocx } from './export-docx'

async function parts(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer)
  const out: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = await zip.file(name)!.async('string')
  return out
}

/** The attributes of the first `<tag …>` in xml, as a map. */
function attrs(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml)
  if (!m) throw new Error(`no <${tag}> in ${xml.slice(0, 200)}`)
  return Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]))
}

function style(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml)
  if (!m) throw new Error(`no style ${id}`)
  return m[0]
}

/** Paragraphs of document.xml with their style id and text. */
function paragraphs(documentXml: string): { xml: string; style: string | null; text: string }[] {
  return [...documentXml.matchAll(/<w:p\/>|<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')
  }))
}

function report(): Report {
  const r = emptyReport({ title: '2024年上半年教育工作总结' })
  r.preamble = [paragraph('尊敬的上级领导：'), paragraph('上半年，我局认真落实各项工作。现将有关情况总结如下：')]
  r.sections = [
    section(1, '工作完成情况', [paragraph('全县入园率93%，比去年增长4.8%。')], [
      section(2, '加强理论学习', [paragraph('组织学习12次。')], [
        section(3, '科学管理，质量提升明显', [paragraph('以制度建设为抓手。')], [section(4, '制度先行', [paragraph('建章立制。')], [], true)], true)
      ])
    ]),
    section(1, '下一步工作打算', [{ type: 'table', header: true, rows: [['项目', '金额'], ['校舍', '6267.4万元']] }])
  ]
  r.attachments = ['统计表']
  r.signature = { unit: '某县教育局', date: '2024年7月10日' }
  return r
}

describe('reportToDocx', () => {
  let xml: Record<string, string>
  beforeAll(async () => {
    xml = await parts(await reportToDocx(report()))
  })

  it('sets the A4 page, the 公文 margins and the 22 × 28 grid', () => {
    const doc = xml['word/document.xml']
    expect(attrs(doc, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' })
    expect(attrs(doc, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:left': '1588', 'w:right': '1474', 'w:bottom': '1984', 'w:footer': '1588' })
    expect(attrs(doc, 'w:docGrid')).toEqual({ 'w:type': 'linesAndChars', 'w:linePitch': '579', 'w:charSpace': '-849' })
    // The type area holds 22 lines of the pitch and not 23.
    const area = 16838 - 2098 - 1984
    expect(22 * 579).toBeLessThanOrEqual(area)
    expect(23 * 579).toBeGreaterThan(area)
  })

  it('gives every style explicit East Asian fonts and sizes', () => {
    const styles = xml['word/styles.xml']
    const expected: [string, string, string][] = [
      ['Normal', '仿宋_GB2312', '32'],
      ['Title', '方正小标宋简体', '44'],
      ['Heading1', '黑体', '32'],
      ['Heading2', '楷体_GB2312', '32'],
      ['Heading3', '仿宋_GB2312', '32'],
      ['Heading4', '仿宋_GB2312', '32']
    ]
    for (const [id, font, size] of expected) {
      const s = style(styles, id)
      expect(attrs(s, 'w:rFonts')['w:eastAsia'], id).toBe(font)
      expect(attrs(s, 'w:sz')['w:val'], id).toBe(size)
      expect(s, id).not.toMatch(/Theme=|w:color w:val="(?!000000)/)
    }
    expect(attrs(style(styles, 'Normal'), 'w:rFonts')).toMatchObject({ 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman' })
    expect(attrs(style(styles, 'Normal'), 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' })
    expect(attrs(style(styles, 'Normal'), 'w:jc')['w:val']).toBe('both')
    // No theme font anywhere in the defaults (a theme attribute would override 黑体 with 等线).
    expect(styles.slice(0, styles.indexOf('</w:docDefaults>'))).not.toMatch(/Theme=/)
    expect(attrs(styles, 'w:rFonts')['w:eastAsia']).toBe('仿宋_GB2312')
  })

  it('uses Word built-in heading names with outline levels 0–3, replacing the library defaults', async () => {
    const styles = xml['word/styles.xml']
    for (const level of [1, 2, 3, 4]) {
      const s = style(styles, `Heading${level}`)
      expect(s).toContain(`<w:name w:val="heading ${level}"/>`)
      expect(attrs(s, 'w:outlineLvl')['w:val']).toBe(String(level - 1))
      expect(styles.match(new RegExp(`w:styleId="Heading${level}"`, 'g'))).toHaveLength(1)
    }
    expect(styles).not.toMatch(/2E74B5|1F4D78|Calibri/)
    expect(style(styles, 'Heading3')).not.toContain('<w:b/>')
    const bold = await parts(await reportToDocx(report(), { level3Bold: true }))
    expect(style(bold['word/styles.xml'], 'Heading3')).toContain('<w:b/>')
  })

  it('writes widow control off and the title off the line grid, as Word reads their absence, so LibreOffice and WPS break pages alike', () => {
    const styles = xml['word/styles.xml']
    // First in pPr, where the schema's order allows them (nothing before them is set in these styles).
    expect(style(styles, 'Normal')).toContain('<w:pPr><w:widowControl w:val="0"/><w:spacing')
    expect(style(styles, 'Title')).toContain('<w:pPr><w:snapToGrid w:val="0"/><w:spacing')
    for (const id of ['Heading1', 'Heading3', 'Footer', 'TableText']) expect(style(styles, id), id).not.toMatch(/widowControl|<w:snapToGrid w:val="0"\/><w:spacing/)
  })

  it('indents body and heading paragraphs two characters and the title, table cells and footers not at all', () => {
    const styles = xml['word/styles.xml']
    expect(attrs(style(styles, 'Normal'), 'w:ind')).toMatchObject({ 'w:firstLine': '640', 'w:firstLineChars': '200' })
    expect(attrs(style(styles, 'Heading1'), 'w:ind')).toMatchObject({ 'w:firstLine': '640' })
    for (const id of ['Title', 'TableText', 'Footer']) {
      // firstLineChars wins over firstLine in Word, so both must be 0 or Normal's 200 leaks in.
      expect(attrs(style(styles, id), 'w:ind'), id).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' })
    }
    expect(attrs(style(styles, 'Title'), 'w:jc')['w:val']).toBe('center')

    const ps = paragraphs(xml['word/document.xml'])
    expect(ps[0]).toMatchObject({ style: 'Title', text: '2024年上半年教育工作总结' })
    expect(ps[0].xml).not.toContain('<w:ind')
    const body = ps.find((p) => p.text === '全县入园率93%，比去年增长4.8%。')!
    // Body paragraphs carry Normal's indent: no style, no local indent that could cancel it.
    expect(body.style).toBeNull()
    expect(body.xml).not.toContain('<w:ind')
    const salutation = ps.find((p) => p.text === '尊敬的上级领导：')!
    expect(attrs(salutation.xml, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' })
    const cells = [...xml['word/document.xml'].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
    expect(cells).toHaveLength(4)
    for (const c of cells) expect(c[0]).toContain('<w:pStyle w:val="TableText"/>')
    expect(attrs(style(styles, 'TableText'), 'w:spacing')).toMatchObject({ 'w:line': '240', 'w:lineRule': 'auto' })
  })

  it('writes heading numbers as text, run-in headings in one paragraph with the heading style', () => {
    const ps = paragraphs(xml['word/document.xml'])
    expect(ps.filter((p) => p.style?.startsWith('Heading')).map((p) => [p.style, p.text])).toEqual([
      ['Heading1', '一、工作完成情况'],
      ['Heading2', '（一）加强理论学习'],
      ['Heading3', '1.科学管理，质量提升明显。以制度建设为抓手。'],
      ['Heading4', '（1）制度先行。建章立制。'],
      ['Heading1', '二、下一步工作打算']
    ])
    const runIn = ps.find((p) => p.style === 'Heading3')!
    const runs = [...runIn.xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0])
    expect(runs[0]).toContain('1.科学管理，质量提升明显。')
    // The body part is never bold, whatever the heading style says.
    expect(runs[1]).toContain('<w:b w:val="false"/>')
    expect(xml['word/document.xml']).not.toContain('<w:numPr>')
  })

  it('puts the attachment note and the signature where GB/T 9704 puts them', () => {
    const ps = paragraphs(xml['word/document.xml'])
    const i = ps.findIndex((p) => p.text === '附件：统计表')
    expect(ps[i - 1].text).toBe('')
    // Single attachment: first line at 2 characters, wrapped lines under the name (5 characters).
    expect(attrs(ps[i].xml, 'w:ind')).toMatchObject({ 'w:left': '1600', 'w:hanging': '960' })
    const unit = ps.findIndex((p) => p.text === '某县教育局')
    expect(ps[unit - 1].text).toBe('')
    expect(ps[unit + 1].text).toBe('2024年7月10日')
    for (const p of [ps[unit], ps[unit + 1]]) expect(attrs(p.xml, 'w:jc')['w:val']).toBe('right')
    const unitRight = Number(attrs(ps[unit].xml, 'w:ind')['w:right'])
    const dateRight = Number(attrs(ps[unit + 1].xml, 'w:ind')['w:right'])
    expect(dateRight).toBe(640)
    expect(unitRight).toBeGreaterThan(dateRight)
    // The signature never stands alone on a page: the text before it keeps with it.
    for (const p of ps.slice(i - 1, unit + 1)) expect(p.xml, p.text).toContain('<w:keepNext/>')
    expect(ps[unit + 1].xml).not.toContain('<w:keepNext/>')
  })

  it('keeps the last line of text with the signature', async () => {
    const r = report()
    r.sections[1].blocks.push(paragraph('最后一段。'))
    const ps = paragraphs((await parts(await reportToDocx(r)))['word/document.xml'])
    expect(ps.find((p) => p.text === '最后一段。')!.xml).toContain('<w:keepNext/>')
    expect(ps.find((p) => p.text === '组织学习12次。')!.xml).not.toContain('<w:keepNext/>')
  })

  it('does not keep a run-in 一、 paragraph with the next, as the heading style would (a long one went whole to the next page)', async () => {
    const r = report()
    r.sections[0].runIn = true
    const ps = paragraphs((await parts(await reportToDocx(r)))['word/document.xml'])
    const runIn = ps.find((p) => p.style === 'Heading1' && p.text.startsWith('一、工作完成情况'))!
    expect(runIn.text).toContain('全县入园率93%')
    expect(runIn.xml).toContain('<w:keepNext w:val="false"/>')
    // A heading on its own line still keeps with its text.
    expect(ps.find((p) => p.text === '二、下一步工作打算')!.xml).not.toContain('<w:keepNext w:val="false"/>')
  })

  it('turns on different odd and even footers holding — PAGE — in 4号 宋体', () => {
    expect(xml['word/settings.xml']).toContain('<w:evenAndOddHeaders/>')
    const doc = xml['word/document.xml']
    const rels = xml['word/_rels/document.xml.rels']
    const footerFile = (type: string) => {
      const id = attrs(doc.slice(doc.indexOf(`w:type="${type}"`) - 40), 'w:footerReference')['r:id']
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!
      return xml[`word/${target[1] ?? target[2]}`]
    }
    const odd = footerFile('default')
    const even = footerFile('even')
    for (const [footer, align, side] of [
      [odd, 'right', 'w:right'],
      [even, 'left', 'w:left']
    ] as const) {
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/)
      expect(attrs(footer, 'w:jc')['w:val']).toBe(align)
      expect(attrs(footer, 'w:ind')[side]).toBe('320')
      expect(attrs(footer, 'w:pStyle')['w:val']).toBe('Footer')
    }
    const footerStyle = style(xml['word/styles.xml'], 'Footer')
    expect(attrs(footerStyle, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体' })
    expect(attrs(footerStyle, 'w:sz')['w:val']).toBe('28')
    // Exact, small line: an auto line would snap to the grid and push into the type area.
    expect(attrs(footerStyle, 'w:spacing')).toMatchObject({ 'w:lineRule': 'exact', 'w:line': '320' })
    expect(1588 + 320).toBeLessThan(1984)
  })

  it('names fallbacks for the 公文 fonts in the font table', () => {
    const table = xml['word/fontTable.xml']
    expect(table).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>')
    expect(table).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>')
    expect(table).toContain('<w:font w:name="方正小标宋简体">')
  })

  it('starts each of several reports on a new page with page 1', async () => {
    const p = await parts(await reportsToDocx([report(), report()]))
    const doc = p['word/document.xml']
    const sects = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0])
    expect(sects).toHaveLength(2)
    expect(sects[1]).toContain('<w:type w:val="nextPage"/>')
    for (const s of sects) {
      expect(attrs(s, 'w:pgNumType')['w:start']).toBe('1')
      expect(attrs(s, 'w:docGrid')['w:charSpace']).toBe('-849')
    }
    expect(paragraphs(doc).filter((x) => x.style === 'Title')).toHaveLength(2)
  })

  it('takes settings and rejects nonsense', async () => {
    const p = await parts(await reportToDocx(report(), { bodyFont: '仿宋', lineSpacingTwips: 560 }))
    const normal = style(p['word/styles.xml'], 'Normal')
    expect(attrs(normal, 'w:rFonts')['w:eastAsia']).toBe('仿宋')
    expect(attrs(normal, 'w:spacing')['w:line']).toBe('560')
    await expect(reportToDocx(report(), { lineSpacingTwips: 5 })).rejects.toThrow(RangeError)
    await expect(reportToDocx(report(), { titleFont: 'x"/><evil' })).rejects.toThrow(RangeError)
  })

  it('exports an empty report and strips characters XML cannot hold', async () => {
    const r = emptyReport()
    r.preamble = [paragraph('控制\u0001字符\u000c')]
    const p = await parts(await reportToDocx(r))
    expect(p['word/document.xml']).toContain('控制字符')
    await expect(reportsToDocx([])).resolves.toBeInstanceOf(Buffer)
  })

  it('exports a long realistic report', async () => {
    const p = await parts(await reportToDocx(sampleReport({ pages: 20 })))
    expect(paragraphs(p['word/document.xml']).length).toBeGreaterThan(100)
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isUserError } from '../../shared/errors'
import { numberSections } from '../../shared/doc/numbering'
import { outlineJson } from '../../shared/import/outline-json'
import { scoreOutline, type GoldOutline } from '../../shared/import/score'
import { decodeText, MAX_IMPORT_BYTES, readReportFile } from './import-files'
import { CORPUS_DIR, haveCorpus } from './testing/corpus'

/** CI checks the shared corpus out beside the repository. */
const CORPUS = CORPUS_DIR
const corpusFiles = haveCorpus('import-files.test') ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort() : []

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-files-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function write(name: string, content: string | Buffer): Promise<string> {
  const p = join(dir, name)
  await writeFile(p, content)
  return p
}

async function userError(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    expect(isUserError(e)).toBe(true)
    return (e as Error).message
  }
  throw new Error('expected a UserError')
}

describe.skipIf(!corpusFiles.length)('the corpus', () => {
  it('is there', () => {
    expect(corpusFiles.length).toBeGreaterThan(0)
  })

  it.each(corpusFiles)('%s scores F1 ≥ 0.95 against its gold outline, with no noise leaked and no text lost', async (file) => {
    const gold = JSON.parse(readFileSync(join(CORPUS, file.replace(/\.txt$/, '.outline.json')), 'utf8')) as GoldOutline
    const result = await readReportFile(join(CORPUS, file))
    const score = scoreOutline(gold, outlineJson(result))
    expect(score.leaks).toEqual([])
    expect(score.lost).toEqual([])
    expect(score.reports).toBe(score.goldReports)
    expect(score.titlesFound).toBe(gold.reports.length)
    expect(score.f1).toBeGreaterThanOrEqual(0.95)
    expect(score.ok).toBe(true)
  })

  it.each(corpusFiles)('%s re-encoded as GBK gives the identical outline', async (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8')
    const utf8 = await readReportFile(join(CORPUS, file))
    const gbk = await readReportFile(await write(`gbk-${file}`, iconv.encode(text, 'gbk')))
    expect(gbk.encoding).toBe('gb18030')
    // GBK has no ©/NBSP (a noise line then reads `Copyright ?`): the reports must be identical, the noise found the same.
    expect(outlineJson(gbk).reports).toEqual(outlineJson(utf8).reports)
    expect(gbk.removed).toHaveLength(utf8.removed.length)
  })

  it('002 (traditional) re-encoded as Big5 gives the identical outline', async () => {
    const file = corpusFiles.find((f) => f.startsWith('002'))!
    const text = readFileSync(join(CORPUS, file), 'utf8')
    const big5 = await readReportFile(await write('big5-002.txt', iconv.encode(text, 'big5')))
    expect(big5.encoding).toBe('big5')
    expect(outlineJson(big5)).toEqual(outlineJson(await readReportFile(join(CORPUS, file))))
    expect(big5.reports[0].meta.script).toBe('traditional')
  })
})

describe('decodeText', () => {
  it.each([
    ['教育局工作總結', 'big5'],
    ['一、工作完成情況', 'big5'],
    ['我們學校', 'big5'],
    ['加强组织领导', 'gb18030'],
    ['一、基本情况', 'gb18030'],
    ['总结', 'gb18030'],
    ['2024年上半年工作总结\n一、主要做法', 'gb18030']
  ])('decodes the short text %s in %s although chardet guesses wrong on it', (text, encoding) => {
    expect(decodeText(iconv.encode(text, encoding))).toEqual({ text, encoding })
  })

  it('reads UTF-8 with and without a BOM, and UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF一、基本情况', 'utf8'))).toEqual({ text: '一、基本情况', encoding: 'utf-8' })
    expect(decodeText(Buffer.from('一、基本情况', 'utf8'))).toEqual({ text: '一、基本情况', encoding: 'utf-8' })
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、基本情况', 'utf16le')]))).toEqual({ text: '一、基本情况', encoding: 'utf-16le' })
  })
})

describe('readReportFile with other formats', () => {
  it('reads a .docx: Title style as the title, numbered headings, a Heading-styled section without a typed number, a table', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '城关小学2024年工作总结', heading: HeadingLevel.TITLE }),
            new Paragraph('今年我校各项工作取得新进展，现总结如下：'),
            new Paragraph({ text: '一、基本情况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun({ text: '1.教学质量稳步提升。', bold: true }), new TextRun('全年开展公开课120节。')] }),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('数量')] })] }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('公开课')] }), new TableCell({ children: [new Paragraph('120节')] })] })
              ]
            }),
            new Paragraph({ text: '存在的问题', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('师资力量仍显不足。'),
            new Paragraph('城关小学'),
            new Paragraph('2024年12月30日')
          ]
        }
      ]
    })
    const result = await readReportFile(await write('report.docx', await Packer.toBuffer(doc)))
    const [r] = result.reports
    expect(r.meta.title).toBe('城关小学2024年工作总结')
    expect(numberSections(r.sections).map((n) => [n.depth, n.marker, n.section.title])).toEqual([
      [1, '一、', '基本情况'],
      [2, '1.', '教学质量稳步提升'],
      [1, '二、', '存在的问题']
    ])
    expect(r.sections[0].children[0].blocks[1]).toEqual({ type: 'table', rows: [['项目', '数量'], ['公开课', '120节']] })
    expect(r.signature).toEqual({ unit: '城关小学', date: '2024年12月30日' })
  })

  it('reads a GBK web page that declares its charset, and strips its noise', async () => {
    const html = `<html><head><meta charset="gb2312"><title>x</title></head><body>
      <div class="nav">首页 &gt; 工作总结 &gt; 正文</div>
      <h1>2024年学校安全工作总结</h1><p>来源：原创 编辑：小王</p>
      <p>本年度我校始终把安全工作放在首位，现总结如下：</p>
      <p>一、领导重视</p><p>成立了安全工作领导小组。</p><p>二、教育到位</p><p>开展安全教育12次。</p>
      <p>Copyright &copy; 2024 范文网</p></body></html>`
    const result = await readReportFile(await write('page.htm', iconv.encode(html, 'gbk')))
    expect(result.encoding).toBe('gb18030')
    expect(result.reports[0].meta.title).toBe('2024年学校安全工作总结')
    expect(result.reports[0].sections.map((s) => s.title)).toEqual(['领导重视', '教育到位'])
    expect(result.removed).toEqual(['首页 > 工作总结 > 正文', '来源：原创 编辑：小王', 'Copyright © 2024 范文网'])
  })

  it('reads a Markdown file', async () => {
    const result = await readReportFile(await write('r.md', '# 2024年工作总结\n\n今年完成了各项任务。\n\n## 一、基本情况\n\n正文。\n\n## 存在问题\n\n不足。'))
    expect(numberSections(result.reports[0].sections).map((n) => n.section.title)).toEqual(['基本情况', '存在问题'])
  })
})

describe('bad input gives one clear sentence', () => {
  it('an empty file', async () => {
    expect(await userError(readReportFile(await write('empty.txt', '')))).toMatch(/空/)
    expect(await userError(readReportFile(await write('blank.txt', ' \n\r\n\t ')))).toMatch(/空/)
  })

  it('a binary file', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))
    expect(await userError(readReportFile(await write('image.txt', bytes)))).toMatch(/不是文本文件/)
  })

  it('a truncated .docx', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('2024年工作总结'), new Paragraph('一、基本情况')] }] })
    const full = await Packer.toBuffer(doc)
    expect(await userError(readReportFile(await write('cut.docx', full.subarray(0, Math.floor(full.length / 2)))))).toMatch(/损坏|不完整/)
  })

  it('a .docx that is a zip without a document inside', async () => {
    const zip = new JSZip()
    zip.file('hello.txt', 'hi')
    expect(await userError(readReportFile(await write('other.docx', await zip.generateAsync({ type: 'nodebuffer' }))))).toBe('“other.docx”：这个文件不是 Word 文档（找不到正文部分），无法导入')
  })

  it('a file over 20 MB', async () => {
    const p = await write('huge.txt', '')
    await truncate(p, MAX_IMPORT_BYTES + 1)
    expect(await userError(readReportFile(p))).toBe('“huge.txt”超过 20 MB，无法导入')
  })

  it('an unsupported format, a PDF and a missing file', async () => {
    expect(await userError(readReportFile(await write('table.xls', 'x')))).toMatch(/不支持导入 \.xls 文件“table\.xls”/)
    expect(await userError(readReportFile(await write('scan.pdf', '%PDF-1.4')))).toMatch(/“scan\.pdf”：暂不支持导入 PDF/)
    expect(await userError(readReportFile(join(dir, 'missing.txt')))).toMatch(/找不到/)
  })

  it('text with no report in it', async () => {
    expect(await userError(readReportFile(await write('noise.txt', '首页 > 工作总结 > 正文\nCopyright © 2024 范文网')))).toMatch(/没有找到报告正文/)
  })
})

import { describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section, type Report } from '../doc/model'
import { reportLines } from '../doc/stats'
import { formatFromPath } from './formats'
import { cleanText, isSalutation, printedWidth, reportFlow, signatureLayout } from './flow'
import { escapeHtml, printCss, reportToHtml, reportsToHtml } from './html'
import { sampleReport } from './sample-report'
import { reportToMarkdown, reportToText, reportsToText } from './text'

function smallReport(): Report {
  const r = emptyReport({ title: '2024年上半年教育工作总结' })
  r.preamble = [paragraph('尊敬的上级领导：'), paragraph('上半年，我局认真落实各项工作。现将有关情况总结如下：')]
  r.sections = [
    section(1, '工作完成情况', [paragraph('全县入园率93%，比去年增长4.8%。')], [
      section(2, '加强理论学习', [paragraph('组织学习12次。')], [
        section(3, '科学管理，质量提升明显', [paragraph('以制度建设为抓手。'), paragraph('第二段。')], [], true)
      ]),
      section(3, '帮困助学', [paragraph('资助学生700余名。')], [], true)
    ]),
    section(1, '下一步工作打算', [{ type: 'table', header: true, rows: [['项目', '金额'], ['校舍', '6267.4万元']] }])
  ]
  r.attachments = ['统计表', '名单']
  r.signature = { unit: '某县教育局', date: '2024年7月10日' }
  return r
}

describe('reportFlow', () => {
  it('numbers headings from the structure and keeps run-in headings in their paragraph', () => {
    const flow = reportFlow(smallReport())
    const headings = flow.filter((i) => i.kind === 'heading' || i.kind === 'run-in')
    expect(headings.map((h) => (h.kind === 'heading' ? h.marker + h.title : h.sentence))).toEqual([
      '一、工作完成情况',
      '（一）加强理论学习',
      '1.科学管理，质量提升明显。',
      // A 1. directly under 一、 counts on its own.
      '1.帮困助学。',
      '二、下一步工作打算'
    ])
    const runIn = flow.find((i) => i.kind === 'run-in')
    expect(runIn?.kind === 'run-in' && runIn.runs.map((r) => r.text).join('')).toBe('以制度建设为抓手。')
  })

  it('writes the salutation flush left and nothing else', () => {
    const flow = reportFlow(smallReport())
    const paras = flow.filter((i) => i.kind === 'paragraph')
    expect(paras[0]).toMatchObject({ flush: true })
    expect(paras.slice(1).some((p) => p.kind === 'paragraph' && p.flush)).toBe(false)
    expect(isSalutation('尊敬的上级领导：')).toBe(true)
    expect(isSalutation('现将有关情况总结如下：')).toBe(true)
    expect(isSalutation('上半年，我局认真落实各项工作。现将有关情况总结如下：')).toBe(false)
  })

  it('removes characters XML cannot carry', () => {
    expect(cleanText('a\u0000b\u000bc\r\nd\uD800e')).toBe('abc\nde')
  })

  it('counts the gap word processors put between Chinese and Western text', () => {
    expect(printedWidth('2026年1月10日')).toBe(6.5 + 5 * 0.25)
    expect(printedWidth('教育局')).toBe(3)
  })

  it('lays out the signature as GB/T 9704 asks: unit 右空二字, date two characters further right', () => {
    // Unit longer than the date: the unit keeps 2, the date starts 2 characters in from the unit's start.
    const long = signatureLayout({ unit: '某某县人民政府教育督导委员会办公室', date: '2024年7月10日' })
    expect(long.unitRight).toBe(2)
    const unitW = printedWidth('某某县人民政府教育督导委员会办公室')
    const dateW = printedWidth('2024年7月10日')
    expect(28 - long.unitRight - unitW + 2).toBeCloseTo(28 - long.dateRight - dateW)
    // Date longer than the unit: the date keeps 2 and the unit moves left.
    const short = signatureLayout({ unit: '教育局', date: '2024年7月10日' })
    expect(short.dateRight).toBe(2)
    expect(28 - short.unitRight - printedWidth('教育局') + 2).toBeCloseTo(28 - 2 - dateW)
  })
})

describe('reportToText', () => {
  it('is reportLines with a blank line between paragraphs and the signature lines together', () => {
    const r = smallReport()
    const text = reportToText(r)
    expect(text.startsWith('2024年上半年教育工作总结\n\n尊敬的上级领导：\n\n')).toBe(true)
    expect(text).toContain('\n\n1.科学管理，质量提升明显。以制度建设为抓手。\n\n第二段。\n\n')
    expect(text.endsWith('\n\n某县教育局\n2024年7月10日\n')).toBe(true)
    const lines = reportLines(r)
    for (const l of lines) expect(text).toContain(l)
  })

  it('separates several reports', () => {
    const a = reportToText(smallReport())
    expect(reportsToText([smallReport(), smallReport()])).toBe(`${a}\n\n${a}`)
  })
})

describe('reportToMarkdown', () => {
  it('writes the title and levels as headings with their numbers, run-in headings as paragraphs', () => {
    const md = reportToMarkdown(smallReport())
    expect(md).toContain('# 2024年上半年教育工作总结\n')
    expect(md).toContain('\n## 一、工作完成情况\n')
    expect(md).toContain('\n### （一）加强理论学习\n')
    expect(md).toContain('\n1.科学管理，质量提升明显。以制度建设为抓手。\n')
    expect(md).toContain('| 项目 | 金额 |\n| --- | --- |\n| 校舍 | 6267.4万元 |')
    expect(md).toContain('附件：1. 统计表\\\n2\\. 名单')
  })

  it('escapes Markdown syntax in text', () => {
    const r = emptyReport({ title: '总结' })
    r.preamble = [paragraph('# 不是标题'), paragraph('1. 不是列表'), paragraph('a*b*c_d [x](y) <script>')]
    const md = reportToMarkdown(r)
    expect(md).toContain('\\# 不是标题')
    expect(md).toContain('1\\. 不是列表')
    expect(md).toContain('a\\*b\\*c\\_d \\[x\\](y) \\<script\\>')
  })

  it('marks bold runs', () => {
    const r = emptyReport()
    r.preamble = [{ type: 'paragraph', runs: [{ text: '一是' }, { text: '抓落实', bold: true }, { text: '。' }] }]
    expect(reportToMarkdown(r)).toBe('一是**抓落实**。\n')
  })
})

describe('reportToHtml', () => {
  const html = reportToHtml(smallReport())

  it('is a standalone document with headings h1–h4 and run-in headings as spans', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<title>2024年上半年教育工作总结</title>')
    expect(html).toContain('<p class="title">2024年上半年教育工作总结</p>')
    expect(html).toContain('<h1>一、工作完成情况</h1>')
    expect(html).toContain('<h2>（一）加强理论学习</h2>')
    expect(html).toContain('<p class="run-in"><span class="h3" role="heading" aria-level="3">1.科学管理，质量提升明显。</span>以制度建设为抓手。</p>')
    expect(html).toContain('<p class="flush">尊敬的上级领导：</p>')
    expect(html).toContain('<thead><tr><th>项目</th><th>金额</th></tr></thead>')
    expect(html).toContain('<p class="attachment first">附件：1. 统计表</p>')
  })

  it('has the 公文 page and type in its CSS', () => {
    const css = printCss()
    expect(css).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm;}')
    expect(css).toContain('font-size:16pt')
    expect(css).toMatch(/"仿宋_GB2312", "仿宋", "FangSong", .*"STFangsong", "Noto Serif CJK SC".*serif/)
    expect(css).toMatch(/"黑体", .*"Noto Sans CJK SC".*sans-serif/)
    expect(css).toMatch(/"楷体_GB2312", .*"Noto Serif CJK SC"/)
    expect(css).toMatch(/"方正小标宋简体", .*"Noto Serif CJK SC"/)
    expect(css).toContain('text-indent:calc(2 * var(--gw-ch))')
    // 22 lines of 28.95 pt fit the 225 mm type area (637.8 pt).
    expect(22 * 28.95).toBeLessThanOrEqual((225 / 25.4) * 72)
    expect(23 * 28.95).toBeGreaterThan((225 / 25.4) * 72)
  })

  it('escapes all text and carries no script', () => {
    const r = emptyReport({ title: '<script>alert(1)</script>' })
    r.preamble = [paragraph('a & b < c > d " e \' f')]
    r.sections = [section(1, '<img src=x onerror=alert(1)>')]
    r.signature = { unit: '"单位"', date: '' }
    const out = reportToHtml(r)
    expect(out).not.toMatch(/<script|<img|onerror=alert\(1\)>/)
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).toContain('<p>a &amp; b &lt; c &gt; d &quot; e &#39; f</p>')
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;')
    expect(out).toContain(`default-src 'none'`)
    expect(out).not.toMatch(/ style=|<script/)
  })

  it('links an external stylesheet for a strict style-src and puts each report on a new page', () => {
    const out = reportsToHtml([smallReport(), smallReport()], { stylesheetHref: 'print.css', print: true })
    expect(out).toContain('<link rel="stylesheet" href="print.css">')
    expect(out).not.toContain('<style>')
    expect(out.match(/<article class="report">/g)).toHaveLength(2)
    expect(printCss({ print: true })).toContain('.report+.report{break-before:page;}')
    expect(printCss({ print: true })).not.toContain('@media screen')
    expect(printCss()).toContain('@media screen')
  })

  it('uses signature classes that the stylesheet defines', () => {
    const classes = [...html.matchAll(/class="signature (r\d+)"/g)].map((m) => m[1])
    expect(classes).toHaveLength(2)
    for (const c of classes) expect(printCss()).toContain(`.${c}{`)
  })
})

describe('formatFromPath', () => {
  it('reads the extension', () => {
    expect(formatFromPath('/a/b/总结.DOCX')).toBe('docx')
    expect(formatFromPath('C:\\x\\a.htm')).toBe('html')
    expect(formatFromPath('a.markdown')).toBe('md')
    expect(formatFromPath('a.pdf')).toBe('pdf')
    expect(formatFromPath('a.doc')).toBeNull()
    expect(formatFromPath('/a.b/noext')).toBeNull()
    expect(formatFromPath('.docx')).toBeNull()
  })
})

describe('sampleReport', () => {
  it('is deterministic and has every heading level', () => {
    const a = sampleReport({ pages: 3 })
    expect(JSON.stringify(a.sections.map((s) => s.title))).toBe(JSON.stringify(sampleReport({ pages: 3 }).sections.map((s) => s.title)))
    const levels = new Set(reportFlow(a).flatMap((i) => (i.kind === 'heading' || i.kind === 'run-in' ? [i.level] : [])))
    expect([...levels].sort()).toEqual([1, 2, 3, 4])
  })
})

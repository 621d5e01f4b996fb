/**
 * The HTML print view: a standalone document with the typography of the .docx export
 * (GB/T 9704: A4, 22 lines × 28 characters, 三号仿宋 body), used for printing to PDF in the
 * renderer or in main, and as the .html export. Pure string building: no DOM, no node.
 *
 * Strict-CSP safe: no scripts, no event attributes, no `style` attributes (dynamic values such as
 * the signature's right indent are classes defined in the stylesheet), so the page works under
 * `script-src 'self'` and, with `stylesheetHref`, under `style-src 'self'` too.
 */
import type { Report, TextRun } from '../doc/model'
import { attachmentLines, reportFlow, type FlowItem } from './flow'

export interface HtmlOptions {
  /**
   * A document meant only to be printed (printToPDF): no on-screen sheet decoration.
   * Without it, the screen shows the text on A4 sheets on a grey desk; printing is the same either way.
   */
  print?: boolean
  /** Level 3 headings (`1.`) in bold: a local custom, off in the standard (as in DocxSettings). */
  level3Bold?: boolean
  /**
   * Link this stylesheet (the text of `printCss()` served from the app) instead of inlining it,
   * for pages whose CSP forbids inline styles.
   */
  stylesheetHref?: string
}

/** CSS font stacks: the 公文 font first, then the Windows, macOS and free fallbacks. */
export const FONT_STACKS = {
  body: '"Times New Roman", "仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  heading1: '"Times New Roman", "黑体", "SimHei", "STHeiti", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  heading2: '"Times New Roman", "楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "STKaiti", "Kaiti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  // "GW Title" resolves to 方正小标宋 when installed, else to a bold serif CJK face (see printCss).
  title: '"GW Title", "方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  pageNumber: '"宋体", "SimSun", "Songti SC", "STSong", "Noto Serif CJK SC", serif'
} as const

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** Class for a right indent of `chars` characters, in half-character steps (0–28). */
function rightClass(chars: number): string {
  const halves = Math.max(0, Math.min(56, Math.round(chars * 2)))
  return `r${halves}`
}

/** On-screen only: the text on A4 sheets, so the clerk sees the page before printing. */
const SCREEN_CSS = `@media screen{
html{background:#e8e8e8;}
body{padding:16px 0;background:#e8e8e8;}
.report{box-sizing:content-box;margin:0 auto 16px;padding:37mm 26mm 35mm 28mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);}
}`

/**
 * The stylesheet. Geometry: the type area (版心) is 156 × 225 mm; 22 lines of 225/22 mm and 28
 * characters of 156/28 mm fill it. A character cell is a hair under 156/28 mm so that rounding
 * never drops the 28th character (or the 26th after the two-character indent) to the next line.
 */
export function printCss(opts: Pick<HtmlOptions, 'level3Bold' | 'print'> = {}): string {
  const rightRules: string[] = []
  for (let h = 0; h <= 56; h++) rightRules.push(`.r${h}{padding-right:calc(${h / 2} * var(--gw-ch))}`)
  return `@font-face{font-family:"GW Title";src:local("方正小标宋简体"),local("FZXBSJW--GB1-0"),local("方正小标宋_GBK"),local("Noto Serif CJK SC Bold"),local("NotoSerifCJKsc-Bold"),local("Source Han Serif SC Bold"),local("SourceHanSerifSC-Bold");}
@page{size:A4;margin:37mm 26mm 35mm 28mm;}
/* Page numbers: 4号 宋体 — n —, 7 mm below the type area, odd pages right and even pages left with
   one character of space. Chromium 131+ draws @page margin boxes; older engines print none. */
@page :right{@bottom-right{content:"— " counter(page) " —";font-family:${FONT_STACKS.pageNumber};font-size:14pt;vertical-align:top;text-align:right;padding-top:7mm;padding-right:5.6mm;}}
@page :left{@bottom-left{content:"— " counter(page) " —";font-family:${FONT_STACKS.pageNumber};font-size:14pt;vertical-align:top;text-align:left;padding-top:7mm;padding-left:5.6mm;}}
:root{--gw-ch:calc(156mm / 28 - 0.01pt);--gw-line:28.95pt;}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact;}
body{margin:0;color:#000;background:#fff;font-family:${FONT_STACKS.body};font-size:16pt;line-height:var(--gw-line);letter-spacing:calc(var(--gw-ch) - 16pt);font-kerning:none;text-autospace:ideograph-alpha ideograph-numeric;}
.report{width:156mm;}
.report+.report{break-before:page;}
/* Justification spreads the gaps between Chinese characters (Chromium's default for CJK; inter-character
   would also pull digits apart: 9 9 . 2 %). orphans/widows 1: pages fill to 22 lines like the .docx. */
p,h1,h2,h3,h4{margin:0;padding:0;font-size:16pt;font-weight:normal;line-height:var(--gw-line);text-align:justify;text-indent:calc(2 * var(--gw-ch));line-break:strict;overflow-wrap:break-word;orphans:1;widows:1;}
.title{font-family:${FONT_STACKS.title};font-size:22pt;letter-spacing:0;text-align:center;text-indent:0;text-wrap:balance;}
.blank{min-height:var(--gw-line);}
.flush{text-indent:0;}
h1,.h1{font-family:${FONT_STACKS.heading1};}
h2,.h2{font-family:${FONT_STACKS.heading2};}
h3,.h3,h4,.h4{font-family:${FONT_STACKS.body};}
h3,.h3{font-weight:${opts.level3Bold ? 'bold' : 'normal'};}
h1,h2,h3,h4{break-after:avoid;}
.attachment{padding-left:calc(5 * var(--gw-ch));text-indent:0;}
.attachment.first{padding-left:0;text-indent:calc(2 * var(--gw-ch));}
.signature{text-align:right;text-indent:0;}
${rightRules.join('\n')}
table{width:100%;border-collapse:collapse;margin:0;letter-spacing:0;}
td,th{border:1px solid #000;padding:0 0.4em;font-size:14pt;font-weight:normal;line-height:1.3;text-align:left;vertical-align:middle;}
th{font-weight:bold;text-align:center;}
b,strong{font-weight:bold;}
${opts.print ? '' : SCREEN_CSS}
`
}

function runsHtml(runs: TextRun[]): string {
  return runs
    .map((r) => {
      let t = escapeHtml(r.text).replace(/\n/g, '<br>')
      if (r.bold) t = `<b>${t}</b>`
      if (r.italic) t = `<i>${t}</i>`
      if (r.underline) t = `<u>${t}</u>`
      return t
    })
    .join('')
}

function itemHtml(item: FlowItem): string {
  switch (item.kind) {
    case 'title':
      return `<p class="title">${escapeHtml(item.text).replace(/\n/g, '<br>')}</p>`
    case 'blank':
      return '<p class="blank"></p>'
    case 'paragraph':
      return `<p${item.flush ? ' class="flush"' : ''}>${runsHtml(item.runs)}</p>`
    case 'heading':
      return `<h${item.level}>${escapeHtml(item.marker + item.title)}</h${item.level}>`
    case 'run-in':
      // The heading is a phrase inside the paragraph; role/aria-level keep it in the outline for assistive tech.
      return `<p class="run-in"><span class="h${item.level}" role="heading" aria-level="${item.level}">${escapeHtml(item.sentence)}</span>${runsHtml(item.runs)}</p>`
    case 'table': {
      const rows = item.rows.map((row, i) => {
        const tag = item.header && i === 0 ? 'th' : 'td'
        return `<tr>${row.map((c) => `<${tag}>${escapeHtml(c).replace(/\n/g, '<br>')}</${tag}>`).join('')}</tr>`
      })
      const [head, ...body] = rows
      return item.header && head
        ? `<table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`
        : `<table><tbody>${rows.join('')}</tbody></table>`
    }
    case 'attachments':
      return attachmentLines(item.items)
        .map((l, i) => `<p class="attachment${i === 0 ? ' first' : ''}">${escapeHtml(l)}</p>`)
        .join('\n')
    case 'signature': {
      const { signature: s, layout } = item
      const lines: string[] = []
      if (s.unit) lines.push(`<p class="signature ${rightClass(layout.unitRight)}">${escapeHtml(s.unit)}</p>`)
      if (s.date) lines.push(`<p class="signature ${rightClass(layout.dateRight)}">${escapeHtml(s.date)}</p>`)
      return lines.join('\n')
    }
  }
}

function reportBody(report: Report): string {
  return `<article class="report">\n${reportFlow(report).map(itemHtml).join('\n')}\n</article>`
}

export function reportsToHtml(reports: Report[], opts: HtmlOptions = {}): string {
  const title = reports.map((r) => r.meta.title.trim()).find(Boolean) ?? '工作总结'
  // No script, frame, image or connection may run or load; only the document's own styles apply.
  const csp = opts.stylesheetHref
    ? "default-src 'none'; style-src 'self'; font-src 'self'"
    : "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'"
  const css = printCss(opts)
  const style = opts.stylesheetHref
    ? `<link rel="stylesheet" href="${escapeHtml(opts.stylesheetHref)}">`
    : `<style>\n${css}</style>`
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${style}
</head>
<body>
${reports.map(reportBody).join('\n')}
</body>
</html>
`
}

/** One report as a standalone HTML document (see reportsToHtml). */
export function reportToHtml(report: Report, opts: HtmlOptions = {}): string {
  return reportsToHtml([report], opts)
}

/**
 * A clerk's own template from one of their reports: the structure stays (title, salutation,
 * the opening's lead-in sentence, every heading with its level, tables' header rows, the
 * signature), the prose goes. Body text is dropped rather than kept as "guidance": a report's
 * first sentence says what was done last time, not what to write, and left in a new report it
 * would be handed in by mistake. The unit, year, period, author and date become tokens.
 */
import { blockText, newSectionId, paragraph, type Block, type Report, type Section } from '../doc/model'
import type { ReportTemplate } from './builtin'
import { TOKENS } from './tokens'

/** The opening's last sentence when it is a lead-in: 现将有关情况总结如下： / 我们的主要做法是： */
const LEAD_IN = /[^。！？；，,]*(?:如下|主要做法是|主要做法有|具体情况是|汇报如下|报告如下)[：:。]?$/
/** A salutation line: 尊敬的各位领导：, 各位领导、同志们： */
const SALUTATION = /^(?=.*(?:尊敬|领导|同志|各位|代表|委员|老师))[^。，！？]{2,30}[：:]$/

const OPENING_GUIDANCE = '（简要概述本期工作的总体情况、主要成绩和重要数据。）'

export function templateFromReport(report: Report, name: string): ReportTemplate {
  const tokenize = tokenizer(report)
  const preamble: Block[] = []
  let leadIn = ''
  report.preamble.forEach((b, i) => {
    if (b.type !== 'paragraph') return
    const text = blockText(b).trim()
    const m = LEAD_IN.exec(text)
    // A pasted source's half-width colon is put right here: the template is the clean copy.
    if (m) leadIn = m[0].trim().replace(/:$/, '：')
    else if (i === 0 && SALUTATION.test(text)) preamble.push(paragraph(tokenize(text)))
  })
  preamble.push(paragraph(OPENING_GUIDANCE))
  if (leadIn) preamble.push(paragraph(tokenize(leadIn)))

  const keepBlock = (b: Block): Block[] => {
    if (b.type !== 'table' || b.rows.length === 0) return []
    // A table's header row is structure (the statistics asked for every period); its data is not.
    const header = b.header ? b.rows[0].map(tokenize) : b.rows[0].map(() => '')
    return [{ ...b, rows: [header, header.map(() => '')] }]
  }
  const copy = (s: Section): Section => ({
    id: newSectionId(),
    level: s.level,
    title: tokenize(s.title),
    runIn: s.runIn,
    ...(s.sourceMarker === undefined ? {} : { sourceMarker: s.sourceMarker }),
    blocks: s.blocks.flatMap(keepBlock),
    children: s.children.map(copy)
  })

  const meta = report.meta
  return {
    id: `user-${newSectionId()}`,
    name,
    kind: meta.kind,
    description: meta.title ? `根据“${meta.title}”的结构生成` : '根据已有总结的结构生成',
    builtIn: false,
    report: {
      meta: { ...meta, title: tokenize(meta.title), period: TOKENS.period, unit: TOKENS.unit, author: TOKENS.author, date: TOKENS.date },
      preamble,
      sections: report.sections.map(copy),
      attachments: report.attachments.map(tokenize),
      signature: report.signature ? { unit: tokenize(report.signature.unit), date: report.signature.date ? TOKENS.date : '' } : null
    }
  }
}

/** Replaces the report's own unit, author, date, period and years by tokens, longest first. */
function tokenizer(report: Report): (text: string) => string {
  const { meta, signature } = report
  const year = Number(/(?:19|20)\d{2}/.exec(meta.period)?.[0] ?? /(?:19|20)\d{2}/.exec(meta.title)?.[0] ?? NaN)
  const unit = meta.unit || (signature && !/^述职人|^述職人/.test(signature.unit) ? signature.unit : '')
  const pairs: [string, string][] = []
  const date = signature?.date || meta.date
  if (date) pairs.push([date, TOKENS.date])
  // A period finer than the year (2024年上半年) is one token; a bare year is handled below.
  if (meta.period && !/^\d{4}年$/.test(meta.period)) pairs.push([meta.period, TOKENS.period])
  if (unit) pairs.push([unit, TOKENS.unit])
  if (meta.author) pairs.push([meta.author, TOKENS.author])
  pairs.sort((a, b) => b[0].length - a[0].length)
  return (text) => {
    let out = text
    for (const [from, to] of pairs) out = out.split(from).join(to)
    if (Number.isFinite(year)) {
      out = out.replace(new RegExp(`(?<![0-9])${year + 1}(?=\\s*年)`, 'g'), TOKENS.nextYear)
      out = out.replace(new RegExp(`(?<![0-9])${year}(?=\\s*年)`, 'g'), TOKENS.year)
    }
    return out
  }
}

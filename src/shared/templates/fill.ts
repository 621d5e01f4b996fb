import { newSectionId, type Block, type Report, type ReportKind, type Section } from '../doc/model'
import type { ReportTemplate } from './builtin'
import { formatChineseDate } from './date'
import { BLANK, fillTokens, type TemplateFields, type TokenValues } from './tokens'

export interface FillOptions {
  /** Today, for the default signature date. */
  now?: Date
}

/**
 * A new report from a template: every token replaced by its field, metadata set, fresh section
 * ids. A missing field becomes a ＿＿ blank the placeholder check points at, except the date
 * (today) and the optional 工作名称.
 */
export function fillTemplate(template: ReportTemplate | Report, fields: TemplateFields, opts: FillOptions = {}): Report {
  const source = 'report' in template ? template.report : template
  const kind = source.meta.kind
  const values = tokenValues(kind, fields, opts.now ?? new Date())
  const fill = (t: string): string => fillTokens(t, values)
  const fillBlock = (b: Block): Block =>
    b.type === 'paragraph' ? { ...b, runs: b.runs.map((r) => ({ ...r, text: fill(r.text) })) } : { ...b, rows: b.rows.map((row) => row.map(fill)) }
  const fillSection = (s: Section): Section => ({
    ...s,
    id: newSectionId(),
    title: fill(s.title),
    blocks: s.blocks.map(fillBlock),
    children: s.children.map(fillSection)
  })
  const clean = (v: string | undefined): string => (v ?? '').trim()
  return {
    meta: {
      title: fill(source.meta.title),
      kind,
      period: values.period.includes(BLANK) ? '' : values.period,
      unit: clean(fields.unit),
      author: clean(fields.author),
      date: values.date,
      script: 'simplified'
    },
    preamble: source.preamble.map(fillBlock),
    sections: source.sections.map(fillSection),
    attachments: source.attachments.map(fill),
    signature: source.signature ? { unit: fill(source.signature.unit), date: fill(source.signature.date) } : null
  }
}

export function tokenValues(kind: ReportKind, fields: TemplateFields, now: Date): TokenValues {
  const given = String(fields.year ?? '')
    .trim()
    .replace(/年$/, '')
  const fromPeriod = /(?:19|20)\d{2}/.exec(fields.period ?? '')?.[0]
  const year = /^\d{4}$/.test(given) ? given : (fromPeriod ?? BLANK)
  const nextYear = year === BLANK ? BLANK : String(Number(year) + 1)
  return {
    unit: fields.unit?.trim() || BLANK,
    year,
    nextYear,
    period: fields.period?.trim() || defaultPeriod(kind, year),
    author: fields.author?.trim() || BLANK,
    date: fields.date?.trim() || formatChineseDate(now),
    subject: fields.subject?.trim() ?? ''
  }
}

/** The period a kind implies when the clerk gave only the year; the part it cannot know stays blank. */
function defaultPeriod(kind: ReportKind, year: string): string {
  switch (kind) {
    case 'half-year':
      return `${year}年上半年`
    case 'quarterly':
      return `${year}年第${BLANK}季度`
    case 'monthly':
      return `${year}年${BLANK}月`
    default:
      return `${year}年`
  }
}

/**
 * Proofreading: runChecks(report) → findings, in document order. Each rule lives in
 * rules/<rule-id>.ts; this module only prepares the shared context and collects.
 */
import { blockText, type Report, type Section } from '../doc/model'
import { buildContext } from './context'
import type { Rule } from './rule'
import { dateFormat } from './rules/date-format'
import { duplicateSentence } from './rules/duplicate-sentence'
import { halfwidthPunctuation } from './rules/halfwidth-punctuation'
import { missingNumber } from './rules/missing-number'
import { mixedNumbering } from './rules/mixed-numbering'
import { mixedScript } from './rules/mixed-script'
import { numberingGap } from './rules/numbering-gap'
import { placeholder } from './rules/placeholder'
import { yearMismatch } from './rules/year-mismatch'
import { RULE_IDS, type Anchor, type AnchorPart, type Finding, type RuleId } from './types'

export * from './types'
export { parseSourceMarker, markerInStyle, type SourceMarker } from './markers'

/** Every rule, in the order of RULE_IDS. */
export const RULES: readonly Rule[] = [
  placeholder,
  missingNumber,
  numberingGap,
  mixedNumbering,
  halfwidthPunctuation,
  duplicateSentence,
  mixedScript,
  dateFormat,
  yearMismatch
]

/** Short Chinese names of the rules, for grouping findings in a list. */
export const RULE_LABELS: Record<RuleId, string> = {
  placeholder: '未填占位符',
  'missing-number': '缺少数字',
  'numbering-gap': '编号跳号或重复',
  'mixed-numbering': '编号写法不一',
  'halfwidth-punctuation': '半角标点',
  'duplicate-sentence': '重复语句',
  'mixed-script': '繁简混用',
  'date-format': '日期格式',
  'year-mismatch': '年份不一致'
}

export interface CheckOptions {
  /**
   * The report this one was started from (last period's). Used to spot its year left in a
   * report that does not state its own.
   */
  previous?: Report
  /** Run only these rules; all when omitted. */
  rules?: readonly RuleId[]
}

export function runChecks(report: Report, opts: CheckOptions = {}): Finding[] {
  const ctx = buildContext(report, opts.previous)
  const order = new Map<string, number>()
  for (const u of ctx.units) order.set(unitKey(u.sectionId, u.part), u.order)
  const wanted = opts.rules ? new Set(opts.rules) : null
  const findings: Finding[] = []
  for (const rule of RULES) if (!wanted || wanted.has(rule.id)) findings.push(...rule.run(ctx))
  // Ranks are computed once per finding, not per comparison: pasted text yields thousands.
  const ruleRank = new Map(RULE_IDS.map((id, i) => [id, i]))
  return findings
    .map((f) => ({ f, unit: order.get(unitKey(f.anchor.sectionId, f.anchor.part)) ?? -1, rule: ruleRank.get(f.rule)! }))
    .sort((a, b) => a.unit - b.unit || a.f.anchor.start - b.f.anchor.start || a.rule - b.rule)
    .map((x) => x.f)
}

function unitKey(sectionId: string | null, part: AnchorPart): string {
  return `${sectionId ?? ''}|${part}`
}

/** The text an anchor points into: the report or section title, or a block's text. */
export function anchorText(report: Report, anchor: Anchor): string | null {
  if (anchor.part === 'signature-unit') return report.signature?.unit ?? null
  if (anchor.part === 'signature-date') return report.signature?.date ?? null
  if (anchor.sectionId === null) {
    if (anchor.part === 'title') return report.meta.title
    const b = report.preamble[anchor.part]
    return b ? blockText(b) : null
  }
  const s = findSection(report.sections, anchor.sectionId)
  if (!s) return null
  if (anchor.part === 'title') return s.title
  const b = s.blocks[anchor.part]
  return b ? blockText(b) : null
}

/** `text` with a finding's fix applied to its anchor range (the text unchanged when it has no fix). */
export function applyFix(text: string, finding: Finding): string {
  if (!finding.fix) return text
  return text.slice(0, finding.anchor.start) + finding.fix.replacement + text.slice(finding.anchor.end)
}

/**
 * Applies several fixes to one text. Fixes are applied from the end so earlier offsets stay
 * valid; overlapping ones after the first are skipped.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixes = findings.filter((f) => f.fix).sort((a, b) => b.anchor.start - a.anchor.start)
  let out = text
  let limit = Infinity
  for (const f of fixes) {
    if (f.anchor.end > limit) continue
    out = applyFix(out, f)
    limit = f.anchor.start
  }
  return out
}

function findSection(list: Section[], id: string): Section | null {
  for (const s of list) {
    if (s.id === id) return s
    const c = findSection(s.children, id)
    if (c) return c
  }
  return null
}

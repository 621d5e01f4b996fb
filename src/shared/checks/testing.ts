/** Helpers for the checks' tests: small reports from text, and fixes applied back to text. */
import { emptyReport, paragraph, type Block, type Report, type ReportMeta, type Section } from '../doc/model'
import { anchorText, applyFixes, runChecks } from './index'
import type { Finding, RuleId } from './types'

/** A report whose preamble is the given paragraphs and whose sections are the given ones. */
export function reportOf(preamble: (string | Block)[], sections: Section[] = [], meta: Partial<ReportMeta> = {}): Report {
  const r = emptyReport(meta)
  r.preamble = preamble.map((p) => (typeof p === 'string' ? paragraph(p) : p))
  r.sections = sections
  return r
}

export function findingsOf(report: Report, rule: RuleId, previous?: Report): Finding[] {
  return runChecks(report, { rules: [rule], previous })
}

/** The text each finding's anchor selects. */
export function selected(report: Report, f: Finding): string {
  const t = anchorText(report, f.anchor)
  if (t === null) throw new Error(`anchor points nowhere: ${JSON.stringify(f.anchor)}`)
  return t.slice(f.anchor.start, f.anchor.end)
}

/** The first preamble paragraph's text after applying every fix found in it. */
export function fixedPreamble(report: Report, findings: Finding[], index = 0): string {
  const text = anchorText(report, { sectionId: null, part: index, start: 0, end: 0 })!
  return applyFixes(
    text,
    findings.filter((f) => f.anchor.sectionId === null && f.anchor.part === index)
  )
}

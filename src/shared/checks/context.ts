/**
 * What every rule reads: the report's texts in document order, each with the anchor base and
 * section path a finding needs. Built once per runChecks so rules do not walk the tree again.
 */
import { blockText, type Report, type Section } from '../doc/model'
import { numberSections } from '../doc/numbering'
import type { Anchor, AnchorPart, Finding, Fix, RuleId } from './types'

export type UnitKind = 'report-title' | 'heading' | 'paragraph' | 'table' | 'signature'

export interface TextUnit {
  text: string
  kind: UnitKind
  sectionId: string | null
  part: AnchorPart
  /** Section path by computed markers with titles; [] outside the sections. */
  path: string[]
  section: Section | null
  /** Position in document order, for sorting findings. */
  order: number
}

export interface CheckContext {
  report: Report
  previous?: Report
  units: TextUnit[]
  /** Units grouped by container: the preamble, then each section (its title and blocks). */
  containers: TextUnit[][]
  /** Section id → path, for messages that point at another place. */
  pathOf: Map<string, string[]>
}

export function buildContext(report: Report, previous?: Report): CheckContext {
  const units: TextUnit[] = []
  const containers: TextUnit[][] = []
  const pathOf = new Map<string, string[]>()
  const push = (u: Omit<TextUnit, 'order'>, into: TextUnit[]): void => {
    const unit = { ...u, order: units.length }
    units.push(unit)
    into.push(unit)
  }

  const front: TextUnit[] = []
  if (report.meta.title) push({ text: report.meta.title, kind: 'report-title', sectionId: null, part: 'title', path: [], section: null }, front)
  report.preamble.forEach((b, i) =>
    push({ text: blockText(b), kind: b.type === 'table' ? 'table' : 'paragraph', sectionId: null, part: i, path: [], section: null }, front)
  )
  containers.push(front)

  // numberSections yields depth-first with depths, so a stack of labels gives each path.
  const stack: string[] = []
  for (const n of numberSections(report.sections)) {
    const s = n.section
    stack.length = n.depth - 1
    stack.push(n.marker + s.title)
    const path = [...stack]
    pathOf.set(s.id, path)
    const own: TextUnit[] = []
    push({ text: s.title, kind: 'heading', sectionId: s.id, part: 'title', path, section: s }, own)
    s.blocks.forEach((b, i) =>
      push({ text: blockText(b), kind: b.type === 'table' ? 'table' : 'paragraph', sectionId: s.id, part: i, path, section: s }, own)
    )
    containers.push(own)
  }
  // The signature block is checked too (a date written 2025-12-30 under the unit), as text of its own.
  const sig = report.signature
  if (sig) {
    const tail: TextUnit[] = []
    if (sig.unit) push({ text: sig.unit, kind: 'signature', sectionId: null, part: 'signature-unit', path: [], section: null }, tail)
    if (sig.date) push({ text: sig.date, kind: 'signature', sectionId: null, part: 'signature-date', path: [], section: null }, tail)
    containers.push(tail)
  }
  return { report, previous, units, containers, pathOf }
}

const MAX_EXCERPT = 40

/** The matched text with a little context either side, at most 40 characters, on one line. */
export function excerptOf(text: string, start: number, end: number, max = MAX_EXCERPT): string {
  const len = end - start
  if (len >= max) return flat(text.slice(start, start + max))
  let left = Math.floor((max - len) / 2)
  let right = max - len - left
  // Give unused room on one side to the other, so matches near an edge still get context.
  if (start - left < 0) {
    right += left - start
    left = start
  }
  if (end + right > text.length) {
    left = Math.min(start, left + (end + right - text.length))
    right = text.length - end
  }
  return flat(text.slice(start - left, end + right))
}

function flat(s: string): string {
  return s.replace(/[\t\n\r]+/g, ' ')
}

export function anchorOf(unit: TextUnit, start: number, end: number): Anchor {
  return { sectionId: unit.sectionId, part: unit.part, start, end }
}

export function makeFinding(unit: TextUnit, rule: RuleId, message: string, start: number, end: number, fix?: Fix): Finding {
  const f: Finding = { rule, message, path: unit.path, excerpt: excerptOf(unit.text, start, end), anchor: anchorOf(unit, start, end) }
  if (fix) f.fix = fix
  return f
}

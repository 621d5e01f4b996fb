import { diffChars } from 'diff'
import { blockText, type Report } from './model'
import { numberSections } from './numbering'

export interface DiffPart {
  text: string
  added?: boolean
  removed?: boolean
}

export interface SectionDiff {
  /** The section's heading in the newer version (or the older one when it was removed). */
  heading: string
  status: 'added' | 'removed' | 'changed' | 'unchanged'
  parts: DiffPart[]
}

interface Unit {
  key: string
  heading: string
  text: string
}

/** A report as comparable units: the title and opening, then each section's own text. */
function units(report: Report): Unit[] {
  const out: Unit[] = [{ key: '', heading: '标题与开头', text: [report.meta.title, ...report.preamble.map(blockText)].join('\n') }]
  for (const n of numberSections(report.sections)) {
    out.push({ key: n.section.id, heading: `${n.marker}${n.section.title}`, text: [n.section.title, ...n.section.blocks.map(blockText)].join('\n') })
  }
  const tail = [...report.attachments.map((a) => `附件：${a}`), report.signature?.unit ?? '', report.signature?.date ?? ''].filter(Boolean)
  if (tail.length) out.push({ key: '\u0000tail', heading: '附件与落款', text: tail.join('\n') })
  return out
}

/**
 * Section-by-section comparison of two versions of a report. Sections are matched by id
 * (ids survive editing and moving), then by heading text for sections re-created by an import.
 */
export function compareReports(older: Report, newer: Report): SectionDiff[] {
  const before = units(older)
  const byKey = new Map(before.map((u) => [u.key, u]))
  const byHeading = new Map(before.map((u) => [u.heading.replace(/^[^、）.]*[、）.]/, ''), u]))
  const used = new Set<Unit>()
  const out: SectionDiff[] = []
  for (const u of units(newer)) {
    const match = byKey.get(u.key) ?? byHeading.get(u.heading.replace(/^[^、）.]*[、）.]/, ''))
    if (!match || used.has(match)) {
      out.push({ heading: u.heading, status: 'added', parts: [{ text: u.text, added: true }] })
      continue
    }
    used.add(match)
    if (match.text === u.text) {
      out.push({ heading: u.heading, status: 'unchanged', parts: [{ text: u.text }] })
      continue
    }
    const parts = diffChars(match.text, u.text).map((c) => ({ text: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }))
    out.push({ heading: u.heading, status: 'changed', parts })
  }
  for (const u of before) if (!used.has(u)) out.push({ heading: u.heading, status: 'removed', parts: [{ text: u.text, removed: true }] })
  return out
}

import { blockText, type Report } from '../doc/model'
import { numberSections } from '../doc/numbering'
import { sectionLines } from '../doc/stats'

export type PassageKind = 'title' | 'preamble' | 'section' | 'attachments' | 'signature'

/**
 * The unit of indexing: one section's own text (heading + blocks, not its children's),
 * or the title, the preamble, the attachments, the signature. Paragraphs are joined with
 * '\n' so a phrase never matches across two paragraphs; runs inside a paragraph are joined
 * with nothing so a phrase does match across a bold/plain boundary.
 */
export interface Passage {
  kind: PassageKind
  /** Section path as printed: ['二、主要做法', '（一）加强领导']; [] for title and preamble. */
  path: string[]
  text: string
  /** Length of the heading at the start of `text` (the whole text for the title). */
  headLen: number
}

export function reportPassages(report: Report): Passage[] {
  const out: Passage[] = []
  const push = (p: Passage): void => {
    if (p.text.trim()) out.push(p)
  }
  push({ kind: 'title', path: [], text: report.meta.title, headLen: report.meta.title.length })
  push({ kind: 'preamble', path: [], text: report.preamble.map(blockText).join('\n'), headLen: 0 })
  const labels: string[] = []
  for (const n of numberSections(report.sections)) {
    labels.length = n.depth - 1
    labels.push(n.marker + n.section.title)
    // Markers stay out of the text: they change whenever a section moves, the words do not.
    push({ kind: 'section', path: [...labels], text: sectionLines(n.section, '').join('\n'), headLen: n.section.title.length })
  }
  push({ kind: 'attachments', path: ['附件'], text: report.attachments.join('\n'), headLen: 0 })
  if (report.signature) {
    push({ kind: 'signature', path: ['落款'], text: [report.signature.unit, report.signature.date].filter(Boolean).join('\n'), headLen: 0 })
  }
  return out
}

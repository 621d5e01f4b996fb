import { numberSections } from '@shared/doc/numbering'
import { sectionWordCount } from '@shared/doc/stats'
import type { DocumentInfo } from '../../editor/plugins/DocumentInfoPlugin'

export interface OutlineEntry {
  key: string
  marker: string
  title: string
  level: number
  depth: number
  characters: number
  children: OutlineEntry[]
}

/** The outline tree from the model; each entry carries its heading's editor key. */
export function outlineEntries(info: DocumentInfo): OutlineEntry[] {
  const roots: OutlineEntry[] = []
  const stack: OutlineEntry[] = []
  numberSections(info.report.sections).forEach((n, i) => {
    const entry: OutlineEntry = {
      key: info.headingKeys[i],
      marker: n.marker,
      title: n.section.title,
      level: n.section.level,
      depth: n.depth,
      characters: sectionWordCount(n.section),
      children: []
    }
    stack.length = n.depth - 1
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(entry)
    else roots.push(entry)
    stack.push(entry)
  })
  return roots
}

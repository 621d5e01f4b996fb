import { numberSections } from '@shared/doc/numbering'
import { sectionWordCount } from '@shared/doc/stats'
import type { DocumentInfo } from '../../editor/plugins/DocumentInfoPlugin'

export interface OutlineEntry {
  key: string
  /** The section's id in the model (assignments of a shared report name it). */
  id: string
  marker: string
  title: string
  level: number
  depth: number
  characters: number
  children: OutlineEntry[]
}

/**
 * The outline tree from the model; each entry carries its heading's editor key. Entries equal to
 * one in `previous` (same heading, number, title, count and children) are that same object, so the
 * memoised outline rows of untouched sections skip their re-render when the text changes.
 */
export function outlineEntries(info: DocumentInfo, previous: OutlineEntry[] = []): OutlineEntry[] {
  const old = new Map<string, OutlineEntry>()
  const index = (list: OutlineEntry[]) => list.forEach((e) => (old.set(e.key, e), index(e.children)))
  index(previous)
  const fresh = buildEntries(info).map((e) => share(e, old))
  return sameItems(fresh, previous) ? previous : fresh
}

const sameItems = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i])

function share(entry: OutlineEntry, old: Map<string, OutlineEntry>): OutlineEntry {
  const children = entry.children.map((c) => share(c, old))
  const o = old.get(entry.key)
  const same =
    o &&
    o.id === entry.id &&
    o.marker === entry.marker &&
    o.title === entry.title &&
    o.level === entry.level &&
    o.depth === entry.depth &&
    o.characters === entry.characters &&
    sameItems(o.children, children)
  return same ? o : { ...entry, children }
}

function buildEntries(info: DocumentInfo): OutlineEntry[] {
  const roots: OutlineEntry[] = []
  const stack: OutlineEntry[] = []
  numberSections(info.report.sections).forEach((n, i) => {
    const entry: OutlineEntry = {
      key: info.headingKeys[i],
      id: n.section.id,
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

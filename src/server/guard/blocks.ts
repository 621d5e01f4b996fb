import * as Y from 'yjs'
import { ROOT } from '../../shared/office/layout'

/**
 * Reads a shared report the way Lexical's Yjs binding (@lexical/yjs) lays it out, without
 * Lexical: the root XmlText holds one embedded XmlText per top-level block (paragraph,
 * section heading, table…), its properties as attributes (`__type`, `__level`, `__sectionId`);
 * a text node is a Y.Map of its properties followed by its characters.
 */
export { ROOT }
const HEADING = 'section-heading'
/** Blocks that belong to the report as a whole, not to the section they happen to follow. */
const REPORT_LEVEL = new Set(['title', 'signature', 'attachment'])
/** Properties that say nothing about the content (the binding may rewrite them on its own). */
const IGNORED = new Set(['__dir', '__textFormat', '__textStyle'])

export interface BlockInfo {
  id: string
  type: Y.XmlText | Y.XmlElement
  kind: string
  /** The sections (their ids) the block lies in, outermost first; a heading ends with its own. */
  chain: string[]
  level?: number
  sectionId?: string
}

export const idOf = (type: Y.AbstractType<unknown>): string => {
  const item = type._item
  return item ? `${item.id.client}:${item.id.clock}` : ''
}

function attr(type: Y.XmlText | Y.XmlElement, name: string): unknown {
  return type.getAttribute(name)
}

/** Top-level blocks in order, each with the chain of sections it belongs to. */
export function readBlocks(doc: Y.Doc): BlockInfo[] {
  const root = doc.get(ROOT, Y.XmlText) as Y.XmlText
  const stack: { level: number; id: string }[] = []
  const out: BlockInfo[] = []
  for (const op of root.toDelta() as { insert: unknown }[]) {
    const type = op.insert
    if (!(type instanceof Y.XmlText || type instanceof Y.XmlElement)) continue
    const kind = String(attr(type, '__type') ?? '')
    const info: BlockInfo = { id: idOf(type as Y.AbstractType<unknown>), type, kind, chain: [] }
    if (kind === HEADING) {
      const level = Number(attr(type, '__level')) || 1
      const sectionId = String(attr(type, '__sectionId') ?? '')
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop()
      stack.push({ level, id: sectionId })
      info.level = level
      info.sectionId = sectionId
    }
    if (!REPORT_LEVEL.has(kind)) info.chain = stack.map((s) => s.id)
    out.push(info)
  }
  return out
}

/** The block's properties, without the ones that carry no content. */
export function blockAttributes(type: Y.XmlText | Y.XmlElement): Record<string, unknown> {
  const attrs = type.getAttributes() as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(attrs).sort()) if (!IGNORED.has(key)) out[key] = attrs[key]
  return out
}

/**
 * What a block says: its properties, its text with formats, nested blocks (table cells).
 * Comment marks are left out and text split into several nodes of one format reads as one
 * run, so marking text for a comment does not count as changing it.
 */
export function signature(type: Y.XmlText | Y.XmlElement): string {
  const parts: unknown[] = [blockAttributes(type)]
  if (type instanceof Y.XmlText) appendContent(type, parts)
  else parts.push(type.toJSON())
  return JSON.stringify(parts)
}

function appendContent(text: Y.XmlText, parts: unknown[]): void {
  let format = ''
  for (const op of text.toDelta() as { insert: unknown }[]) {
    const insert = op.insert
    if (typeof insert === 'string') {
      const last = parts[parts.length - 1]
      if (Array.isArray(last) && last[0] === format) last[1] += insert
      else parts.push([format, insert])
    } else if (insert instanceof Y.Map) {
      const props = insert.toJSON() as Record<string, unknown>
      if (props.__type === 'linebreak') parts.push('br')
      else format = JSON.stringify([props.__type, props.__format ?? 0, props.__style ?? '', props.__mode ?? 0])
    } else if (insert instanceof Y.XmlText && attr(insert, '__type') === 'mark') {
      appendContent(insert, parts)
    } else if (insert instanceof Y.XmlText || insert instanceof Y.XmlElement) {
      parts.push(signature(insert))
    }
  }
}

/** The top-level block a changed shared type lies in, or null for the root and other types. */
export function topBlockOf(type: Y.AbstractType<unknown>, root: Y.XmlText): Y.AbstractType<unknown> | null {
  let current: Y.AbstractType<unknown> | null = type
  while (current && current._item) {
    const parent = current._item.parent as Y.AbstractType<unknown>
    if (parent === root) return current
    current = parent
  }
  return null
}

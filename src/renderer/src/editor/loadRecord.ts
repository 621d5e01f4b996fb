import { $getRoot, $isElementNode, $parseSerializedNode, type LexicalEditor, type LexicalNode, type SerializedLexicalNode } from 'lexical'
import type { Report } from '@shared/doc/model'
import { $loadReport } from './convert/fromModel'

export interface LoadOutcome {
  /** Set when the stored editor state could not be read in full: the report opens read-only. */
  problem: string | null
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  return keys.length === Object.keys(y).length && keys.every((k) => sameJson(x[k], y[k]))
}

/**
 * Whether this version read a stored node completely: exporting what it parsed gives back every
 * stored property unchanged, all the way down. A newer version's node version, property or value
 * (a fifth heading level read as the first) would not survive, and the state must not be edited.
 */
function $readsFully(stored: SerializedLexicalNode, node: LexicalNode): boolean {
  const exported = node.exportJSON() as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(stored)) {
    if (key === 'children' || key === '$slots') continue
    if (!(key in exported) || !sameJson(value, exported[key])) return false
  }
  const children = (stored as { children?: unknown }).children
  if (children === undefined) return true
  if (!Array.isArray(children) || !$isElementNode(node)) return false
  const parsed = node.getChildren()
  return parsed.length === children.length && children.every((c, i) => $readsFully(c as SerializedLexicalNode, parsed[i]))
}

/**
 * Builds the initial editor state from a stored record. A state this version cannot
 * fully read (corrupt JSON, an unknown node type, a node or property from a newer version) is never
 * half-loaded and saved back: the last good model is shown read-only instead.
 */
export function initialStateLoader(editorState: string | null, report: Report, outcome: LoadOutcome) {
  return (_editor: LexicalEditor): void => {
    if (!editorState) {
      $loadReport(report)
      return
    }
    try {
      const json = JSON.parse(editorState) as { root?: { children?: SerializedLexicalNode[] } }
      const children = json.root?.children
      if (!Array.isArray(children)) throw new Error('no root')
      const nodes = children.map((c) => $parseSerializedNode(c))
      if (!nodes.every((n, i) => $readsFully(children[i], n))) throw new Error('not fully read')
      const root = $getRoot()
      root.clear()
      root.append(...nodes)
      if (root.getChildrenSize() === 0) $loadReport(report)
    } catch {
      outcome.problem = '这份总结含有本版本无法完全识别的内容，已以只读方式打开，以免覆盖原文。'
      $loadReport(report)
    }
  }
}

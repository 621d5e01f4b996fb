import { $getRoot, $parseSerializedNode, type LexicalEditor, type SerializedLexicalNode } from 'lexical'
import type { Report } from '@shared/doc/model'
import { $loadReport } from './convert/fromModel'

export interface LoadOutcome {
  /** Set when the stored editor state could not be read in full: the report opens read-only. */
  problem: string | null
}

/**
 * Builds the initial editor state from a stored record. A state this version cannot
 * fully read (corrupt JSON, an unknown node type from a newer version) is never
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

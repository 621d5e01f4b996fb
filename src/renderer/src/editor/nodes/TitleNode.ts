import { $applyNodeReplacement, $createParagraphNode, ElementNode, type EditorConfig, type LexicalNode, type ParagraphNode, type RangeSelection, type SerializedElementNode } from 'lexical'

/** The report's title (2号小标宋, centred): the first block of every report. */
export class TitleNode extends ElementNode {
  static getType(): string {
    return 'report-title'
  }

  static clone(node: TitleNode): TitleNode {
    return new TitleNode(node.__key)
  }

  static importJSON(json: SerializedElementNode): TitleNode {
    return $createTitleNode().updateFromJSON(json)
  }

  createDOM(config: EditorConfig): HTMLElement {
    const el = document.createElement('h1')
    el.className = config.theme.reportTitle ?? 'report-title'
    return el
  }

  updateDOM(): boolean {
    return false
  }

  insertNewAfter(_selection?: RangeSelection, restoreSelection = true): ParagraphNode {
    const p = $createParagraphNode()
    this.insertAfter(p, restoreSelection)
    return p
  }

  /** Backspace at the start of the title does nothing: the title block stays. */
  collapseAtStart(): true {
    return true
  }
}

export function $createTitleNode(): TitleNode {
  return $applyNodeReplacement(new TitleNode())
}

export function $isTitleNode(node: LexicalNode | null | undefined): node is TitleNode {
  return node instanceof TitleNode
}

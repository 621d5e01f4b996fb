import { $applyNodeReplacement, $createParagraphNode, ElementNode, type EditorConfig, type LexicalNode, type ParagraphNode, type RangeSelection, type SerializedElementNode } from 'lexical'

/** One item of the attachment note (附件：1. …); the "附件：" label and the numbers are drawn by CSS. */
export class AttachmentNode extends ElementNode {
  static getType(): string {
    return 'attachment'
  }

  static clone(node: AttachmentNode): AttachmentNode {
    return new AttachmentNode(node.__key)
  }

  static importJSON(json: SerializedElementNode): AttachmentNode {
    return $createAttachmentNode().updateFromJSON(json)
  }

  createDOM(config: EditorConfig): HTMLElement {
    const el = document.createElement('p')
    el.className = config.theme.attachment ?? 'attachment'
    return el
  }

  updateDOM(): boolean {
    return false
  }

  /** Enter adds the next attachment; Enter on an empty item ends the list. */
  insertNewAfter(_selection?: RangeSelection, restoreSelection = true): AttachmentNode | ParagraphNode {
    if (this.getTextContent().trim() === '') {
      const p = $createParagraphNode()
      this.replace(p)
      p.select()
      return p
    }
    const next = $createAttachmentNode()
    this.insertAfter(next, restoreSelection)
    return next
  }

  collapseAtStart(): true {
    // replace(…, true) carries the children over: the words stay, only the block type changes.
    this.replace($createParagraphNode(), true).selectStart()
    return true
  }
}

export function $createAttachmentNode(): AttachmentNode {
  return $applyNodeReplacement(new AttachmentNode())
}

export function $isAttachmentNode(node: LexicalNode | null | undefined): node is AttachmentNode {
  return node instanceof AttachmentNode
}

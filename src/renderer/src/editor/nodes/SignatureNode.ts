import { $applyNodeReplacement, $createParagraphNode, ElementNode, type EditorConfig, type LexicalNode, type LexicalUpdateJSON, type NodeKey, type ParagraphNode, type RangeSelection, type SerializedElementNode, type Spread } from 'lexical'

export type SignatureRole = 'unit' | 'date'
export type SerializedSignatureNode = Spread<{ role: SignatureRole }, SerializedElementNode>

/**
 * One line of the signature block (落款): the unit name, or the date below it.
 * Right-aligned, leaving two characters, as GB/T 9704 places it.
 */
export class SignatureNode extends ElementNode {
  __role: SignatureRole

  static getType(): string {
    return 'signature'
  }

  static clone(node: SignatureNode): SignatureNode {
    return new SignatureNode(node.__role, node.__key)
  }

  constructor(role: SignatureRole = 'unit', key?: NodeKey) {
    super(key)
    this.__role = role
  }

  static importJSON(json: SerializedSignatureNode): SignatureNode {
    return $createSignatureNode(json.role === 'date' ? 'date' : 'unit').updateFromJSON(json)
  }

  updateFromJSON(json: LexicalUpdateJSON<SerializedSignatureNode>): this {
    return super.updateFromJSON(json)
  }

  exportJSON(): SerializedSignatureNode {
    return { ...super.exportJSON(), role: this.getRole() }
  }

  createDOM(config: EditorConfig): HTMLElement {
    const el = document.createElement('p')
    el.className = `${config.theme.signature ?? 'signature'} signature-${this.__role}`
    el.dataset.placeholder = this.__role === 'unit' ? '单位名称' : '日期'
    return el
  }

  updateDOM(prev: SignatureNode): boolean {
    return prev.__role !== this.__role
  }

  getRole(): SignatureRole {
    return this.getLatest().__role
  }

  /** Enter on the unit line moves to a date line; after the date it starts body text again. */
  insertNewAfter(_selection?: RangeSelection, restoreSelection = true): SignatureNode | ParagraphNode {
    const next = this.__role === 'unit' ? $createSignatureNode('date') : $createParagraphNode()
    this.insertAfter(next, restoreSelection)
    return next
  }

  collapseAtStart(): true {
    // replace(…, true) carries the children over: the words stay, only the block type changes.
    this.replace($createParagraphNode(), true).selectStart()
    return true
  }
}

export function $createSignatureNode(role: SignatureRole = 'unit'): SignatureNode {
  return $applyNodeReplacement(new SignatureNode(role))
}

export function $isSignatureNode(node: LexicalNode | null | undefined): node is SignatureNode {
  return node instanceof SignatureNode
}

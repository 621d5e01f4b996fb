import { $applyNodeReplacement, TextNode, type EditorConfig, type LexicalNode, type LexicalUpdateJSON, type NodeKey, type SerializedTextNode, type Spread } from 'lexical'

export type SerializedPromptNode = Spread<{ prompt: string }, SerializedTextNode>

/**
 * A template prompt, like the placeholder text of Word's content controls: （简要概述本年度工作…）
 * shown grey. The caret never rests inside it: it selects the whole prompt (PromptPlugin), so
 * typing replaces it; once its text changes it becomes ordinary text. `prompt` keeps the text it
 * started with, which is how a changed prompt is told from an untouched one.
 */
export class PromptNode extends TextNode {
  __prompt: string

  static getType(): string {
    return 'template-prompt'
  }

  static clone(node: PromptNode): PromptNode {
    return new PromptNode(node.__text, node.__prompt, node.__key)
  }

  constructor(text = '', prompt = text, key?: NodeKey) {
    super(text, key)
    this.__prompt = prompt
  }

  static importJSON(json: SerializedPromptNode): PromptNode {
    return $createPromptNode(json.text, typeof json.prompt === 'string' ? json.prompt : json.text).updateFromJSON(json)
  }

  updateFromJSON(json: LexicalUpdateJSON<SerializedPromptNode>): this {
    return super.updateFromJSON(json)
  }

  exportJSON(): SerializedPromptNode {
    return { ...super.exportJSON(), prompt: this.getLatest().__prompt }
  }

  createDOM(config: EditorConfig): HTMLElement {
    const el = super.createDOM(config)
    el.classList.add('template-prompt')
    el.title = '模板提示：点击后直接输入，即替换这段提示'
    return el
  }

  /** Whether the clerk has not written in it yet. */
  isUntouched(): boolean {
    const self = this.getLatest()
    return self.__text === self.__prompt
  }
}

export function $createPromptNode(text: string, prompt = text): PromptNode {
  return $applyNodeReplacement(new PromptNode(text, prompt))
}

export function $isPromptNode(node: LexicalNode | null | undefined): node is PromptNode {
  return node instanceof PromptNode
}

import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type Spread
} from 'lexical'
import { newSectionId, type HeadingLevel } from '@shared/doc/model'

export type SerializedSectionHeadingNode = Spread<
  { level: HeadingLevel; runIn: boolean; sectionId: string; sourceMarker?: string },
  SerializedElementNode
>

function parseLevel(v: unknown): HeadingLevel {
  return v === 1 || v === 2 || v === 3 || v === 4 ? v : 1
}

/**
 * A numbered section heading, level 1–4 (一、 （一） 1. （1）). Sections are flat in the
 * editor: a heading owns the blocks after it up to the next heading of the same or a
 * higher level. The number is never part of the text: NumberingPlugin writes it into
 * `data-marker`, computed from the structure, so it follows every move.
 * A run-in heading holds its heading sentence and the body that follows in one paragraph.
 */
export class SectionHeadingNode extends ElementNode {
  __level: HeadingLevel
  __runIn: boolean
  __sectionId: string
  __sourceMarker: string | undefined

  static getType(): string {
    return 'section-heading'
  }

  static clone(node: SectionHeadingNode): SectionHeadingNode {
    const clone = new SectionHeadingNode(node.__level, node.__runIn, node.__sectionId, node.__key)
    clone.__sourceMarker = node.__sourceMarker
    return clone
  }

  constructor(level: HeadingLevel = 1, runIn = false, sectionId?: string, key?: NodeKey) {
    super(key)
    this.__level = level
    this.__runIn = runIn
    this.__sectionId = sectionId ?? newSectionId()
    this.__sourceMarker = undefined
  }

  static importJSON(json: SerializedSectionHeadingNode): SectionHeadingNode {
    return $createSectionHeadingNode(parseLevel(json.level), json.runIn === true, typeof json.sectionId === 'string' ? json.sectionId : undefined).updateFromJSON(json)
  }

  updateFromJSON(json: LexicalUpdateJSON<SerializedSectionHeadingNode>): this {
    const self = super.updateFromJSON(json)
    if (typeof json.sourceMarker === 'string') self.getWritable().__sourceMarker = json.sourceMarker
    return self
  }

  exportJSON(): SerializedSectionHeadingNode {
    return {
      ...super.exportJSON(),
      level: this.getLevel(),
      runIn: this.isRunIn(),
      sectionId: this.getSectionId(),
      ...(this.getLatest().__sourceMarker ? { sourceMarker: this.getLatest().__sourceMarker } : {})
    }
  }

  createDOM(config: EditorConfig): HTMLElement {
    const el = document.createElement(this.__runIn ? 'p' : `h${this.__level + 1}`)
    el.className = `${config.theme.sectionHeading ?? 'section-heading'} level-${this.__level}${this.__runIn ? ' run-in' : ''}`
    el.dataset.level = String(this.__level)
    return el
  }

  updateDOM(prev: SectionHeadingNode): boolean {
    return prev.__level !== this.__level || prev.__runIn !== this.__runIn
  }

  getLevel(): HeadingLevel {
    return this.getLatest().__level
  }

  setLevel(level: HeadingLevel): this {
    const self = this.getWritable()
    // A run-in heading stays run-in when its level changes, so no body text becomes a title.
    self.__level = level
    return self
  }

  isRunIn(): boolean {
    return this.getLatest().__runIn
  }

  setRunIn(runIn: boolean): this {
    this.getWritable().__runIn = runIn
    return this
  }

  getSectionId(): string {
    return this.getLatest().__sectionId
  }

  getSourceMarker(): string | undefined {
    return this.getLatest().__sourceMarker
  }

  setSourceMarker(marker: string | undefined): this {
    this.getWritable().__sourceMarker = marker
    return this
  }

  /** Enter at the end starts body text; in the middle it splits the heading like a paragraph. */
  insertNewAfter(selection?: RangeSelection, restoreSelection = true): ParagraphNode | SectionHeadingNode {
    const last = this.getLastDescendant()
    const atEnd = !selection || !last || (selection.anchor.key === last.getKey() && selection.anchor.offset === last.getTextContentSize())
    const next = atEnd || this.__runIn ? $createParagraphNode() : $createSectionHeadingNode(this.getLevel())
    this.insertAfter(next, restoreSelection)
    return next
  }

  /** Backspace at the start turns the heading into body text, keeping its words. */
  collapseAtStart(): true {
    // replace(…, true) carries the children over: the words stay, only the block type changes.
    this.replace($createParagraphNode(), true).selectStart()
    return true
  }

  canBeEmpty(): boolean {
    return true
  }
}

export function $createSectionHeadingNode(level: HeadingLevel = 1, runIn = false, sectionId?: string): SectionHeadingNode {
  return $applyNodeReplacement(new SectionHeadingNode(level, runIn, sectionId))
}

export function $isSectionHeadingNode(node: LexicalNode | null | undefined): node is SectionHeadingNode {
  return node instanceof SectionHeadingNode
}

/**
 * From a model anchor (section id + part + offsets, as findings and figures carry them) to
 * a place in the editor, and back to text edits there. The model is derived from the editor
 * in document order, so the mapping follows the same walk: the i-th section is the i-th
 * heading node, and a section's blocks are the non-empty blocks after its heading.
 */
import { $createRangeSelection, $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, $setSelection, type ElementNode, type LexicalEditor, type LexicalNode, type TextNode } from 'lexical'
import { $isTableNode } from '@lexical/table'
import { walkSections, type Report } from '@shared/doc/model'
import { runInSplit } from '@shared/doc/numbering'
import type { Anchor } from '@shared/checks/types'
import { $isSectionHeadingNode, type SectionHeadingNode } from './nodes/SectionHeadingNode'
import { $isTitleNode } from './nodes/TitleNode'
import { $isSignatureNode, type SignatureNode } from './nodes/SignatureNode'
import { $isAttachmentNode } from './nodes/AttachmentNode'

interface Located {
  element: ElementNode
  /** Offset of the anchored text within the element's text (run-in bodies start after the heading sentence). */
  base: number
}

function isContentBlock(node: LexicalNode): node is ElementNode {
  if (!$isElementNode(node) || $isTitleNode(node) || $isSectionHeadingNode(node) || $isSignatureNode(node) || $isAttachmentNode(node)) return false
  return $isTableNode(node) || node.getTextContent().trim() !== ''
}

/** The non-empty body blocks after a node, up to the next heading. */
function blocksAfter(start: LexicalNode | null): ElementNode[] {
  const out: ElementNode[] = []
  for (let n = start; n && !$isSectionHeadingNode(n); n = n.getNextSibling()) if (isContentBlock(n)) out.push(n)
  return out
}

function $locate(report: Report, anchor: Anchor): Located | null {
  const root = $getRoot()
  if (anchor.part === 'signature-unit' || anchor.part === 'signature-date') {
    const role = anchor.part === 'signature-unit' ? 'unit' : 'date'
    const line = root.getChildren().find((n): n is SignatureNode => $isSignatureNode(n) && n.getRole() === role)
    return line ? { element: line, base: 0 } : null
  }
  if (anchor.sectionId === null) {
    if (anchor.part === 'title') {
      const title = root.getChildren().find($isTitleNode)
      return title ? { element: title, base: 0 } : null
    }
    const first = root.getFirstChild()
    const blocks = blocksAfter($isTitleNode(first) ? first.getNextSibling() : first)
    const el = blocks[anchor.part]
    return el ? { element: el, base: 0 } : null
  }
  const index = [...walkSections(report.sections)].findIndex((w) => w.section.id === anchor.sectionId)
  const heading = root.getChildren().filter($isSectionHeadingNode)[index] as SectionHeadingNode | undefined
  if (!heading) return null
  if (anchor.part === 'title') return { element: heading, base: 0 }
  let part = anchor.part
  if (heading.isRunIn()) {
    const text = heading.getTextContent()
    const { rest } = runInSplit(text)
    if (rest.trim()) {
      if (part === 0) return { element: heading, base: text.length - rest.length }
      part -= 1
    }
  }
  const el = blocksAfter(heading.getNextSibling())[part]
  return el ? { element: el, base: 0 } : null
}

/**
 * The text node and offset at a character offset of an element's text (line breaks count one).
 * At a boundary between two text nodes a range's start belongs to the next node, its end to the previous.
 */
function $pointAt(element: ElementNode, offset: number, side: 'start' | 'end' = 'end'): { node: TextNode; offset: number } | null {
  let pos = 0
  let last: TextNode | null = null
  const visit = (node: LexicalNode): { node: TextNode; offset: number } | null => {
    if ($isTextNode(node)) {
      const size = node.getTextContentSize()
      if (offset < pos + size || (offset === pos + size && side === 'end')) return { node, offset: offset - pos }
      pos += size
      last = node
    } else if ($isLineBreakNode(node)) {
      pos += 1
    } else if ($isElementNode(node)) {
      for (const c of node.getChildren()) {
        const r = visit(c)
        if (r) return r
      }
    }
    return null
  }
  const found = visit(element)
  if (found) return found
  const tail = last as TextNode | null
  return tail ? { node: tail, offset: tail.getTextContentSize() } : null
}

/** Selects the anchored text; returns the element so the caller can scroll to it. */
export function $selectAnchor(report: Report, anchor: Anchor): ElementNode | null {
  const located = $locate(report, anchor)
  if (!located) return null
  const from = $pointAt(located.element, located.base + anchor.start, 'start')
  const to = $pointAt(located.element, located.base + anchor.end)
  if (!from || !to) {
    located.element.selectStart()
    return located.element
  }
  const selection = $createRangeSelection()
  selection.anchor.set(from.node.getKey(), from.offset, 'text')
  selection.focus.set(to.node.getKey(), to.offset, 'text')
  $setSelection(selection)
  return located.element
}

/**
 * Replaces the anchored text if it still reads `expected` (the model may be a moment
 * behind the editor); returns whether it did. One editor update = one undo step.
 */
export function $replaceAnchor(report: Report, anchor: Anchor, expected: string, replacement: string): boolean {
  const located = $locate(report, anchor)
  if (!located) return false
  const text = located.element.getTextContent()
  if (text.slice(located.base + anchor.start, located.base + anchor.end) !== expected) return false
  const from = $pointAt(located.element, located.base + anchor.start, 'start')
  const to = $pointAt(located.element, located.base + anchor.end)
  if (!from || !to || !from.node.is(to.node)) {
    if (!from || !to) return false
    const selection = $createRangeSelection()
    selection.anchor.set(from.node.getKey(), from.offset, 'text')
    selection.focus.set(to.node.getKey(), to.offset, 'text')
    selection.insertText(replacement)
    return true
  }
  from.node.spliceText(from.offset, to.offset - from.offset, replacement)
  return true
}

/** Whether a point (a text node and an offset in it) lies within the anchored text: a finding under the caret. */
export function $anchorContains(report: Report, anchor: Anchor, point: { key: string; offset: number }): boolean {
  const located = $locate(report, anchor)
  if (!located) return false
  let pos = 0
  let found: number | null = null
  const visit = (node: LexicalNode): boolean => {
    if ($isTextNode(node)) {
      if (node.getKey() === point.key) {
        found = pos + point.offset
        return true
      }
      pos += node.getTextContentSize()
    } else if ($isLineBreakNode(node)) pos += 1
    else if ($isElementNode(node)) return node.getChildren().some(visit)
    return false
  }
  visit(located.element)
  return found !== null && found >= located.base + anchor.start && found <= located.base + anchor.end
}

/** A DOM range over the anchored text, for painting it (CSS highlights); null when it is not on screen. */
export function anchorRange(editor: LexicalEditor, report: Report, anchor: Anchor): Range | null {
  return editor.getEditorState().read(() => {
    const located = $locate(report, anchor)
    if (!located) return null
    const from = $pointAt(located.element, located.base + anchor.start, 'start')
    const to = $pointAt(located.element, located.base + anchor.end)
    const fromDom = from && editor.getElementByKey(from.node.getKey())?.firstChild
    const toDom = to && editor.getElementByKey(to.node.getKey())?.firstChild
    if (!from || !to || !fromDom || !toDom) return null
    const range = document.createRange()
    try {
      range.setStart(fromDom, Math.min(from.offset, fromDom.textContent?.length ?? 0))
      range.setEnd(toDom, Math.min(to.offset, toDom.textContent?.length ?? 0))
    } catch {
      return null
    }
    return range
  })
}

/**
 * The editor's text as find sees it: one segment per paragraph (headings, table cell paragraphs and
 * the signature included), each knowing which text node holds which characters, so a match found
 * in a segment's text maps back to editor points, DOM ranges and text edits.
 */
import { $createRangeSelection, $getNodeByKey, $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, $setSelection, type ElementNode, type LexicalEditor, type TextNode } from 'lexical'

export interface Piece {
  key: string
  /** Offset of the node's first character in the segment's text. */
  start: number
  length: number
}

export interface Segment {
  /** The paragraph's top-level block (the heading, the table…): its element scrolls into view. */
  blockKey: string
  text: string
  pieces: Piece[]
}

/** A match: segment index and [start, end) in its text. */
export interface TextMatch {
  segment: number
  start: number
  end: number
}

function hasBlockChildren(element: ElementNode): boolean {
  return element.getChildren().some((c) => $isElementNode(c) && !c.isInline())
}

function $segmentOf(element: ElementNode, blockKey: string): Segment {
  const segment: Segment = { blockKey, text: '', pieces: [] }
  const visit = (el: ElementNode) => {
    for (const child of el.getChildren()) {
      if ($isTextNode(child)) {
        segment.pieces.push({ key: child.getKey(), start: segment.text.length, length: child.getTextContentSize() })
        segment.text += child.getTextContent()
      } else if ($isLineBreakNode(child)) segment.text += '\n'
      else if ($isElementNode(child)) visit(child)
    }
  }
  visit(element)
  return segment
}

/** Every paragraph of the document in order. Run inside editor.read/update. */
export function $segments(): Segment[] {
  const out: Segment[] = []
  const collect = (element: ElementNode, blockKey: string) => {
    if (!hasBlockChildren(element)) out.push($segmentOf(element, blockKey))
    else for (const c of element.getChildren()) if ($isElementNode(c)) collect(c, blockKey)
  }
  for (const block of $getRoot().getChildren()) if ($isElementNode(block)) collect(block, block.getKey())
  return out
}

/** The text node and offset holding a segment offset; at a boundary the start belongs to the next node. */
function pointAt(segment: Segment, offset: number, side: 'start' | 'end'): { key: string; offset: number } | null {
  for (const p of segment.pieces) {
    const inside = side === 'start' ? offset >= p.start && offset < p.start + p.length : offset > p.start && offset <= p.start + p.length
    if (inside) return { key: p.key, offset: offset - p.start }
  }
  return null
}

/** Selects a match in the editor state (the caret goes there when the editor takes focus). */
export function $selectMatch(segments: Segment[], m: TextMatch): boolean {
  const seg = segments[m.segment]
  const from = seg && pointAt(seg, m.start, 'start')
  const to = seg && pointAt(seg, m.end, 'end')
  if (!from || !to) return false
  const selection = $createRangeSelection()
  selection.anchor.set(from.key, from.offset, 'text')
  selection.focus.set(to.key, to.offset, 'text')
  $setSelection(selection)
  return true
}

/** Replaces a match's text; false when the text there is no longer what was found. */
export function $replaceMatch(segments: Segment[], m: TextMatch, replacement: string): boolean {
  const seg = segments[m.segment]
  const from = seg && pointAt(seg, m.start, 'start')
  const to = seg && pointAt(seg, m.end, 'end')
  if (!from || !to) return false
  if (from.key === to.key) {
    const node = $getNodeByKey<TextNode>(from.key)
    if (!$isTextNode(node)) return false
    node.spliceText(from.offset, to.offset - from.offset, replacement)
    return true
  }
  // Across runs of different formatting: the replacement takes the first run's format.
  if (!$selectMatch(segments, m)) return false
  const selection = $createRangeSelection()
  selection.anchor.set(from.key, from.offset, 'text')
  selection.focus.set(to.key, to.offset, 'text')
  selection.insertText(replacement)
  return true
}

/** A DOM range over a match, for the highlight and for scrolling; null when a node is not rendered. */
export function matchRange(editor: LexicalEditor, segments: Segment[], m: TextMatch): Range | null {
  const seg = segments[m.segment]
  const from = seg && pointAt(seg, m.start, 'start')
  const to = seg && pointAt(seg, m.end, 'end')
  const fromNode = from && editor.getElementByKey(from.key)?.firstChild
  const toNode = to && editor.getElementByKey(to.key)?.firstChild
  if (!from || !to || !fromNode || !toNode || fromNode.nodeType !== Node.TEXT_NODE || toNode.nodeType !== Node.TEXT_NODE) return null
  const range = document.createRange()
  try {
    range.setStart(fromNode, from.offset)
    range.setEnd(toNode, to.offset)
  } catch {
    return null
  }
  return range
}

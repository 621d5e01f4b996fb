/**
 * Structural edits on the flat section layout: a section is its heading plus every
 * block after it up to the next heading of the same or a higher level.
 * All functions run inside editor.update(); numbers follow by themselves.
 */
import { $createParagraphNode, $getNodeByKey, $getRoot, $getSelection, $isElementNode, $isRangeSelection, type ElementNode, type LexicalNode } from 'lexical'
import type { HeadingLevel } from '@shared/doc/model'
import { $createSectionHeadingNode, $isSectionHeadingNode, type SectionHeadingNode } from './nodes/SectionHeadingNode'
import { $isSignatureNode } from './nodes/SignatureNode'
import { $isAttachmentNode } from './nodes/AttachmentNode'
import { $isTitleNode } from './nodes/TitleNode'
import { parseMarker } from '@shared/import/markers'

/** Blocks that end every section: the tail of the document (attachments, signature). */
function isTail(node: LexicalNode): boolean {
  return $isSignatureNode(node) || $isAttachmentNode(node)
}

/** The heading and everything it owns, in order. */
export function $sectionNodes(heading: SectionHeadingNode): LexicalNode[] {
  const nodes: LexicalNode[] = [heading]
  let next = heading.getNextSibling()
  while (next && !isTail(next) && !($isSectionHeadingNode(next) && next.getLevel() <= heading.getLevel())) {
    nodes.push(next)
    next = next.getNextSibling()
  }
  return nodes
}

/** The top-level block holding the selection's anchor. */
export function $selectedBlock(): ElementNode | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const top = selection.anchor.getNode().getTopLevelElement()
  return top && $isElementNode(top) ? top : null
}

/** Ctrl+1…4: make the selected block a heading of that level; Ctrl+0 (level 0): body text. */
export function $setBlockLevel(level: HeadingLevel | 0): boolean {
  const block = $selectedBlock()
  if (!block || $isTitleNode(block) || block.getParent() !== $getRoot()) return false
  if (level === 0) {
    if (!$isSectionHeadingNode(block)) return false
    block.replace($createParagraphNode(), true)
    return true
  }
  if ($isSectionHeadingNode(block)) {
    // The source's own marker no longer describes it; numbering checks then go by the structure.
    block.setLevel(level).setSourceMarker(undefined)
    return true
  }
  // A marker typed by hand (三、强化…) would stand before the one the structure draws: （二）三、强化…
  $stripTypedMarker(block)
  // A long paragraph made into a level-3/4 heading is a run-in heading: its first sentence is the title.
  const runIn = level >= 3 && /[。！？]./.test(block.getTextContent())
  block.replace($createSectionHeadingNode(level, runIn), true)
  return true
}

/**
 * Removes a section marker typed at the start of a paragraph (一、 （一） 1. （1） and the half-width
 * variants the importer knows), so the heading shows only the number its place gives it.
 */
export function $stripTypedMarker(block: ElementNode): boolean {
  const text = block.getTextContent()
  const marker = parseMarker(text)
  if (!marker) return false
  // The marker, with any bullet and spaces around it, is what comes before the rest.
  let cut = 0
  while (cut < text.length && text.slice(cut).trim() !== marker.rest) cut++
  while (cut < text.length && /\s/.test(text[cut])) cut++
  if (cut === 0 || cut >= text.length + (marker.rest ? 0 : 1)) return false
  for (const node of block.getAllTextNodes()) {
    if (cut <= 0) break
    const size = node.getTextContentSize()
    if (size <= cut) node.remove()
    else node.spliceText(0, cut, '')
    cut -= size
  }
  return true
}

/**
 * Demote (+1) or promote (−1) a section with everything under it, keeping the
 * structure: refused when any heading in it would leave levels 1–4.
 */
export function $shiftSection(heading: SectionHeadingNode, delta: 1 | -1): boolean {
  const headings = $sectionNodes(heading).filter($isSectionHeadingNode)
  if (headings.some((h) => h.getLevel() + delta < 1 || h.getLevel() + delta > 4)) return false
  headings.forEach((h) => h.setLevel((h.getLevel() + delta) as HeadingLevel).setSourceMarker(undefined))
  return true
}

/**
 * Moves a section with all it owns before or after another section. Dropping a
 * section after a target places it after the target's whole subtree.
 */
export function $moveSection(headingKey: string, targetKey: string, position: 'before' | 'after'): boolean {
  const heading = $getNodeByKey(headingKey)
  const target = $getNodeByKey(targetKey)
  if (!$isSectionHeadingNode(heading) || !$isSectionHeadingNode(target) || heading === target) return false
  const moving = $sectionNodes(heading)
  if (moving.includes(target)) return false
  // A moved section's imported markers (（二）, 3.) no longer describe where it stands.
  moving.filter($isSectionHeadingNode).forEach((h) => h.setSourceMarker(undefined))
  if (position === 'before') {
    for (const node of moving) target.insertBefore(node)
  } else {
    let anchor: LexicalNode = $sectionNodes(target).at(-1) ?? target
    for (const node of moving) {
      anchor.insertAfter(node)
      anchor = node
    }
  }
  return true
}

export function $headingByKey(key: string): SectionHeadingNode | null {
  const node = $getNodeByKey(key)
  return $isSectionHeadingNode(node) ? node : null
}

import { $getRoot, $getSelection, $isRangeSelection } from 'lexical'
import type { SessionState } from '../db/session'

/** The caret as block index + offset within the block's text (keys do not survive a reload). */
export function $caret(): SessionState['caret'] {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return undefined
  const top = selection.anchor.getNode().getTopLevelElement()
  if (!top) return undefined
  const block = $getRoot().getChildren().indexOf(top)
  let offset = 0
  for (const t of top.getAllTextNodes()) {
    if (t.is(selection.anchor.getNode())) return { block, offset: offset + selection.anchor.offset }
    offset += t.getTextContentSize()
  }
  return { block, offset: 0 }
}


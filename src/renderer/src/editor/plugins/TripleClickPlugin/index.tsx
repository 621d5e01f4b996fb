import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isElementNode, $isRangeSelection, type LexicalEditor } from 'lexical'

/**
 * A triple-click selects the paragraph, as in Word. Chromium ends that selection at the start of
 * the next block, so typing over it merged the next heading into the paragraph (and the sections
 * renumbered). The selection is cut back to the clicked block's own text.
 */
export function $trimTripleClick(): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return false
  const [start, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus]
  const startBlock = start.getNode().getTopLevelElement()
  const endBlock = end.getNode().getTopLevelElement()
  if (!startBlock || !endBlock || startBlock === endBlock || !$isElementNode(startBlock)) return false
  // Only a selection that runs just to the very start of the next block: nothing of it is selected.
  if (startBlock.getNextSibling() !== endBlock || end.offset !== 0 || end.getNode().getPreviousSibling() !== null) return false
  const first = endBlock.getFirstDescendant()
  if (end.getNode() !== endBlock && end.getNode() !== first) return false
  startBlock.select(0, startBlock.getChildrenSize())
  return true
}

function onTripleClick(editor: LexicalEditor, event: MouseEvent): void {
  if (event.detail < 3) return
  // After the browser has set the selection and the editor has read it.
  requestAnimationFrame(() => editor.update(() => void $trimTripleClick()))
}

export function TripleClickPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const listener = (e: MouseEvent) => onTripleClick(editor, e)
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', listener)
      root?.addEventListener('click', listener)
    })
  }, [editor])
  return null
}

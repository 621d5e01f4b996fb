import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { $createTextNode, $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, SELECTION_CHANGE_COMMAND } from 'lexical'
import { $isPromptNode, PromptNode } from '../../nodes/PromptNode'

/**
 * Template prompts behave as in Word's content controls: putting the caret in one selects all of
 * it, so what the clerk types (or pastes, or composes with an IME) replaces it, and Backspace
 * removes it; a prompt whose text changed is ordinary text from then on.
 */
export function PromptPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(PromptNode, (node) => {
          if (node.isUntouched()) return
          const text = $createTextNode(node.getTextContent()).setFormat(node.getFormat()).setStyle(node.getStyle())
          const selection = $getSelection()
          const caret = $isRangeSelection(selection) && selection.isCollapsed() && selection.anchor.key === node.getKey() ? selection.anchor.offset : null
          node.replace(text)
          if (caret !== null) text.select(caret, caret)
        }),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
            const node = selection.anchor.getNode()
            if ($isPromptNode(node) && node.isUntouched() && editor.isEditable()) node.select(0, node.getTextContentSize())
            return false
          },
          COMMAND_PRIORITY_LOW
        )
      ),
    [editor]
  )
  return null
}

import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_CRITICAL, INSERT_PARAGRAPH_COMMAND, KEY_ENTER_COMMAND } from 'lexical'

/**
 * Enter that confirms an IME composition must not split the paragraph. Depending on the
 * platform the confirming Enter arrives as a keydown flagged isComposing / key code 229,
 * or as an insertParagraph input while the composition is still open: swallow both.
 */
export function ImeEnterGuardPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            if (!event || !(event.isComposing || event.keyCode === 229)) return false
            event.preventDefault()
            return true
          },
          COMMAND_PRIORITY_CRITICAL
        ),
        editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => editor.isComposing(), COMMAND_PRIORITY_CRITICAL)
      ),
    [editor]
  )
  return null
}

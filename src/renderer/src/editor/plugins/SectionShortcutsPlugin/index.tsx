import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, KEY_TAB_COMMAND, createCommand, type LexicalCommand } from 'lexical'
import type { HeadingLevel } from '@shared/doc/model'
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode'
import { $selectedBlock, $setBlockLevel, $shiftSection } from '../../sections'

/** Make the selected block a heading of a level, or body text (0). Toolbar and keys both dispatch it. */
export const SET_BLOCK_LEVEL_COMMAND: LexicalCommand<HeadingLevel | 0> = createCommand('SET_BLOCK_LEVEL')
/** Demote (+1) or promote (−1) the section at the caret. */
export const SHIFT_SECTION_COMMAND: LexicalCommand<1 | -1> = createCommand('SHIFT_SECTION')

/**
 * Ctrl+1…4 make a heading level, Ctrl+0 body text; Tab / Shift+Tab demote / promote a
 * heading with its subsections. Each is one undo step.
 */
export function SectionShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(SET_BLOCK_LEVEL_COMMAND, (level) => $setBlockLevel(level), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          SHIFT_SECTION_COMMAND,
          (delta) => {
            const block = $selectedBlock()
            return $isSectionHeadingNode(block) ? $shiftSection(block, delta) : false
          },
          COMMAND_PRIORITY_LOW
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false
            const m = /^Digit([0-4])$/.exec(event.code)
            if (!m) return false
            event.preventDefault()
            editor.dispatchCommand(SET_BLOCK_LEVEL_COMMAND, Number(m[1]) as HeadingLevel | 0)
            return true
          },
          COMMAND_PRIORITY_LOW
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            const block = $selectedBlock()
            if (!$isSectionHeadingNode(block)) return false
            event.preventDefault()
            $shiftSection(block, event.shiftKey ? -1 : 1)
            return true
          },
          COMMAND_PRIORITY_LOW
        )
      ),
    [editor]
  )
  return null
}

import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, $isTextNode, $setSelection, COMMAND_PRIORITY_CRITICAL, KEY_DOWN_COMMAND } from 'lexical'

/**
 * A key acts where the caret is on the page. The editor hears of a caret the browser moved (a
 * click, Ctrl+End, an arrow key) only from the next selectionchange event, and a busy window (a
 * report just opened on a slow office PC) can deliver that after the next key. Enter, Tab,
 * Ctrl+1…4 and paste act on the editor's own caret at keydown: without this, an Enter pressed
 * right after Ctrl+End split the paragraph where the caret had been (the restored caret, mid-text)
 * and the text typed next went there too.
 */
export function CaretSyncPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        () => {
          const current = $getSelection()
          // A selected table range or object is the editor's own: the page's caret says nothing about it.
          if (current !== null && !$isRangeSelection(current)) return false
          const dom = window.getSelection()
          const root = editor.getRootElement()
          if (!dom || dom.rangeCount === 0 || !root || !root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return false
          const onPage = $createRangeSelectionFromDom(dom, editor)
          if (!onPage || (current && onPage.anchor.is(current.anchor) && onPage.focus.is(current.focus))) return false
          // As the selectionchange would: a caret in text takes that text's format for what is typed next.
          const node = onPage.anchor.getNode()
          if (onPage.isCollapsed() && $isTextNode(node)) {
            onPage.format = node.getFormat()
            onPage.style = node.getStyle()
          }
          $setSelection(onPage)
          // Not handled: the key itself is left to the editor and the other plugins.
          return false
        },
        COMMAND_PRIORITY_CRITICAL
      ),
    [editor]
  )
  return null
}

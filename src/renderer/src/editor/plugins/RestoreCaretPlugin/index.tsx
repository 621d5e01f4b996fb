import { useLayoutEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $isElementNode } from 'lexical'
import type { SessionState } from '../../../db/session'
import { $isTitleNode } from '../../nodes/TitleNode'

/**
 * Puts the caret back where the clerk left it and scrolls there; a report never opened starts with
 * the caret at the end of its title (not on its last paragraph, which in a new template draft is
 * the signature's date).
 */
export function RestoreCaretPlugin({ caret, scrollTop }: { caret?: SessionState['caret']; scrollTop?: number }): null {
  const [editor] = useLexicalComposerContext()
  // Before the draft is first painted: a clerk who clicks into it as soon as it shows must not
  // have the caret taken away from where they clicked (a passive effect can run after that click).
  useLayoutEffect(() => {
    editor.update(
      () => {
        const blocks = $getRoot().getChildren()
        const block = caret ? blocks[Math.min(caret.block, blocks.length - 1)] : (blocks.find($isTitleNode) ?? blocks[0])
        if (!block || !$isElementNode(block)) return
        let remaining = caret?.offset ?? Number.MAX_SAFE_INTEGER
        for (const t of block.getAllTextNodes()) {
          if (remaining <= t.getTextContentSize()) {
            t.select(remaining, remaining)
            return
          }
          remaining -= t.getTextContentSize()
        }
        block.selectEnd()
      },
      { tag: 'load-report' }
    )
    const scroller = document.querySelector('.page-scroll')
    if (scroller && scrollTop !== undefined) scroller.scrollTop = scrollTop
    editor.focus()
    // Only on mount: the caret is restored once per opened report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor])
  return null
}

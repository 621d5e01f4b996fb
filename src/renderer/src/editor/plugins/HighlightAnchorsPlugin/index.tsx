import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection } from 'lexical'
import type { Anchor } from '@shared/checks/types'
import type { Report } from '@shared/doc/model'
import { $selectAnchor } from '../../anchors'

/**
 * Marks text to look at once, on the first load of a report: the figures of a report
 * carried forward from last period, which still hold last period's numbers. The mark is
 * an editing aid (Lexical's highlight format): it is saved with the draft but never exported.
 */
export function HighlightAnchorsPlugin({ report, anchors }: { report: Report; anchors: Anchor[] }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    if (anchors.length === 0) return
    editor.update(() => {
      // From the end, so marking one range never shifts another's offsets.
      for (const a of [...anchors].reverse()) {
        if (!$selectAnchor(report, a)) continue
        const selection = $getSelection()
        if ($isRangeSelection(selection) && !selection.hasFormat('highlight')) selection.formatText('highlight')
      }
    })
    // Once per mounted report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor])
  return null
}

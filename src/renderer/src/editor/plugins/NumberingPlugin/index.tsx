import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, type LexicalEditor } from 'lexical'
import { markersForFlatLevels } from '@shared/doc/numbering'
import { $isSectionHeadingNode, SectionHeadingNode } from '../../nodes/SectionHeadingNode'

/**
 * Writes each heading's number (一、 （一） 1. （1）) into its element's data-marker, where
 * CSS shows it. The numbers are derived from the structure on every structural change and
 * never stored in the text, so adding, moving, promoting or deleting renumbers at once.
 */
export function renumber(editor: LexicalEditor): void {
  const headings = editor.getEditorState().read(() => $getRoot().getChildren().filter($isSectionHeadingNode))
  const markers = markersForFlatLevels(headings.map((h) => h.__level))
  headings.forEach((h, i) => {
    const el = editor.getElementByKey(h.getKey())
    if (el && el.dataset.marker !== markers[i]) el.dataset.marker = markers[i]
  })
}

export function NumberingPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    renumber(editor)
    return editor.registerMutationListener(SectionHeadingNode, () => renumber(editor), { skipInitialization: false })
  }, [editor])
  return null
}

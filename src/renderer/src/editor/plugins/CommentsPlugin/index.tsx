import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { CommentsController } from '../../../features/collab/comments/controller'

/** Binds a shared report's 批注 (kept by the controller) to this editor: marks, clicks, the saved model. */
export function CommentsPlugin({ controller }: { controller: CommentsController }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => controller.attach(editor), [editor, controller])
  return null
}

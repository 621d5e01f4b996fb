import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { CommentCard } from '../../../features/collab/comments/CommentCard'
import type { CommentsController } from '../../../features/collab/comments/controller'

/**
 * Binds a shared report's 批注 (kept by the controller) to this editor: marks, clicks, the saved
 * model; the clicked thread shows in a card under its text.
 */
export function CommentsPlugin({ controller, canWrite, userId, owner }: { controller: CommentsController; canWrite: boolean; userId: string; owner: boolean }) {
  const [editor] = useLexicalComposerContext()
  const [page, setPage] = useState<HTMLElement | null>(null)
  useEffect(() => controller.attach(editor), [editor, controller])
  useEffect(() => editor.registerRootListener((root) => setPage(root?.parentElement ?? null)), [editor])
  return page ? <CommentCard controller={controller} page={page} canWrite={canWrite} userId={userId} owner={owner} /> : null
}

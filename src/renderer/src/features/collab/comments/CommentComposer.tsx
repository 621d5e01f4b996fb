import { useEffect, useRef, useState } from 'react'
import type { BaseSelection } from 'lexical'
import type { CommentsController } from './controller'

/** Writes a new 批注 for the text selected when it opened. */
export function CommentComposer({ controller, selection, onClose }: { controller: CommentsController; selection: BaseSelection; onClose: () => void }) {
  const [text, setText] = useState('')
  const input = useRef<HTMLTextAreaElement>(null)
  useEffect(() => input.current?.focus(), [])
  return (
    <form
      className="comment-composer"
      aria-label="新批注"
      onSubmit={(e) => {
        e.preventDefault()
        if (controller.add(selection, text)) onClose()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <textarea ref={input} aria-label="批注内容" value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={2000} placeholder="写下对所选文字的意见…" />
      <span className="comment-actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button type="submit" className="primary" disabled={!text.trim()}>
          添加批注
        </button>
      </span>
    </form>
  )
}

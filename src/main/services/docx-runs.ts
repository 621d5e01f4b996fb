import { TextRun, type ParagraphChild } from 'docx'
import type { TextRun as ModelRun } from '../../shared/doc/model'
import type { CommentRanges } from './docx-comments'

/** Model runs → docx runs; a newline inside a run becomes a line break; commented runs get their comment ranges. */
export function runs(model: ModelRun[], base: { bold?: boolean } = {}, ranges?: CommentRanges): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const r of model) {
    const parts: TextRun[] = []
    r.text.split('\n').forEach((part, i) => {
      if (!part && i === 0) return
      parts.push(
        new TextRun({
          text: part,
          break: i > 0 ? 1 : undefined,
          bold: r.bold ?? base.bold,
          italics: r.italic || undefined,
          underline: r.underline ? {} : undefined
        })
      )
    })
    out.push(...(ranges ? ranges.wrap(r, parts) : parts))
  }
  return out
}

/** Children of a heading whose text a 批注 marks. */
export const withComments = (ranges: CommentRanges | undefined, comments: string[] | undefined, children: ParagraphChild[]): ParagraphChild[] =>
  ranges ? ranges.wrap({ comments }, children) : children

/**
 * From the laid-out editor to the blocks the pagination reads: each printed block's lines (its
 * height over the grid's line pitch, or its table rows), whether the export keeps it with the next
 * one, and where on the page each line is, to draw the breaks. The rules follow the .docx export
 * (export-docx.ts and shared/export/flow.ts): a blank line after the title and before the attachment
 * note and the signature; headings on their own line kept with what follows; the tail (last text,
 * blank, attachments, blank, unit) kept with the date; empty paragraphs not printed.
 */
import { $isTableNode } from '@lexical/table'
import { $getRoot, $isElementNode, type LexicalEditor } from 'lexical'
import type { LayoutBlock } from '@shared/layout/paginate'
import { $isAttachmentNode } from '../../nodes/AttachmentNode'
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode'
import { $isSignatureNode } from '../../nodes/SignatureNode'
import { $isTitleNode } from '../../nodes/TitleNode'

type Kind = 'title' | 'heading' | 'text' | 'table' | 'attachment' | 'unit' | 'date'

export interface MeasuredBlock extends LayoutBlock {
  /** Page-relative top of each line (or row), in the page's own pixels. */
  tops: number[]
}

/** The kind of each top-level block and whether it prints (an empty paragraph does not). */
function blockKinds(editor: LexicalEditor): { key: string; kind: Kind; empty: boolean }[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .filter($isElementNode)
      .map((node) => {
        const kind: Kind = $isTitleNode(node)
          ? 'title'
          : $isSectionHeadingNode(node)
            ? node.isRunIn()
              ? 'text'
              : 'heading'
            : $isTableNode(node)
              ? 'table'
              : $isAttachmentNode(node)
                ? 'attachment'
                : $isSignatureNode(node)
                  ? node.getRole()
                  : 'text'
        return { key: node.getKey(), kind, empty: kind !== 'table' && kind !== 'heading' && node.getTextContent().trim() === '' }
      })
  )
}

/**
 * The printed blocks, measured. `pitch` is the grid line in CSS pixels and `top` the page element's
 * top on screen; `scale` is the zoom applied to the page (positions are divided by it).
 */
export function measureBlocks(editor: LexicalEditor, page: HTMLElement, pitch: number, scale: number): MeasuredBlock[] {
  const pageTop = page.getBoundingClientRect().top
  const local = (y: number) => (y - pageTop) / scale
  const out: MeasuredBlock[] = []
  /** A blank line of the export (after the title, before the attachment note and the signature), just above `at`. */
  const blank = (at: number, keepWithNext: boolean) => out.push({ heights: [1], keepWithNext, tops: [at] })
  let attachmentsSeen = false
  let signatureSeen = false
  for (const { key, kind, empty } of blockKinds(editor)) {
    const el = editor.getElementByKey(key)
    if (!el || empty) continue
    const rect = el.getBoundingClientRect()
    const top = local(rect.top)
    const opensTail = (kind === 'attachment' && !attachmentsSeen) || ((kind === 'unit' || kind === 'date') && !signatureSeen)
    if (opensTail) {
      // The last text before the tail is kept with it, and so is the blank line that opens each part.
      if (out.length) out[out.length - 1].keepWithNext = true
      blank(top - pitch, true)
      if (kind === 'attachment') attachmentsSeen = true
      else signatureSeen = true
    }
    if (kind === 'table') {
      const rows = [...el.querySelectorAll('tr')].map((tr) => tr.getBoundingClientRect())
      out.push({ heights: rows.map((r) => r.height / scale / pitch), keepWithNext: false, tops: rows.map((r) => local(r.top)) })
      continue
    }
    const lines = Math.max(1, Math.round(rect.height / scale / pitch))
    const keep = kind === 'heading' || kind === 'attachment' || kind === 'unit'
    out.push({ heights: Array(lines).fill(1), keepWithNext: keep, tops: Array.from({ length: lines }, (_, i) => top + i * pitch) })
    if (kind === 'title') blank(top + lines * pitch, false)
  }
  return out
}

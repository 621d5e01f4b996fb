/**
 * From the laid-out editor to the blocks the pagination reads: each printed block's lines (its
 * height over the grid's line pitch, or its table rows) and whether the export keeps it with the
 * next one. The rules follow the .docx export (export-docx.ts and shared/export/flow.ts): a blank
 * line after the title and before the attachment note and the signature; headings on their own
 * line kept with what follows; the tail (last text, blank, attachments, blank, unit) kept with the
 * date; empty paragraphs not printed.
 *
 * Measuring is incremental: a block's lines are kept until the editor marks it dirty, so after a
 * keystroke only the edited paragraph is measured again, whatever the length of the report. Where
 * a page starts on screen is looked up only for the page starts.
 */
import { $isTableNode } from '@lexical/table'
import { $getNodeByKey, $getRoot, $isElementNode, type LexicalEditor } from 'lexical'
import type { LayoutBlock } from '@shared/layout/paginate'
import { $isAttachmentNode } from '../../nodes/AttachmentNode'
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode'
import { $isSignatureNode } from '../../nodes/SignatureNode'
import { $isTitleNode } from '../../nodes/TitleNode'

type Kind = 'title' | 'heading' | 'text' | 'table' | 'attachment' | 'unit' | 'date'

interface Entry {
  kind: Kind
  /** Not printed (an empty paragraph). */
  empty: boolean
  /** Lines (1 each) or table rows (their height in lines). */
  heights: number[]
}

/** A layout block and where it sits: a block of the editor, or the export's blank line before one (or after the title). */
interface Placed extends LayoutBlock {
  key: string
  blankAfter?: boolean
  blankBefore?: boolean
}

function $kindOf(key: string): { kind: Kind; empty: boolean } | null {
  const node = $getNodeByKey(key)
  if (!$isElementNode(node)) return null
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
  return { kind, empty: kind !== 'table' && kind !== 'heading' && node.getTextContent().trim() === '' }
}

export class PageMeasurer {
  private cache = new Map<string, Entry>()

  /** Forgets blocks (the edited ones), or everything (fonts changed). */
  invalidate(keys?: Iterable<string>): void {
    if (!keys) this.cache.clear()
    else for (const k of keys) this.cache.delete(k)
  }

  /**
   * The printed blocks in order, and a function giving the top of a block's line on the page element
   * (in its own pixels). `pitch` is the grid line in CSS pixels, `scale` the zoom applied to the page.
   */
  measure(editor: LexicalEditor, page: HTMLElement, pitch: number, scale: number): { blocks: Placed[]; top: (block: number, line: number) => number } {
    const pageTop = page.getBoundingClientRect().top
    const keys = editor.getEditorState().read(() => $getRoot().getChildrenKeys())
    const missing = keys.filter((k) => !this.cache.has(k))
    if (missing.length) {
      const kinds = editor.getEditorState().read(() => missing.map($kindOf))
      missing.forEach((key, i) => {
        const k = kinds[i]
        const el = editor.getElementByKey(key)
        if (!k || !el) return
        let heights: number[] = []
        if (!k.empty) {
          if (k.kind === 'table') heights = [...el.querySelectorAll('tr')].map((tr) => tr.getBoundingClientRect().height / scale / pitch)
          else heights = Array(Math.max(1, Math.round(el.getBoundingClientRect().height / scale / pitch))).fill(1)
        }
        this.cache.set(key, { ...k, heights })
      })
    }
    for (const k of [...this.cache.keys()]) if (!keys.includes(k)) this.cache.delete(k)

    const blocks: Placed[] = []
    let attachmentsSeen = false
    let signatureSeen = false
    for (const key of keys) {
      const e = this.cache.get(key)
      if (!e || e.empty) continue
      const opensTail = (e.kind === 'attachment' && !attachmentsSeen) || ((e.kind === 'unit' || e.kind === 'date') && !signatureSeen)
      if (opensTail) {
        // The last text before the tail is kept with it, and so is the blank line that opens each part.
        if (blocks.length) blocks[blocks.length - 1].keepWithNext = true
        blocks.push({ key, heights: [1], keepWithNext: true, blankBefore: true })
        if (e.kind === 'attachment') attachmentsSeen = true
        else signatureSeen = true
      }
      blocks.push({ key, heights: e.heights, keepWithNext: e.kind === 'heading' || e.kind === 'attachment' || e.kind === 'unit' })
      if (e.kind === 'title') blocks.push({ key, heights: [1], keepWithNext: false, blankAfter: true })
    }

    const top = (i: number, line: number): number => {
      const b = blocks[i]
      const el = editor.getElementByKey(b.key)
      if (!el) return 0
      const rect = el.getBoundingClientRect()
      const local = (y: number) => (y - pageTop) / scale
      if (b.blankBefore) return local(rect.top) - pitch
      if (b.blankAfter) return local(rect.bottom)
      if (this.cache.get(b.key)?.kind === 'table') {
        const row = el.querySelectorAll('tr')[line]
        return row ? local(row.getBoundingClientRect().top) : local(rect.top)
      }
      return local(rect.top) + line * pitch
    }
    return { blocks, top }
  }
}

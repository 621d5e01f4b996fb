/**
 * Page breaks on the GB/T 9704 grid, as the exported .docx breaks them: 22 lines a page; a
 * paragraph breaks between any two of its lines (the export writes widow control off); a table
 * between rows (rows do not split); a paragraph marked keep-with-next (headings on their own line,
 * the tail that leads into the signature) never ends a page with the next one starting the next
 * page, so such a break moves up to before its last line, and on up a chain of them.
 * Pure: the page view measures the lines, the rules live here.
 */

/** One block: the heights of its lines (or table rows), in grid lines. */
export interface LayoutBlock {
  heights: number[]
  keepWithNext: boolean
}

/** Where a page starts: a block and the line (or row) in it. */
export interface PageStart {
  block: number
  line: number
}

export interface Pagination {
  pages: number
  /** The start of every page after the first. */
  breaks: PageStart[]
}

export const LINES_PER_PAGE = 22
/** Measured heights are not exact: a hair over a page still fits. */
const EPSILON = 0.02

export function paginate(blocks: readonly LayoutBlock[], pageHeight = LINES_PER_PAGE): Pagination {
  const slices: { block: number; line: number; h: number }[] = []
  blocks.forEach((b, block) => b.heights.forEach((h, line) => slices.push({ block, line, h })))
  const breaks: PageStart[] = []
  let pageStart = 0
  let y = 0
  for (let i = 0; i < slices.length; i++) {
    const { h } = slices[i]
    if (y + h > pageHeight + EPSILON && i > pageStart) {
      let at = i
      // Keep with next: a break between a keep block and the next one moves to before the keep block's last line.
      while (at > pageStart && slices[at].line === 0 && blocks[slices[at].block - 1]?.keepWithNext) at--
      // A chain longer than the page cannot be kept: break where it overflows.
      if (at <= pageStart) at = i
      breaks.push({ block: slices[at].block, line: slices[at].line })
      pageStart = at
      y = slices.slice(at, i).reduce((sum, s) => sum + s.h, 0)
    }
    y += h
  }
  return { pages: breaks.length + 1, breaks }
}

/** The page (1-based) a place is on. */
export function pageOf(p: Pagination, place: PageStart): number {
  let page = 1
  for (const b of p.breaks) {
    if (b.block < place.block || (b.block === place.block && b.line <= place.line)) page++
    else break
  }
  return page
}

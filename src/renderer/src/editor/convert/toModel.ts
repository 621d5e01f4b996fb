import { $isMarkNode } from '@lexical/mark'
import { $isTableCellNode, $isTableNode, $isTableRowNode, TableCellHeaderStates, type TableNode } from '@lexical/table'
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, IS_BOLD, IS_ITALIC, IS_UNDERLINE, type ElementNode, type LexicalNode } from 'lexical'
import { paragraph, type Block, type Report, type ReportMeta, type Section, type TableBlock, type TextRun } from '@shared/doc/model'
import { runInSplit } from '@shared/doc/numbering'
import { $isAttachmentNode } from '../nodes/AttachmentNode'
import { $isSectionHeadingNode, type SectionHeadingNode } from '../nodes/SectionHeadingNode'
import { $isSignatureNode } from '../nodes/SignatureNode'
import { $isTitleNode } from '../nodes/TitleNode'

/** Text runs of an element, merging neighbours with the same marks; line breaks become \n. */
export function $runsOf(element: ElementNode): TextRun[] {
  const runs: TextRun[] = []
  const push = (text: string, node: LexicalNode | undefined, comments: string[]) => {
    const run: TextRun = { text }
    if (node && $isTextNode(node)) {
      const f = node.getFormat()
      if (f & IS_BOLD) run.bold = true
      if (f & IS_ITALIC) run.italic = true
      if (f & IS_UNDERLINE) run.underline = true
    }
    if (comments.length) run.comments = comments
    const last = runs[runs.length - 1]
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && !!last.underline === !!run.underline && sameIds(last.comments, run.comments)) last.text += text
    else runs.push(run)
  }
  // Text inside a comment mark (批注) carries its threads' ids.
  const visit = (node: LexicalNode, comments: string[]) => {
    if ($isTextNode(node)) push(node.getTextContent(), node, comments)
    else if ($isLineBreakNode(node)) push('\n', undefined, comments)
    else if ($isMarkNode(node)) node.getChildren().forEach((c) => visit(c, [...new Set([...comments, ...node.getIDs()])]))
    else if ($isElementNode(node)) node.getChildren().forEach((c) => visit(c, comments))
  }
  element.getChildren().forEach((c) => visit(c, []))
  return runs.filter((r) => r.text !== '')
}

const sameIds = (a: string[] | undefined, b: string[] | undefined) => (a ?? []).join('\u0000') === (b ?? []).join('\u0000')

/** Comment threads marked anywhere in an element (a heading's text). */
function $commentIdsIn(element: ElementNode): string[] {
  return [...new Set($runsOf(element).flatMap((r) => r.comments ?? []))]
}

/** Splits runs at a character offset. */
export function splitRuns(runs: TextRun[], offset: number): [TextRun[], TextRun[]] {
  const before: TextRun[] = []
  const after: TextRun[] = []
  let pos = 0
  for (const r of runs) {
    const end = pos + r.text.length
    if (end <= offset) before.push(r)
    else if (pos >= offset) after.push(r)
    else {
      before.push({ ...r, text: r.text.slice(0, offset - pos) })
      after.push({ ...r, text: r.text.slice(offset - pos) })
    }
    pos = end
  }
  return [before, after]
}

function $tableToBlock(table: TableNode): TableBlock {
  const rows: string[][] = []
  let header = false
  table.getChildren().forEach((row, i) => {
    if (!$isTableRowNode(row)) return
    const cells = row.getChildren().filter($isTableCellNode)
    if (i === 0 && cells.length > 0 && cells.every((c) => c.hasHeaderState(TableCellHeaderStates.ROW))) header = true
    rows.push(cells.map((c) => c.getTextContent()))
  })
  return header ? { type: 'table', rows, header } : { type: 'table', rows }
}

function $headingToSection(node: SectionHeadingNode, seenIds: Set<string>): Section {
  let id = node.getSectionId()
  // A heading copied and pasted carries its source's id; the copy gets its own.
  if (seenIds.has(id)) id = `${id}-${seenIds.size}`
  seenIds.add(id)
  const base = { id, level: node.getLevel(), runIn: node.isRunIn(), children: [] as Section[], ...(node.getSourceMarker() ? { sourceMarker: node.getSourceMarker() } : {}) }
  if (!node.isRunIn()) {
    const comments = $commentIdsIn(node)
    return { ...base, title: node.getTextContent().trim(), blocks: [], ...(comments.length ? { titleComments: comments } : {}) }
  }
  const text = node.getTextContent()
  const { title, rest } = runInSplit(text)
  const [titleRuns, restRuns] = splitRuns($runsOf(node), text.length - rest.length)
  const titleComments = [...new Set(titleRuns.flatMap((r) => r.comments ?? []))]
  if (titleComments.length) Object.assign(base, { titleComments })
  return { ...base, title, blocks: rest.trim() ? [{ type: 'paragraph', runs: restRuns }] : [] }
}

/**
 * The editor's content as a report model. Headings are flat in the editor and nested
 * here: a heading's parent is the nearest earlier heading with a smaller level.
 */
export function $editorToReport(baseMeta: ReportMeta): Report {
  const report: Report = { meta: { ...baseMeta, title: '' }, preamble: [], sections: [], attachments: [], signature: null }
  const stack: Section[] = []
  const seenIds = new Set<string>()
  const addBlock = (block: Block) => {
    const current = stack[stack.length - 1]
    if (current) current.blocks.push(block)
    else report.preamble.push(block)
  }
  for (const node of $getRoot().getChildren()) {
    if ($isTitleNode(node)) {
      report.meta.title = report.meta.title ? `${report.meta.title}${node.getTextContent()}` : node.getTextContent().trim()
    } else if ($isSectionHeadingNode(node)) {
      const s = $headingToSection(node, seenIds)
      while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop()
      const parent = stack[stack.length - 1]
      if (parent) parent.children.push(s)
      else report.sections.push(s)
      stack.push(s)
    } else if ($isSignatureNode(node)) {
      const sig = report.signature ?? { unit: '', date: '' }
      sig[node.getRole()] = node.getTextContent().trim()
      report.signature = sig
    } else if ($isAttachmentNode(node)) {
      const t = node.getTextContent().trim()
      if (t) report.attachments.push(t)
    } else if ($isTableNode(node)) {
      addBlock($tableToBlock(node))
    } else if ($isElementNode(node)) {
      const runs = $runsOf(node)
      // Empty paragraphs are spacing in the editor, not content.
      if (runs.some((r) => r.text.trim() !== '')) addBlock({ type: 'paragraph', runs })
    } else {
      const t = node.getTextContent()
      if (t.trim()) addBlock(paragraph(t))
    }
  }
  return report
}

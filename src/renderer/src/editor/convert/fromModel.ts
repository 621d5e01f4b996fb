import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates, type TableNode } from '@lexical/table'
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type LexicalNode, type TextNode } from 'lexical'
import { blockText, type Block, type Report, type Section, type TableBlock, type TextRun } from '@shared/doc/model'
import { isGuidanceBlock } from '@shared/templates/guidance'
import { runInHeadingSentence } from '@shared/doc/numbering'
import { $createAttachmentNode } from '../nodes/AttachmentNode'
import { $createPromptNode } from '../nodes/PromptNode'
import { $createSectionHeadingNode } from '../nodes/SectionHeadingNode'
import { $createSignatureNode } from '../nodes/SignatureNode'
import { $createTitleNode } from '../nodes/TitleNode'

function $textNode(run: TextRun): TextNode {
  const node = $createTextNode(run.text)
  if (run.bold) node.toggleFormat('bold')
  if (run.italic) node.toggleFormat('italic')
  if (run.underline) node.toggleFormat('underline')
  return node
}

/** Appends runs to an element, turning \n into line breaks. */
export function $appendRuns(target: ElementNode, runs: TextRun[]): void {
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) target.append($createLineBreakNode())
      if (part) target.append($textNode({ ...run, text: part }))
    })
  }
}

function $tableNode(block: TableBlock): TableNode {
  const table = $createTableNode()
  block.rows.forEach((row, r) => {
    const rowNode = $createTableRowNode()
    for (const cell of row) {
      const cellNode = $createTableCellNode(block.header && r === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS)
      const p = $createParagraphNode()
      if (cell) p.append($createTextNode(cell))
      cellNode.append(p)
      rowNode.append(cellNode)
    }
    table.append(rowNode)
  })
  return table
}

export function $blockNode(block: Block): LexicalNode {
  if (block.type === 'table') return $tableNode(block)
  const p = $createParagraphNode()
  // A template's guidance paragraph is a prompt: grey, and replaced by what the clerk types.
  if (isGuidanceBlock(block)) p.append($createPromptNode(blockText(block)))
  else $appendRuns(p, block.runs)
  return p
}

export function $sectionNodes(section: Section): LexicalNode[] {
  const heading = $createSectionHeadingNode(section.level, section.runIn, section.id)
  if (section.sourceMarker) heading.setSourceMarker(section.sourceMarker)
  let blocks = section.blocks
  if (section.runIn) {
    heading.append($createTextNode(runInHeadingSentence(section.title)))
    const [first, ...rest] = blocks
    if (first?.type === 'paragraph') {
      $appendRuns(heading, first.runs)
      blocks = rest
    }
  } else if (section.title) {
    heading.append($createTextNode(section.title))
  }
  return [heading, ...blocks.map($blockNode), ...section.children.flatMap($sectionNodes)]
}

/** Nodes for a whole report, in document order, ready to append to the root. */
export function $reportNodes(report: Report): LexicalNode[] {
  const title = $createTitleNode()
  if (report.meta.title) title.append($createTextNode(report.meta.title))
  const nodes: LexicalNode[] = [title, ...report.preamble.map($blockNode), ...report.sections.flatMap($sectionNodes)]
  for (const a of report.attachments) {
    const n = $createAttachmentNode()
    n.append($createTextNode(a))
    nodes.push(n)
  }
  if (report.signature) {
    for (const role of ['unit', 'date'] as const) {
      const n = $createSignatureNode(role)
      if (report.signature[role]) n.append($createTextNode(report.signature[role]))
      nodes.push(n)
    }
  }
  return nodes
}

/** Replaces the editor's content with the report. */
export function $loadReport(report: Report): void {
  const root = $getRoot()
  root.clear()
  root.append(...$reportNodes(report))
}

/**
 * The reference editor's content: a report as the flat run of blocks the app's editor holds
 * (fromModel's $reportNodes), written as plain tags so a bare Lexical page can load it with
 * rich-text nodes only. Same text, same block order; tables become one line per row, and
 * run-in headings (a heading sentence followed by body in one block) become paragraphs.
 */
import { blockText, type Block, type Report, type Section } from '../../src/shared/doc/model'
import { runInHeadingSentence } from '../../src/shared/doc/numbering'

export type BareTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'p'

export interface BareBlock {
  tag: BareTag
  /** May contain \n: a line break inside the block. */
  text: string
}

function bodyBlocks(block: Block): BareBlock[] {
  if (block.type === 'table') return block.rows.map((row) => ({ tag: 'p', text: row.join('\t') }))
  return [{ tag: 'p', text: blockText(block) }]
}

function sectionBlocks(section: Section): BareBlock[] {
  const out: BareBlock[] = []
  let blocks = section.blocks
  if (section.runIn) {
    const [first, ...rest] = blocks
    const body = first?.type === 'paragraph' ? blockText(first) : ''
    if (first?.type === 'paragraph') blocks = rest
    out.push({ tag: 'p', text: runInHeadingSentence(section.title) + body })
  } else {
    out.push({ tag: `h${section.level + 1}` as BareTag, text: section.title })
  }
  for (const b of blocks) out.push(...bodyBlocks(b))
  for (const child of section.children) out.push(...sectionBlocks(child))
  return out
}

export function bareBlocks(report: Report): BareBlock[] {
  const out: BareBlock[] = [{ tag: 'h1', text: report.meta.title }]
  for (const b of report.preamble) out.push(...bodyBlocks(b))
  for (const s of report.sections) out.push(...sectionBlocks(s))
  for (const a of report.attachments) out.push({ tag: 'p', text: a })
  if (report.signature) for (const role of ['unit', 'date'] as const) out.push({ tag: 'p', text: report.signature[role] })
  return out
}

/** What both pages must show before a load counts as done: the title first, the last line last, editable. */
export interface ReadyWhen {
  title: string
  last: string
}

export function readyWhen(report: Report): ReadyWhen {
  const blocks = bareBlocks(report)
  return { title: blocks[0].text, last: blocks[blocks.length - 1].text }
}

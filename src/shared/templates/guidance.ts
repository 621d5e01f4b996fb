/**
 * Guidance: the short paragraphs in a template telling the clerk what to write in a place,
 * e.g. （简要概述本年度工作的总体情况……）. They are ordinary paragraphs so every editor, export
 * and import keeps them; what marks them is their shape — one whole paragraph in full-width
 * parentheses, opening with an instruction verb. Real prose almost never takes that shape, and
 * guidance contains no blanks or numbers, so no check reports an untouched template.
 */
import type { Anchor } from '../checks/types'
import { blockText, type Block, type Report, type Section } from '../doc/model'

const VERBS = [
  '简要',
  '概述',
  '概括',
  '逐项',
  '逐条',
  '列出',
  '写明',
  '说明',
  '归纳',
  '提炼',
  '分析',
  '提出',
  '围绕',
  '对照',
  '介绍',
  '总结',
  '如实',
  '实事求是',
  '针对',
  '坦诚',
  '用数据',
  '按',
  '在此'
]

const GUIDANCE = new RegExp(`^（(?:${VERBS.join('|')})[^（）]*）$`)

export function isGuidance(text: string): boolean {
  return GUIDANCE.test(text.trim())
}

export function isGuidanceBlock(block: Block): boolean {
  return block.type === 'paragraph' && isGuidance(blockText(block))
}

/** Every guidance paragraph, as anchors over its whole text (for shading in the editor). */
export function guidanceAnchors(report: Report): Anchor[] {
  const out: Anchor[] = []
  const scan = (blocks: Block[], sectionId: string | null): void =>
    blocks.forEach((b, i) => {
      if (isGuidanceBlock(b)) out.push({ sectionId, part: i, start: 0, end: blockText(b).length })
    })
  scan(report.preamble, null)
  const visit = (list: Section[]): void =>
    list.forEach((s) => {
      scan(s.blocks, s.id)
      visit(s.children)
    })
  visit(report.sections)
  return out
}

/** The report without its guidance paragraphs: what is printed once the clerk is done. */
export function stripGuidance(report: Report): Report {
  const keep = (blocks: Block[]): Block[] => blocks.filter((b) => !isGuidanceBlock(b))
  const strip = (s: Section): Section => ({ ...s, blocks: keep(s.blocks), children: s.children.map(strip) })
  return { ...report, preamble: keep(report.preamble), sections: report.sections.map(strip) }
}

/**
 * Guidance: the short paragraphs in a template telling the clerk what to write in a place,
 * e.g. （简要概述本年度工作的总体情况……）. They are ordinary paragraphs so every editor, export
 * and import keeps them; what marks them is their shape — one whole paragraph in full-width
 * parentheses, opening with an instruction verb. Real prose almost never takes that shape. The
 * editor shows them as prompts (grey, replaced by what the clerk types), and a prompt left in
 * is a `placeholder` finding, like a ＿＿ blank.
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

/** A note of real prose, not guidance: a short label and a colon, （说明：…）, （注：…）. */
const NOT_GUIDANCE = /^（[^（）：]{1,4}：/

export function isGuidance(text: string): boolean {
  const t = text.trim()
  return GUIDANCE.test(t) && !NOT_GUIDANCE.test(t)
}

/**
 * Verbs that open a prompt even inside a sentence: （简要…）, （逐项列出…）. Parentheticals of real
 * prose open with words such as 按/说明/含 (（按可比口径计算）, （说明：…）), which are not here.
 */
const INLINE_VERBS = ['简要', '概述', '概括', '逐项', '逐条', '列出', '写明', '归纳', '提炼', '如实', '用数据', '在此']
const INLINE_PROMPT = new RegExp(`（(?:${INLINE_VERBS.join('|')})[^（）]{2,}）`, 'g')

/** Where a text holds template prompts: the whole of a guidance paragraph, or bracketed prompts inside it. */
export function promptRanges(text: string): [number, number][] {
  if (isGuidance(text)) {
    const start = text.length - text.trimStart().length
    return [[start, text.trimEnd().length]]
  }
  return [...text.matchAll(INLINE_PROMPT)].map((m) => [m.index, m.index + m[0].length])
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

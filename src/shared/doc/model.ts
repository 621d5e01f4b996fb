/**
 * The report model: the one representation every part of the app reads.
 * The editor converts its Lexical state into this on save; import produces it;
 * outline, statistics, search, checks and export read it and nothing else.
 */

export const REPORT_KINDS = ['annual', 'half-year', 'quarterly', 'monthly', 'special', 'duty', 'experience', 'other'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  annual: '年度',
  'half-year': '半年',
  quarterly: '季度',
  monthly: '月度',
  special: '专项',
  duty: '述职',
  experience: '经验材料',
  other: '其他'
}

export type Script = 'simplified' | 'traditional'

export interface ReportMeta {
  title: string
  kind: ReportKind
  /** Free text as clerks write it: 2024年, 2024年上半年, 2024年第三季度… */
  period: string
  unit: string
  author: string
  /** The report's date as written in the signature, 2026年1月10日 style. */
  date: string
  /** The script the document is meant to be in; checks flag the other one. */
  script: Script
}

/** Numbering style of a heading: 1 一、 · 2 （一） · 3 1. · 4 （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4

export interface TextRun {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  /** The comment threads (批注) this text is marked for, by thread id. */
  comments?: string[]
}

export interface ParagraphBlock {
  type: 'paragraph'
  runs: TextRun[]
}

export interface TableBlock {
  type: 'table'
  /** Rows of plain-text cells; the first row is the header row when `header` is set. */
  rows: string[][]
  header?: boolean
}

export type Block = ParagraphBlock | TableBlock

export interface Section {
  id: string
  /**
   * The numbering style. Depth in the tree and level are related but not the same:
   * a 1. may sit directly under 一、.
   */
  level: HeadingLevel
  /** Heading text without its number; for a run-in heading, its first sentence without the 。. */
  title: string
  /**
   * Run-in heading (levels 3–4 mostly): the heading sentence and the first body
   * paragraph share one printed paragraph. The continuation is `blocks[0]` when
   * that is a paragraph.
   */
  runIn: boolean
  /** The marker exactly as an imported source wrote it, kept so gaps can be reported. */
  sourceMarker?: string
  blocks: Block[]
  children: Section[]
  /** Comment threads marked on the heading's text. */
  titleComments?: string[]
}

export interface Signature {
  unit: string
  date: string
}

export interface Report {
  meta: ReportMeta
  /** Salutation and opening paragraphs, before the first numbered section. */
  preamble: Block[]
  sections: Section[]
  /** The attachment note's items (附件：1. …), empty when there is none. */
  attachments: string[]
  signature: Signature | null
  /** 批注: the comment threads of a shared report, oldest first; their text is marked by thread id. */
  comments?: CommentThread[]
}

export interface CommentReply {
  id: string
  author: string
  /** Milliseconds since 1970. */
  at: number
  text: string
}

export interface CommentThread extends CommentReply {
  resolved?: boolean
  replies: CommentReply[]
}

export function emptyMeta(partial: Partial<ReportMeta> = {}): ReportMeta {
  return { title: '', kind: 'other', period: '', unit: '', author: '', date: '', script: 'simplified', ...partial }
}

export function emptyReport(meta: Partial<ReportMeta> = {}): Report {
  return { meta: emptyMeta(meta), preamble: [], sections: [], attachments: [], signature: null }
}

export function paragraph(text: string): ParagraphBlock {
  return { type: 'paragraph', runs: text ? [{ text }] : [] }
}

export function blockText(block: Block): string {
  if (block.type === 'paragraph') return block.runs.map((r) => r.text).join('')
  return block.rows.map((row) => row.join('\t')).join('\n')
}

let idCounter = 0
/** Section ids only need to be unique within a report; random part guards against merges. */
export function newSectionId(): string {
  idCounter = (idCounter + 1) % 1_000_000
  return `s${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

export function section(level: HeadingLevel, title: string, blocks: Block[] = [], children: Section[] = [], runIn = false): Section {
  return { id: newSectionId(), level, title, runIn, blocks, children }
}

/** Depth-first walk over every section with its ancestors (outermost first). */
export function* walkSections(sections: Section[], ancestors: Section[] = []): Generator<{ section: Section; ancestors: Section[] }> {
  for (const s of sections) {
    yield { section: s, ancestors }
    yield* walkSections(s.children, [...ancestors, s])
  }
}

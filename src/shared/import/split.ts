import { isKept, sourceTexts, type SourceLine } from './lines'
import { parseMarker } from './markers'

/**
 * Several reports in one file: pages that collect 范文 number them
 * (`…总结1`, `…总结2`; `篇一`; `【篇一】`; `第一篇`; `范文一`), and pages that simply
 * concatenate articles put one report title after another. Explicit numbering wins;
 * a bare title only starts a new report when it looks like one (a kind word at the end,
 * a subject of its own) and what follows starts over (its own text, numbering from 1).
 */

export interface ReportChunk {
  /** A title the split marker itself carried (`【篇一】2024年工作总结`); otherwise meta takes the first line. */
  title?: string
  lines: SourceLine[]
}

export interface SplitResult {
  chunks: ReportChunk[]
  /** Split markers and a collection page's header lines, as written. */
  removed: string[]
}

const NUM = '([一二三四五六七八九十]{1,3}|\\d{1,2})'
const PIECE_PATTERNS = [
  new RegExp(`^[【\\[〖]?\\s*篇\\s*${NUM}\\s*[】\\]〗]?`),
  new RegExp(`^[【\\[〖]?\\s*第\\s*${NUM}\\s*篇\\s*[】\\]〗]?`),
  new RegExp(`^[【\\[〖]\\s*(?:范文|範文|例文|样文|樣文|文章)\\s*${NUM}\\s*[】\\]〗]`),
  new RegExp(`^(?:范文|範文|例文|样文|樣文)\\s*${NUM}(?=$|\\s*[:：、.．\\s])`)
]

/** Kind words a report title ends with, allowing a trailing (…) or -… label. */
export const TITLE_KIND_END = /(?:总结|總結|报告|報告|汇报|匯報|材料|计划|計劃|规划|規劃|述职|述職|心得|体会|體會|小结|小結|打算|思路|安排|要点|要點)(?:范文|範文)?\s*(?:[（(][^）)]{0,20}[)）])?\s*(?:[-—–_|·]+\s*[^-—–_|·]{0,20})?$/

function numeralValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  const d = '一二三四五六七八九'
  if (s === '十') return 10
  if (s.length === 1) return d.indexOf(s) + 1
  if (s[0] === '十') return 10 + d.indexOf(s[1]) + 1
  if (s.length === 2) return (d.indexOf(s[0]) + 1) * 10
  return (d.indexOf(s[0]) + 1) * 10 + d.indexOf(s[2]) + 1
}

export function parsePieceMarker(text: string): { ordinal: number; title: string } | null {
  if (text.length > 80) return null
  for (const re of PIECE_PATTERNS) {
    const m = re.exec(text)
    if (!m) continue
    const title = text.slice(m[0].length).replace(/^[\s:：、.．—-]+/, '').trim()
    if (/[。！？]/.test(title) || title.length > 60) return null
    return { ordinal: numeralValue(m[1]), title }
  }
  return null
}

/** A line that could be a title: not a sentence, not a section, not trailing off into a list. */
export function isTitleShaped(text: string): boolean {
  return text.length >= 2 && text.length <= 60 && !/[。！？；;]/.test(text) && !/[，,：:、]$/.test(text) && parseMarker(text) === null
}

/** A title with a subject of its own, not only a period and a kind word (`2025年工作计划` is a part, not a report). */
export function hasSubject(title: string): boolean {
  const rest = title
    .replace(/(?:\d{2,4}|20[xX×_＿]{2}|[xX×_＿]{2,})\s*年/g, '')
    .replace(/上半年|下半年|年度|年终|年終|全年|第?[一二三四1-4]季度|\d{1,2}月份?|本年|今年|明年|来年|來年|去年|上年|新年|个人|個人|工作|范文|範文|模板|精选|精選|及|和|与|與|的|年/g, '')
    .replace(/总结|總結|报告|報告|汇报|匯報|材料|计划|計劃|规划|規劃|述职|述職|心得|体会|體會|小结|小結|打算|思路/g, '')
  return (rest.match(/[\u3400-\u9FFF]/g)?.length ?? 0) >= 2
}

/** A part of one document (第一部分 2023年工作总结, 第二章…), never a report of its own. */
const PART = new RegExp(`^[【\\[〖]?\\s*第\\s*${NUM}\\s*(?:部分|章|节|節)`)

export function isReportTitle(text: string): boolean {
  return isTitleShaped(text) && TITLE_KIND_END.test(text) && !PART.test(text)
}

function isProse(line: SourceLine | undefined): boolean {
  return !!line && (!!line.table || !isTitleShaped(line.text))
}

/** `…总结1`, `…总结（2）`: the stem and the number, for titles numbered within a collection. */
function numberedTitle(text: string): { stem: string; ordinal: number } | null {
  if (!isTitleShaped(text) || text.length > 50) return null
  const m = /^(.{2,48}?)\s*[（(]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]?$/.exec(text)
  if (!m || !/(?:总结|總結|报告|報告|汇报|匯報|材料|计划|計劃|述职|述職|心得|体会|體會|范文|範文)/.test(m[1])) return null
  return { stem: m[1].trim(), ordinal: numeralValue(m[2]) }
}

/** Indices where ordinals 1, 2, 3… appear in order; only the occurrence followed by text counts (a list of contents is skipped). */
function consecutiveRun(items: { index: number; ordinal: number }[], lines: SourceLine[]): number[] {
  const withText = items.filter((it) => {
    if (isProse(lines[it.index + 1])) return true
    // 篇一 may have its title on the next line; a list of contents has another entry there instead.
    const next = lines[it.index + 1]
    return !!parsePieceMarker(lines[it.index].text) && !!next && !next.table && isTitleShaped(next.text) && !parsePieceMarker(next.text) && isProse(lines[it.index + 2])
  })
  const run: number[] = []
  for (const it of withText) {
    if (it.ordinal === run.length + 1) run.push(it.index)
  }
  return run
}

function explicitBoundaries(lines: SourceLine[]): number[] {
  const pieces: { index: number; ordinal: number }[] = []
  const stems = new Map<string, { index: number; ordinal: number }[]>()
  lines.forEach((line, index) => {
    if (line.table) return
    const piece = parsePieceMarker(line.text)
    if (piece) {
      pieces.push({ index, ordinal: piece.ordinal })
      return
    }
    const numbered = numberedTitle(line.text)
    if (numbered) {
      const list = stems.get(numbered.stem) ?? []
      list.push({ index, ordinal: numbered.ordinal })
      stems.set(numbered.stem, list)
    }
  })
  // Piece markers need text after them; a lone 篇一 still counts when its report follows.
  const pieceRun = consecutiveRun(pieces, lines)
  if (pieceRun.length >= 2 || (pieceRun.length === 1 && pieces.length === 1)) return pieceRun
  let best: number[] = []
  for (const list of stems.values()) {
    const run = consecutiveRun(list, lines)
    if (run.length >= 2 && run.length > best.length) best = run
  }
  return best
}

/** Bare report titles after a finished report, where the text that follows starts over. */
function titleBoundaries(lines: SourceLine[]): number[] {
  const out: number[] = []
  let proseSinceLast = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const prev = lines[i - 1]
    // The report before must be finished, not a lead-in (…如下：) that the title-like line belongs to.
    const prevFinished = !!prev && (!!prev.table || !/[：:，,、]$/.test(prev.text))
    if (!line.table && i > 0 && proseSinceLast > 0 && prevFinished && isReportTitle(line.text) && hasSubject(line.text) && isProse(lines[i + 1]) && restartsNumbering(lines, i + 1)) {
      out.push(i)
      proseSinceLast = 0
      continue
    }
    // A long title (a page's headline, a collection's name) is not the text of a report.
    if (line.table || (line.text.length >= 30 && !isTitleShaped(line.text)) || parseMarker(line.text) !== null) proseSinceLast++
  }
  return out
}

/**
 * What follows a candidate title is a report of its own: its first section marker numbers
 * from 1, or, with no sections at all, it has several paragraphs of its own text.
 */
function restartsNumbering(lines: SourceLine[], from: number): boolean {
  let prose = 0
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]
    if (line.table) continue
    if (isReportTitle(line.text) && hasSubject(line.text)) break
    const m = parseMarker(line.text)
    if (m) return m.ordinal === 1
    if (line.text.length >= 30) prose++
  }
  return prose >= 3
}

function hasContent(lines: SourceLine[]): boolean {
  return lines.some((l) => !!l.table || parseMarker(l.text) !== null || (l.text.length >= 40 && /[。！？]/.test(l.text)))
}

export function splitReports(lines: SourceLine[], keep?: ReadonlySet<string>): SplitResult {
  const removed: string[] = []
  const explicit = explicitBoundaries(lines)
  if (explicit.length) {
    const chunks: ReportChunk[] = []
    const header = lines.slice(0, explicit[0])
    const headerTitle = header.find((l) => !l.table && isTitleShaped(l.text))?.text
    if (hasContent(header) || header.some((l) => isKept(keep, l.text))) chunks.push({ lines: header })
    else removed.push(...header.flatMap(sourceTexts))
    explicit.forEach((start, k) => {
      const end = k + 1 < explicit.length ? explicit[k + 1] : lines.length
      const first = lines[start]
      const piece = parsePieceMarker(first.text)
      if (piece) {
        // Only the marker goes: a title it carried stays as the report's title.
        removed.push(piece.title ? first.text.slice(0, first.text.lastIndexOf(piece.title)).trim() : first.text)
        const body = lines.slice(start + 1, end)
        const nextIsTitle = body.length > 0 && !body[0].table && isTitleShaped(body[0].text) && isProse(body[1])
        const title = piece.title || (nextIsTitle ? undefined : headerTitle ?? first.text)
        chunks.push({ title, lines: body })
      } else {
        chunks.push({ lines: lines.slice(start, end) })
      }
    })
    return { chunks, removed }
  }
  const bounds = titleBoundaries(lines)
  const starts = [0, ...bounds]
  const chunks = starts.map((start, k) => ({ lines: lines.slice(start, k + 1 < starts.length ? starts[k + 1] : lines.length) }))
  return { chunks: chunks.filter((c) => c.lines.length > 0), removed }
}

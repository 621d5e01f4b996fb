import { isKept, sourceTexts, type SourceLine } from './lines'
import { parseMarker } from './markers'
import { isDocumentHeader } from './meta'
import { FILE_NAME_END, siteWordCount } from './site'
import { hasSubject, isTitleShaped, TITLE_KIND_END } from './split'

/**
 * The report's title, chosen for its shape among the lines above the text: a title names
 * the kind of report (总结, 报告, 述职…), often the year and the unit, and is not a
 * sentence. A page says its headline several times (breadcrumb, page heading, the file
 * name, the document's own title line): the candidate nearest the text wins, because
 * that is the document's own. Everything above the chosen title is the page around the
 * document and is removed (listed, so the clerk can put a line back), except an official
 * document's header (某某局文件, 文号). A title glued to the first paragraph
 * (`…述职报告一年多来，…`) is cut off it when the page shows the same title elsewhere or
 * a space sets it apart.
 */

export interface TitleChoice {
  title: string
  /** Official-document header lines above the title (kept as text). */
  header: SourceLine[]
  /** The report's lines after the title. */
  lines: SourceLine[]
  /** Lines above the title and duplicated title lines, removed as page chrome. */
  removed: string[]
}

const KIND_ANYWHERE = /总结|總結|报告|報告|汇报|匯報|述职|述職|计划|計劃|规划|規劃|打算|思路|安排|要点|要點|小结|小結|材料|心得|体会|體會/
const COLLECTION = /集锦|集錦|汇总|匯總|合集|大全|精选\s*\d|精選\s*\d|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*篇(?:\s*$|[)）】\]])/
const SALUTATION = /^(?:尊敬的|各位|亲爱的|親愛的|同志们|同志們|老师们|老師們)/
const DECORATION = '全文|完整版|精品|精选|精選|推荐|推薦|最新|优秀|優秀|实用|實用|通用|必备|必備|热门|熱門|范文|範文|word版|可编辑|可編輯|\\d{1,2}篇|[一二三四五六七八九十]{1,2}篇|汇总|匯總|大全'
const SUBTITLE = /^[—–-]{1,2}\s*\S/
const YEAR = /(?:19|20)\d{2}\s*年|20[xX×_＿]{2}\s*年/

/** Page decorations around a title: 【精品】…, …【精选推荐】, …(全文), …(20240111).docx, …_第1页, - 某某网. */
export function cleanTitle(raw: string, keep?: ReadonlySet<string>): { title: string; stripped: string[] } {
  const stripped: string[] = []
  let t = raw.trim()
  const cut = (re: RegExp): void => {
    const m = re.exec(t)
    if (m && m[0].trim() && t.length - m[0].length >= 4 && !isKept(keep, m[0].trim())) {
      stripped.push(m[0].trim())
      t = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).trim()
    }
  }
  cut(/\s*[_-]?\s*第\s*\d{1,3}\s*页\s*$/)
  cut(/\.(?:docx?|wps|pdf|txt|pptx?|xlsx?|rtf)\s*$/i)
  cut(/\s*[（(]\s*\d{6,8}\s*[)）]\s*$/)
  // Only brackets made of decoration words go: （精选公文范文） names the text and stays.
  cut(new RegExp(`\\s*[（(【[]\\s*(?:${DECORATION})+\\s*[)）】\\]]\\s*$`, 'i'))
  cut(/^\s*[【[][^】\]]{1,20}[】\]]\s*/)
  // A title is not an item of a list: 1、 in front of it is a page's chunk number.
  cut(/^\s*\d{1,3}\s*[、．.](?=\s*\S)/)
  cut(/\s*[-—_|｜]\s*[^-—_|｜]{0,20}(?:网|網|站|文库|文庫|\.com|\.cn|\.net)\s*$/i)
  // A title quoted whole (《城关二小2023年度工作总结》) is the title itself: the marks are not part of it.
  const quoted = /^《([^《》]{4,})》$/.exec(t)
  return { title: quoted ? quoted[1] : t, stripped }
}

function isProse(t: string): boolean {
  return (t.length >= 15 && /[。！？；]/.test(t)) || (t.length >= 40 && /[，,]/.test(t))
}

/** The first line of the report's own text: prose, a salutation, a numbered heading or a table. */
export function bodyStart(lines: SourceLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (l.table) return i
    const t = l.text
    if (!t) continue
    if (isProse(t) || (SALUTATION.test(t) && t.length <= 60)) return i
    const m = parseMarker(t)
    if (m && m.rest.length > 0 && !l.title) return i
  }
  return lines.length
}

interface Scored {
  index: number
  title: string
  /** The rest of the line when the title was cut off the front of a paragraph. */
  rest?: string
  score: number
}

function score(raw: string, title: string): number {
  let s = 0
  if (TITLE_KIND_END.test(title)) s += 3
  else if (KIND_ANYWHERE.test(title)) s += 1
  if (hasSubject(title)) s += 1
  if (YEAR.test(title)) s += 0.5
  if (COLLECTION.test(raw)) s -= 4
  if (FILE_NAME_END.test(raw)) s -= 1
  if (siteWordCount(title) >= 1) s -= 2
  if ((title.match(/[\u3400-\u9fff]/g)?.length ?? 0) < 4) s -= 3
  return s
}

function normalized(s: string): string {
  return s.replace(/[\s《》“”"]/g, '')
}

/**
 * A title at the front of a paragraph: set apart by a space, or glued on when the same
 * title appears above it (the page's file name or headline).
 */
function gluedTitle(text: string, above: string[], alone: boolean): { title: string; rest: string } | null {
  const space = /^(\S{4,40}?)\s+(\S[\s\S]*)$/.exec(text)
  if (space && isTitleShaped(space[1]) && TITLE_KIND_END.test(space[1]) && !/[，,]/.test(space[1])) return { title: space[1], rest: space[2] }
  const echo = above.map(normalized).join('\n')
  let best: { title: string; rest: string } | null = null
  for (const m of text.slice(0, 42).matchAll(new RegExp(KIND_ANYWHERE.source, 'g'))) {
    const end = (m.index ?? 0) + m[0].length
    const title = text.slice(0, end)
    // Without an echo, only a title that is plainly one: nothing else above, a year and a subject.
    const plain = alone && YEAR.test(title) && hasSubject(title) && TITLE_KIND_END.test(title)
    if (title.length < 6 || /[，,。；;！？：:]/.test(title) || !(echo.includes(normalized(title)) || plain)) continue
    best = { title, rest: text.slice(end) }
  }
  return best && best.rest.length >= 10 ? best : null
}

export function chooseTitle(lines: SourceLine[], given?: string, echo: string[] = [], keep?: ReadonlySet<string>): TitleChoice {
  let start = 0
  while (start < lines.length && start < 6 && !lines[start].table && isDocumentHeader(lines[start].text)) start++
  const header = lines.slice(0, start)
  let rest = lines.slice(start)
  const removed: string[] = []
  if (given !== undefined) return dropRepeats({ title: given, header, lines: rest, removed }, keep)

  const kept = (l: SourceLine): boolean => sourceTexts(l).some((t) => isKept(keep, t))
  const declared = rest.findIndex((l, i) => l.title && i < 8)
  if (declared >= 0) {
    const above = rest.slice(0, declared)
    removed.push(...above.filter((l) => !kept(l)).flatMap(sourceTexts))
    return dropRepeats({ title: rest[declared].text, header, lines: [...above.filter(kept), ...rest.slice(declared + 1)], removed }, keep)
  }

  const body = bodyStart(rest)
  const candidates: Scored[] = []
  for (let i = 0; i < body; i++) {
    const t = rest[i].text
    if (!t || rest[i].table || !isTitleShaped(t.replace(FILE_NAME_END, ''))) continue
    const { title } = cleanTitle(t, keep)
    if (!isTitleShaped(title) || /[:：]$/.test(title)) continue
    candidates.push({ index: i, title, score: score(t, title) })
  }
  if (body < rest.length && !rest[body].table) {
    const glued = gluedTitle(rest[body].text, [...echo, ...rest.slice(0, body).map((l) => l.text)], candidates.length === 0)
    if (glued) {
      const { title } = cleanTitle(glued.title, keep)
      candidates.push({ index: body, title, rest: glued.rest, score: score(glued.title, title) })
    }
  }
  if (!candidates.length) return { title: '', header, lines: rest, removed }
  // The one nearest the text is the document's own, among those that read as titles.
  const last = candidates[candidates.length - 1]
  last.score += 1
  const best = candidates.reduce((a, b) => (b.score >= a.score ? b : a))
  // Nothing that reads as a title (a lone 注册, 分享, a menu word): no title rather than a wrong one.
  if (best.score < 1) return { title: '', header, lines: rest, removed }
  const confident = best.score >= 3
  // Above a confidently chosen title is the page; above a doubtful one only what is not prose goes.
  // Lines the clerk put back stay, after the title.
  const stays = (l: SourceLine): boolean => !!l.table || kept(l) || (!confident && isProse(l.text))
  for (let i = 0; i < best.index; i++) {
    const l = rest[i]
    if (!l.text || stays(l)) continue
    removed.push(...sourceTexts(l))
  }
  const keptAbove = rest.slice(0, best.index).filter((l) => (l.table || l.text) && stays(l))
  const bestRaw = rest[best.index].text
  const cleaned = cleanTitle(best.rest !== undefined ? bestRaw.slice(0, bestRaw.length - best.rest.length) : bestRaw, keep)
  removed.push(...cleaned.stripped)
  let after = rest.slice(best.index + 1)
  if (best.rest !== undefined) after = [{ ...rest[best.index], text: best.rest.trim() }, ...after]
  let title = best.title
  // A subtitle (——某某局经验交流材料), or a title whose first line names only the unit (XX县教育局 /
  // 2024年工作总结), belongs with the line above it.
  const above = best.index > 0 ? rest[best.index - 1] : undefined
  const carriesOn = (a: string): boolean => SUBTITLE.test(title) || (!hasSubject(title) && !KIND_ANYWHERE.test(a) && /[\u3400-\u9fff]{2}$/.test(a))
  if (above && !above.table && best.rest === undefined && isTitleShaped(above.text) && carriesOn(above.text) && removed[removed.length - 1] === above.text && !above.sources && !isDocumentHeader(above.text)) {
    removed.pop()
    title = above.text + title
  }
  // 上半年工作总结 / 及下半年工作计划: a title broken over two lines, or followed by its subtitle.
  const next = after[0]
  if (next && !next.table && best.rest === undefined && isTitleShaped(next.text) && (continues(title, next.text) || SUBTITLE.test(next.text)) && title.length + next.text.length <= 60) {
    title += next.text
    after = after.slice(1)
  }
  return dropRepeats({ title, header, lines: [...keptAbove, ...after], removed }, keep)
}

function continues(title: string, next: string): boolean {
  return (!TITLE_KIND_END.test(title) && !/[0-9０-９)）】\]]$/.test(title) && TITLE_KIND_END.test(next)) || /^(?:及|和|暨|与|與|兼|并|並)/.test(next) || /(?:及|和|暨|与|與|关于|關於|的)$/.test(title)
}

/** A page that repeats its headline right under it. */
function dropRepeats(choice: TitleChoice, keep?: ReadonlySet<string>): TitleChoice {
  let lines = choice.lines
  while (lines[0] && !lines[0].table && choice.title && !isKept(keep, lines[0].text) && normalized(cleanTitle(lines[0].text).title) === normalized(choice.title)) {
    choice.removed.push(...sourceTexts(lines[0]))
    lines = lines.slice(1)
  }
  return { ...choice, lines }
}

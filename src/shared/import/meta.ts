import type { ReportKind, Signature } from '../doc/model'
import type { SourceLine } from './lines'
import { parseMarker } from './markers'

/**
 * Report metadata read from the text itself: the title at the top, the kind and
 * period the title names, the signature block (unit and date) and attachment note
 * at the end, and the author of a 述职报告.
 */

/** Title, kind and period words, in the order they decide the kind (述职 beats 年度…). */
const KIND_RULES: [ReportKind, RegExp][] = [
  ['duty', /述职|述職/],
  ['experience', /经验|經驗|交流材料|典型材料|先进事迹|先進事跡/],
  ['half-year', /半年/],
  ['quarterly', /季度/],
  ['monthly', /月度|\d{1,2}\s*月份?(?:工作)?(?:总结|總結|小结|小結|汇报|匯報)|[一二三四五六七八九十]{1,2}月份?(?:工作)?(?:总结|總結)/],
  ['special', /专项|專項|专题|專題/],
  ['annual', /年度|年终|年終|全年|(?:\d{4}|20[xX×_＿]{2}|[xX×]{2})\s*年(?:工作)?(?:总结|總結)|\d{4}\s*年.{0,20}(?:总结|總結|报告|報告)/],
  // 关于教师资格认定工作的总结: a single piece of work, when no period says otherwise.
  ['special', /关于.{2,30}工作|關於.{2,30}工作/]
]

export function guessKind(title: string): ReportKind {
  for (const [kind, re] of KIND_RULES) if (re.test(title)) return kind
  return 'other'
}

const YEAR = '(?:\\d{4}|20[xX×_＿]{2}|[xX×_＿]{2,4}|[〇零○一二三四五六七八九]{4})\\s*年'
const PERIOD = new RegExp(
  `${YEAR}(?:度)?(?:上半年|下半年|第?[一二三四1-4]\\s*季度|\\d{1,2}\\s*月份?|[一二三四五六七八九十]{1,3}月份?)?`
)

const PART_OF_YEAR = /上半年|下半年|第?[一二三四1-4]\s*季度|\d{1,2}\s*月份?|[一二三四五六七八九十]{1,3}月份?/

/** The period as the clerk wrote it (2024年, 2024年上半年, 2024年第三季度), from the title or the opening text. */
export function guessPeriod(title: string, opening = ''): string {
  const m = PERIOD.exec(title) ?? PERIOD.exec(opening.slice(0, 200))
  if (!m) return ''
  const period = m[0].replace(/\s+/g, '')
  // 2015年教育局上半年工作总结: the part of the year is written apart from the year.
  const part = m.input === title && !PART_OF_YEAR.test(period) ? PART_OF_YEAR.exec(title.slice(m.index + m[0].length)) : null
  return part ? period + part[0].replace(/\s+/g, '') : period
}

const DATE_LINE =
  /^(?:(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4}|20[xX×_＿]{2}|[xX×_＿]{2,4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×_＿]{1,2})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×_＿]{1,2})\s*日)?|\d{4}\s*[-./／]\s*\d{1,2}\s*[-./／]\s*\d{1,2})$/
const UNIT_END = /(?:局|委员会|委員會|委|办公室|辦公室|办|辦|中心|学校|學校|小学|小學|中学|中學|幼儿园|幼兒園|大学|大學|学院|學院|院|所|站|队|隊|处|處|科|室|部|厅|廳|公司|集团|集團|政府|党委|黨委|支部|总支|總支|组|組|会|會|馆|館|署|司|校)$/
export const PERSON = /^(?:述职人|述職人|汇报人|匯報人|报告人|報告人|总结人|總結人|作者|撰稿人|姓名)\s*[:：]\s*(.{1,20})$/

export function isDateLine(text: string): boolean {
  return text.length <= 20 && DATE_LINE.test(text.replace(/\s+/g, ''))
}

export function isUnitLine(text: string): boolean {
  return text.length >= 2 && text.length <= 30 && !/[，,。；;：:！？]/.test(text) && parseMarker(text) === null && UNIT_END.test(text)
}

export interface Tail {
  signature: Signature | null
  author: string
  /** The report's lines without the signature block. */
  lines: SourceLine[]
}

/**
 * The signature block at the end: a date line, with the unit (or 述职人：…) just above it
 * or on the same line. A unit alone also counts when it is the report's last line.
 */
export function extractSignature(lines: SourceLine[]): Tail {
  let end = lines.length
  let unit = ''
  let date = ''
  let author = ''
  const textAt = (i: number): string => (i >= 0 && !lines[i].table ? lines[i].text : '')
  // At most three lines: unit, person, date in either order.
  for (let steps = 0; steps < 3 && end > 1; steps++) {
    const t = textAt(end - 1)
    if (!t) break
    if (!date && isDateLine(t)) {
      date = t
    } else if (!date && /\s/.test(t) && isDateLine(t.slice(t.lastIndexOf(' ') + 1)) && isUnitLine(t.slice(0, t.lastIndexOf(' ')).trim())) {
      // 某某县教育局 2024年1月10日 on one line.
      date = t.slice(t.lastIndexOf(' ') + 1)
      unit = t.slice(0, t.lastIndexOf(' ')).trim()
    } else if (!author && PERSON.test(t)) {
      author = PERSON.exec(t)![1].trim()
      if (!unit) unit = t
    } else if (!unit && isUnitLine(t) && (date !== '' || steps === 0)) {
      unit = t
    } else break
    end--
  }
  // A unit name without a date only counts as the very last line after the report's prose.
  if (!date && !author && unit && end === lines.length - 1 && end > 0 && textAt(end - 1).length < 20) {
    return { signature: null, author: '', lines }
  }
  if (!date && !unit) return { signature: null, author, lines }
  return { signature: { unit, date }, author, lines: lines.slice(0, end) }
}

/**
 * The attachment note (附件：1. … 2. …) at the end of a 公文: only when it is followed by
 * nothing but its own items, so a sentence mentioning 附件 in the body is left alone.
 */
export function extractAttachments(lines: SourceLine[]): { attachments: string[]; lines: SourceLine[] } {
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 12; i--) {
    const t = lines[i].table ? '' : lines[i].text
    const m = /^附\s*件\s*[:：]\s*(.*)$/.exec(t)
    if (!m) continue
    const items: string[] = []
    const first = m[1].trim()
    const firstMarker = parseMarker(first)
    if (first) items.push(firstMarker && firstMarker.level === 3 ? firstMarker.rest : first)
    for (let j = i + 1; j < lines.length; j++) {
      const mk = lines[j].table ? null : parseMarker(lines[j].text)
      if (!mk || mk.level !== 3 || /[。！？]/.test(mk.rest.slice(0, -1))) return { attachments: [], lines }
      items.push(mk.rest)
    }
    return items.length ? { attachments: items, lines: lines.slice(0, i) } : { attachments: [], lines }
  }
  return { attachments: [], lines }
}

/** The red header of an official document above its title: 某某局文件, 某教发〔2024〕5号, 签发人：…, 特急. */
const DOC_HEADER = /^(?:.{2,30}文件|[\u3400-\u9FFF]{1,12}\s*[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号|签发人\s*[:：].{1,20}|簽發人\s*[:：].{1,20}|密级\s*[:：].{0,10}|特急|加急|急件|平件|内部资料|★.{0,10})$/

export function isDocumentHeader(text: string): boolean {
  return text.length <= 40 && DOC_HEADER.test(text.replace(/\s+/g, ' ').trim())
}

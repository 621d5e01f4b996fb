/**
 * halfwidth-punctuation: `, : ; ( ) ?` typed half-width in Chinese text (the 公文 norm is
 * full-width), one finding per mark, each with a fix to the full-width mark.
 *
 * `, : ; ?` count when Chinese stands on one side and no English word on the other:
 * `入园率93%,义务`, `达98.7%;2所`, `工作:` and `采用PPT,进行` are Chinese; `1,000`, `8:30`,
 * `From:https` and `Word, Excel` are not. Brackets are judged as a pair, so a fix never leaves `（…)` behind (see
 * bracketMarks). Spaces around a flagged mark go with it, since the full-width mark carries
 * its own spacing.
 */
import { makeFinding } from '../context'
import type { Rule } from '../rule'
import { isAsciiLetter, isDigit, isHan } from '../text'
import type { Finding } from '../types'

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？' }
const NAME: Record<string, string> = { ',': '逗号', ':': '冒号', ';': '分号', '(': '括号', ')': '括号', '?': '问号' }

function neighbourIndex(text: string, index: number, step: 1 | -1): number {
  let i = index + step
  while (i >= 0 && i < text.length && text[i] === ' ') i += step
  return i
}

/** Full-width punctuation of Chinese text: its presence on a side makes that side Chinese. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/

function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || (!!ch && CJK_PUNCT.test(ch))
}

/** The first character past a figure (93%, 98.7, 2) in one direction: what the figure sits in. */
function pastFigure(text: string, i: number, step: 1 | -1): string | undefined {
  while (i >= 0 && i < text.length && /[0-9.%％‰ ]/.test(text[i])) i += step
  return i >= 0 && i < text.length ? text[i] : undefined
}

/**
 * A Latin word glued to Chinese on its far side (`C级`, `采用PPT`, a blank `XX年`) is part of
 * the Chinese text; one standing apart (`From`, ` Word `) is English.
 */
function gluedLatinSide(text: string, i: number, step: 1 | -1): string | undefined {
  while (i >= 0 && i < text.length && /[A-Za-z0-9]/.test(text[i])) i += step
  return i >= 0 && i < text.length && isChinese(text[i]) ? text[i] : undefined
}

/** What decides a side: Chinese past a figure, Chinese a Latin word is glued to, or the character itself. */
function side(text: string, i: number, step: 1 | -1): { chinese: boolean; latin: boolean } {
  const c = text[i]
  if (isAsciiLetter(c)) {
    const glued = gluedLatinSide(text, i, step) !== undefined
    return { chinese: glued, latin: !glued }
  }
  return { chinese: isChinese(pastFigure(text, i, step)), latin: false }
}

/**
 * Whether a mark at `index` is in Chinese text: Chinese on one side, looking past a figure
 * (`98.7%;2所`) or a Latin word glued to Chinese (`),C级`), and no English word next to it.
 * Digits on both sides (1,000 8:30) are figures' own punctuation.
 */
function chineseAround(text: string, index: number): boolean {
  const li = neighbourIndex(text, index, -1)
  const ri = neighbourIndex(text, index, 1)
  if (isDigit(text[li]) && isDigit(text[ri])) return false
  const l = side(text, li, -1)
  const r = side(text, ri, 1)
  if (l.latin || r.latin) return false
  return l.chinese || r.chinese
}

/**
 * Brackets to flag. A pair enclosing Chinese is Chinese (`学段(高、初)`, `(第1周)`); a pair
 * around figures or Latin is Chinese only when it sits in Chinese with no Latin or digit right
 * outside: `。(1)全力` and `使用(PPT)课件` are, `x(1)` and `f(2)3` are not. Unmatched ones follow
 * the comma rule.
 */
function bracketMarks(text: string): number[] {
  const marks: number[] = []
  const open: number[] = []
  const unmatched: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x28) open.push(i)
    else if (c === 0x29) {
      const o = open.pop()
      if (o === undefined) {
        unmatched.push(i)
        continue
      }
      let han = false
      for (let k = o + 1; k < i && !han; k++) han = isHan(text[k])
      if (han || outsideIsChinese(text, o, i)) marks.push(o, i)
    }
  }
  for (const i of [...open, ...unmatched]) if (chineseAround(text, i)) marks.push(i)
  return marks
}

function outsideIsChinese(text: string, open: number, close: number): boolean {
  const l = text[neighbourIndex(text, open, -1)]
  const r = text[neighbourIndex(text, close, 1)]
  const latinOrDigit = (c: string | undefined): boolean => isAsciiLetter(c) || isDigit(c)
  if (latinOrDigit(l) || latinOrDigit(r)) return false
  return isChinese(l) || isChinese(r)
}

export const halfwidthPunctuation: Rule = {
  id: 'halfwidth-punctuation',
  run(ctx) {
    const out: Finding[] = []
    for (const unit of ctx.units) {
      const text = unit.text
      if (!/[,:;()?]/.test(text)) continue
      const marks: number[] = text.includes('(') || text.includes(')') ? bracketMarks(text) : []
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i) // by code unit: indexing CJK text allocates
        // The colon of a web address (https://) is not punctuation.
        if (c === 0x3a && text.startsWith('//', i + 1)) continue
        if ((c === 0x2c || c === 0x3a || c === 0x3b || c === 0x3f) && chineseAround(text, i)) marks.push(i)
      }
      marks.sort((a, b) => a - b)
      let claimed = 0
      for (const i of marks) {
        const ch = text[i]
        let start = i
        let end = i + 1
        while (start > claimed && text[start - 1] === ' ') start--
        while (end < text.length && text[end] === ' ') end++
        claimed = end
        out.push(
          makeFinding(unit, 'halfwidth-punctuation', `半角${NAME[ch]}“${ch}”应为全角“${FULL[ch]}”`, start, end, {
            label: `改为“${FULL[ch]}”`,
            replacement: FULL[ch]
          })
        )
      }
    }
    return out
  }
}

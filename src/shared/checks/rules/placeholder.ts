/**
 * placeholder: template blanks nobody filled in — `__年`, `＿＿`, `XX`/`××` for a number or a
 * name, `20xx`, `20__`, `**`/`＊＊` — and template prompts left in: a guidance paragraph
 * （简要概述…） or a bracketed prompt inside a sentence （逐项列出…）.
 *
 * Not placeholders: X's inside a Latin word (MAXX, XXL), `__` glued to Latin (__init__), and
 * Markdown bold (`**加强领导**`), which a paste from a chat tool leaves behind. Bold is told
 * apart from a pair of blanks by what the stars enclose: a blank stands before a unit or a date
 * word (`**万元`, `**年**月`), bold encloses a phrase.
 */
import { promptRanges } from '../../templates/guidance'
import { makeFinding, type CheckContext } from '../context'
import type { Rule } from '../rule'
import { isAsciiLetter, isDigit } from '../text'
import type { Finding } from '../types'

// A 19/20 century prefix is taken into the match so `20xx` and `20__` are reported whole.
const BLANK = /(?:(?<![0-9])(?:19|20))?(?:_{2,}|＿+|[XxＸｘ]{2,}|×{2,}|＊{2,})/g
const STARS = /\*{2,}/g

/** Characters a number placeholder is typically followed by: units, counters, date words. */
const AFTER_NUMBER = new Set([...'年月日号%％‰个名人所项次万亿千百元岁届位家件台套栋亩米里吨辆篇场期批余多㎡'])

function blankFindings(ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  for (const unit of ctx.units) {
    const text = unit.text
    if (!/[_＿XxＸｘ×＊]/.test(text)) continue
    for (const m of text.matchAll(BLANK)) {
      const start = m.index
      const end = start + m[0].length
      const core = m[0].replace(/^(19|20)/, '')
      const coreStart = end - core.length
      const before = text[coreStart - 1]
      const after = text[end]
      // Latin around X's or underscores means a word or an identifier, not a blank.
      if (/^[Xx_]/.test(core) && (isAsciiLetter(before) || isAsciiLetter(after))) continue
      out.push(makeFinding(unit, 'placeholder', `未填写的占位符“${m[0]}”，请填入实际内容`, start, end))
    }
  }
  return out
}

interface Run {
  start: number
  end: number
}

/** Markdown bold: equal star runs around a phrase that is not a number's unit or date word. */
function isBoldPair(text: string, a: Run, b: Run): boolean {
  if (a.end - a.start !== b.end - b.start) return false
  const inner = text.slice(a.end, b.start)
  if (inner.length < 2 || /^\s|\s$/.test(inner)) return false
  if (AFTER_NUMBER.has(inner[0])) return false
  if (isDigit(text[a.start - 1])) return false
  const after = text[b.end]
  return !(after !== undefined && (AFTER_NUMBER.has(after) || isDigit(after)))
}

function starFindings(ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  for (const unit of ctx.units) {
    const text = unit.text
    if (!text.includes('**')) continue
    const runs: Run[] = [...text.matchAll(STARS)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
    for (let i = 0; i < runs.length; ) {
      if (i + 1 < runs.length && isBoldPair(text, runs[i], runs[i + 1])) {
        i += 2
        continue
      }
      const r = runs[i]
      out.push(makeFinding(unit, 'placeholder', `未填写的占位符“${text.slice(r.start, r.end)}”，请填入实际内容`, r.start, r.end))
      i++
    }
  }
  return out
}

function promptFindings(ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  for (const unit of ctx.units) {
    if (unit.kind !== 'paragraph' || !unit.text.includes('（')) continue
    for (const [start, end] of promptRanges(unit.text)) {
      out.push(makeFinding(unit, 'placeholder', '模板提示语还在：请写入实际内容，或删去这段提示', start, end))
    }
  }
  return out
}

export const placeholder: Rule = {
  id: 'placeholder',
  run: (ctx) => [...blankFindings(ctx), ...starFindings(ctx), ...promptFindings(ctx)]
}

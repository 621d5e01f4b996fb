/**
 * Field tokens in template text: `{单位名称}` and the like. Braces never occur in report prose,
 * so a token cannot be mistaken for text; a template that still shows one was not filled.
 */

export interface TemplateFields {
  /** 单位名称: 某某县教育局. */
  unit?: string
  /** 年度: the year covered, 2025 (a trailing 年 is tolerated). */
  year?: number | string
  /** 期间: 2025年, 2025年上半年, 2025年第三季度, 2025年10月; derived from the year when omitted. */
  period?: string
  /** 撰写人 (述职人 in a 述职报告). */
  author?: string
  /** 日期 for the signature, 2026年1月10日; today when omitted. */
  date?: string
  /** 工作名称 of a 专项 or 经验 report (校园安全, 教师资格认定); may stay empty. */
  subject?: string
}

export const TOKENS = {
  unit: '{单位名称}',
  year: '{年度}',
  nextYear: '{下一年度}',
  period: '{期间}',
  author: '{撰写人}',
  date: '{日期}',
  subject: '{工作名称}'
} as const

export type TokenKey = keyof typeof TOKENS

const TOKEN_RE = /\{(单位名称|年度|下一年度|期间|撰写人|日期|工作名称)\}/g
const KEY_OF: Record<string, TokenKey> = Object.fromEntries(Object.entries(TOKENS).map(([k, v]) => [v.slice(1, -1), k as TokenKey]))

/**
 * A field left empty is written as a blank the `placeholder` check reports (＿＿), so the clerk
 * is pointed at it; 工作名称 is optional and simply disappears.
 */
export const BLANK = '＿＿'

export type TokenValues = Record<TokenKey, string>

export function fillTokens(text: string, values: TokenValues): string {
  if (!text.includes('{')) return text
  return text.replace(TOKEN_RE, (_, name: string) => values[KEY_OF[name]])
}

const TOKEN_TEST = new RegExp(TOKEN_RE.source)

export function hasTokens(text: string): boolean {
  return TOKEN_TEST.test(text)
}

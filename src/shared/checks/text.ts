/** Character predicates the rules share. All take one UTF-16 code unit's string (or undefined at an edge). */
import { isHanCode } from '../convert/script'

export function isHan(ch: string | undefined): boolean {
  if (!ch) return false
  const cp = ch.codePointAt(0)!
  return isHanCode(cp)
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return !!ch && /^[A-Za-z]$/.test(ch)
}

/** ASCII or full-width digit. */
export function isDigit(ch: string | undefined): boolean {
  return !!ch && /^[0-9０-９]$/.test(ch)
}

/** The character (a whole surrogate pair when needed) ending just before `index`. */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined
  const low = text.charCodeAt(index - 1)
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index)
  return text[index - 1]
}

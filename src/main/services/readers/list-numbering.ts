/**
 * Word's automatic list numbering, resolved into the marker the reader sees on the page.
 * Both .docx (numbering.xml) and .doc (the list tables) describe a list level the same way:
 * a start value, a number format, a text template with placeholders for each level's
 * number (`%1、`, `（%1）`, `%1.%2`), and when the level restarts. Counting follows Word:
 * a level counts up each time it is used and starts over when a higher level is used.
 */

export type NumberFormat =
  | 'decimal'
  | 'decimalZero'
  | 'decimalFullWidth'
  | 'decimalEnclosedCircle'
  | 'decimalEnclosedParen'
  | 'decimalEnclosedFullstop'
  | 'upperRoman'
  | 'lowerRoman'
  | 'upperLetter'
  | 'lowerLetter'
  | 'chineseCounting'
  | 'chineseCountingThousand'
  | 'chineseLegalSimplified'
  | 'ideographDigital'
  | 'ideographTraditional'
  | 'ideographZodiac'
  | 'bullet'
  | 'none'

export interface ListLevel {
  start: number
  format: NumberFormat
  /** The number text with `%1`…`%9` standing for each level's current number. */
  text: string
  /**
   * 1-based level after whose use this level starts over; 0 never restarts; undefined
   * restarts after any higher level (Word's default).
   */
  restartAfter?: number
  /** "Legal" numbering: every level's number is shown in Arabic digits. */
  legal?: boolean
  /** What follows the number: a tab (Word's default), a space, or nothing. */
  suffix?: 'tab' | 'space' | 'nothing'
}

const CN_DIGITS = '〇一二三四五六七八九'
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖'
const STEMS = '甲乙丙丁戊己庚辛壬癸'
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥'

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五: Word's chineseCounting. */
function chineseCounting(n: number, digits = CN_DIGITS, ten = '十', hundred = '百', thousand = '千', zero = '零'): string {
  if (n <= 0) return String(n)
  if (n >= 10000) return String(n)
  const parts: string[] = []
  const th = Math.floor(n / 1000)
  const hu = Math.floor((n % 1000) / 100)
  const te = Math.floor((n % 100) / 10)
  const on = n % 10
  if (th) parts.push(digits[th] + thousand)
  if (hu) parts.push(digits[hu] + hundred)
  else if (th && (te || on)) parts.push(zero)
  if (te) parts.push((te === 1 && n < 20 ? '' : digits[te]) + ten)
  else if (hu && on) parts.push(zero)
  if (on) parts.push(digits[on])
  return parts.join('')
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: A…Z, AA…ZZ, AAA…
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n)
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let out = ''
  for (const [v, s] of table) while (n >= v) {
    out += s
    n -= v
  }
  return out
}

/**
 * One number in a format. Enclosed forms (⑴ ⒈) are written out as the plain marker they
 * stand for, `(1)` and `1.`, so the outline reads them like typed markers.
 */
export function formatNumber(n: number, format: NumberFormat): string {
  switch (format) {
    case 'decimal':
      return String(n)
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n)
    case 'decimalFullWidth':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    case 'decimalEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return `(${n})`
    case 'decimalEnclosedFullstop':
      return `${n}.`
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'upperLetter':
      return letters(n, true)
    case 'lowerLetter':
      return letters(n, false)
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return chineseCounting(n)
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, '拾', '佰', '仟')
    case 'ideographDigital':
      return String(n).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)])
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n)
    case 'ideographZodiac':
      return BRANCHES[(n - 1) % 12] ?? String(n)
    case 'bullet':
    case 'none':
      return ''
  }
}

/** Number formats by their .docx names; anything unknown counts in Arabic digits. */
export function numberFormatFromName(name: string | undefined): NumberFormat {
  switch (name) {
    case 'decimal':
    case 'decimalZero':
    case 'decimalFullWidth':
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedParen':
    case 'decimalEnclosedFullstop':
    case 'upperRoman':
    case 'lowerRoman':
    case 'upperLetter':
    case 'lowerLetter':
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'ideographTraditional':
    case 'ideographZodiac':
    case 'bullet':
    case 'none':
      return name
    case 'decimalFullWidth2':
    case 'decimalHalfWidth':
      return 'decimal'
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return 'chineseCounting'
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return 'decimalEnclosedCircle'
    case 'ideographLegalTraditional':
      return 'chineseLegalSimplified'
    default:
      return 'decimal'
  }
}

/** A numbered list a paragraph points at: its levels, and the level starts this instance overrides. */
export interface ListInstance {
  /** The list that counts: instances of one list continue each other's numbers. */
  list: string
  levels: (ListLevel | undefined)[]
  startOverrides: Map<number, number>
}

/**
 * Counts list paragraphs in document order. A list is identified by `list` (the .docx
 * abstract numbering or the .doc list id): instances of one list continue each other's
 * numbers, as in Word, unless an instance overrides a level's start, which restarts that
 * level the first time the instance is used.
 */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>()
  private readonly startedInstances = new Set<string>()

  /**
   * The marker for the next paragraph of `list` at `ilvl`, or '' for a bullet or an
   * unnumbered level. `instance` and `startOverrides` carry the instance's own restarts.
   */
  next(list: string, levels: readonly (ListLevel | undefined)[], ilvl: number, instance = list, startOverrides: ReadonlyMap<number, number> = new Map()): string {
    const level = levels[ilvl]
    if (!level) return ''
    let counts = this.counters.get(list)
    if (!counts) {
      counts = []
      this.counters.set(list, counts)
    }
    if (!this.startedInstances.has(instance)) {
      this.startedInstances.add(instance)
      for (const [l, start] of startOverrides) counts[l] = start - 1
    }
    const current = counts[ilvl]
    counts[ilvl] = current === undefined ? (startOverrides.get(ilvl) ?? level.start) : current + 1
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levels[deeper]?.restartAfter
      if (restart === undefined || (restart > 0 && ilvl + 1 <= restart)) counts[deeper] = undefined
    }
    return level.format === 'bullet' ? '' : expand(level, levels, counts)
  }
}

function expand(level: ListLevel, levels: readonly (ListLevel | undefined)[], counts: readonly (number | undefined)[]): string {
  return level.text.replace(/%([1-9])/g, (_, k: string) => {
    const i = Number(k) - 1
    const def = levels[i]
    const n = counts[i] ?? def?.start ?? 1
    return formatNumber(n, level.legal ? 'decimal' : (def?.format ?? 'decimal'))
  })
}

/** The paragraph as the page shows it: the marker, what follows it, then the text. */
export function withLabel(label: string, level: ListLevel | undefined, text: string): string {
  if (!label) return text
  const gap = level?.suffix === 'nothing' ? '' : ' '
  return `${label}${gap}${text}`
}

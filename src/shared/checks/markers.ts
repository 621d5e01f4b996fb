/**
 * Source markers as imports keep them (`(一)、`, `1、`, `1．`, `（1）`, `- 1、`): the ordinal
 * written and the style, so rules can compare what the author typed, not the app's renumbering.
 */
import { chineseNumeral, parseChineseNumeral } from '../doc/numbering'

export interface SourceMarker {
  ordinal: number
  /** The marker's shape with the number set to one: `(一)、`, `1.`, `（1）`. Equal styles look alike. */
  style: string
  /** The marker as written, trimmed. */
  text: string
}

const NUMERAL = /[一二三四五六七八九十]+|[0-9]+|[０-９]+/

export function parseSourceMarker(marker: string | undefined): SourceMarker | null {
  if (!marker) return null
  // List dashes from converted documents (`- 1、`) are not part of the numbering style.
  const text = marker.trim().replace(/^[-–—•·*]\s*/, '')
  const m = NUMERAL.exec(text)
  if (!m) return null
  let ordinal: number | null
  let one: string
  if (/^[0-9]/.test(m[0])) {
    ordinal = Number(m[0])
    one = '1'
  } else if (/^[０-９]/.test(m[0])) {
    ordinal = Number(m[0].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
    one = '１'
  } else {
    ordinal = parseChineseNumeral(m[0])
    one = '一'
  }
  if (ordinal === null || ordinal <= 0) return null
  const style = (text.slice(0, m.index) + one + text.slice(m.index + m[0].length)).replace(/\s+/g, ' ')
  return { ordinal, style, text }
}

/** The n-th marker in a given style: markerInStyle('(一)、', 3) is `(三)、`. */
export function markerInStyle(style: string, n: number): string {
  if (style.includes('一')) return style.replace('一', chineseNumeral(n))
  if (style.includes('１')) return style.replace('１', String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))))
  return style.replace('1', String(n))
}

import chardet from 'chardet'
import iconv from 'iconv-lite'
import { UserError } from '../../../shared/errors'
import { textPlausibility } from '../../../shared/import/charset'

/**
 * Text files of unknown encoding: old reports are GBK/GB18030 or Big5, newer ones UTF-8.
 * A BOM decides; valid UTF-8 is UTF-8; otherwise GB18030 and Big5 (plus chardet's own
 * guesses) are each tried and the most plausible Chinese wins. chardet alone is not
 * trusted: on short texts it confuses GBK and Big5.
 */
export interface DecodedText {
  text: string
  /** utf-8, utf-16le, utf-16be, gb18030 or big5. */
  encoding: string
}

/** Control bytes that never occur in text files (NUL, and the C0 range except tab/newlines/ESC/FF). */
function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 64 * 1024)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = buf[i]
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++
  }
  return control > n * 0.01
}

export function strictUtf8(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    return null
  }
}

/** chardet's names for the encodings Chinese text files come in, as iconv-lite spells them. */
const CHARDET_TO_ICONV: Record<string, string> = {
  GB18030: 'gb18030',
  GBK: 'gb18030',
  GB2312: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be'
}

export function decodeText(buf: Buffer): DecodedText {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' }
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' }
  if (looksBinary(buf)) throw new UserError('这不是文本文件，无法导入（文件里有二进制内容）', 'binary')

  const utf8 = strictUtf8(buf)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }

  const candidates = new Set(['gb18030', 'big5'])
  try {
    for (const m of chardet.analyse(buf).slice(0, 3)) {
      const name = CHARDET_TO_ICONV[m.name]
      if (name) candidates.add(name)
    }
  } catch {
    // chardet's guess is only a hint; the scoring below decides.
  }
  let best: (DecodedText & { score: number; bad: number }) | null = null
  for (const encoding of candidates) {
    const text = iconv.decode(buf, encoding)
    const p = textPlausibility(text)
    // GB18030 first on a tie: it is the common case for mainland offices.
    if (!best || p.score > best.score) best = { text, encoding, score: p.score, bad: p.replacementRatio }
  }
  if (!best || best.bad > 0.05 || best.score < 0) {
    throw new UserError('无法识别这个文件的文字编码，请另存为 UTF-8 编码的文本后再导入', 'encoding')
  }
  return { text: best.text, encoding: best.encoding }
}

/** The charset an HTML page declares in its <meta>, when it is one we can decode. */
function declaredHtmlCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 4096).toString('latin1')
  const m = /<meta[^>]{0,200}charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)
  if (!m) return null
  const cs = m[1].toLowerCase()
  if (cs === 'utf-8' || cs === 'utf8') return 'utf-8'
  if (cs === 'gbk' || cs === 'gb2312' || cs === 'gb18030' || cs === 'x-gbk') return 'gb18030'
  if (cs === 'big5' || cs === 'big5-hkscs') return 'big5'
  return null
}

export function decodeHtml(buf: Buffer): DecodedText {
  const declared = declaredHtmlCharset(buf)
  if (declared && declared !== 'utf-8' && strictUtf8(buf) === null) {
    return { text: iconv.decode(buf, declared), encoding: declared }
  }
  return decodeText(buf)
}

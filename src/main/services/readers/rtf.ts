import iconv from 'iconv-lite'
import { normalizeLineText, type SourceLine } from '../../../shared/import/lines'

/**
 * RTF → the importer's lines. A tokenizer over groups and control words that keeps the
 * document's text and drops what is not text (font and colour tables, pictures, field
 * instructions, headers, hidden destinations). Bytes written as \'hh are decoded in the
 * code page of their font (\fcharset134 is GBK, 136 Big5) or of the document (\ansicpg).
 * Word writes the visible number of a list item in {\listtext …}, which is kept, so
 * automatic numbering arrives as the marker the reader saw.
 */

const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl',
  'footerr', 'footerf', 'footnote', 'fldinst', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata',
  'colorschememapping', 'latentstyles', 'datastore', 'mmathPr', 'pgdsctbl', 'bkmkstart', 'bkmkend', 'nonshppict', 'shpinst',
  'filetbl', 'revtbl', 'operator', 'author', 'title', 'subject', 'company', 'comment', 'doccomm', 'keywords', 'userprops', 'xe', 'tc',
  'template', 'wgrffmtfilter', 'fchars', 'lchars', 'atnid', 'atnauthor', 'annotation', 'protusertbl', 'docvar', 'passwordhash'
])

const CHARSET_CODEPAGE: Record<number, string> = { 134: 'gb18030', 136: 'big5', 128: 'shift_jis', 129: 'cp949', 0: 'cp1252', 1: 'cp1252' }

interface State {
  skip: boolean
  uc: number
  font: number
}

export function rtfToLines(rtf: string): SourceLine[] {
  const fonts = new Map<number, string>()
  const ansi = /\\ansicpg(\d+)/.exec(rtf.slice(0, 2000))
  const docPage = ansi ? (ansi[1] === '936' ? 'gb18030' : ansi[1] === '950' ? 'big5' : `cp${ansi[1]}`) : 'cp1252'
  // The font table first: which code page each font's bytes are in.
  for (const m of rtf.matchAll(/\\f(\d+)[^{}]*?\\fcharset(\d+)/g)) {
    const cp = CHARSET_CODEPAGE[Number(m[2])]
    if (cp) fonts.set(Number(m[1]), cp)
  }

  const out: SourceLine[] = []
  let para = ''
  let rows: string[][] = []
  let row: string[] = []
  /** The current paragraph is in a table (\intbl since the last \pard). */
  let inTable = false
  let bytes: number[] = []
  let state: State = { skip: false, uc: 1, font: -1 }
  const stack: State[] = []
  let pendingSkip = 0

  const flushBytes = (): void => {
    if (!bytes.length) return
    const page = fonts.get(state.font) ?? docPage
    const enc = iconv.encodingExists(page) ? page : 'cp1252'
    para += iconv.decode(Buffer.from(bytes), enc)
    bytes = []
  }
  const tableOpen = (): boolean => rows.length > 0 || row.length > 0
  const emit = (text: string): void => {
    flushBytes()
    if (state.skip) return
    if (!inTable && tableOpen() && para === '') endTable()
    para += text
  }
  const endParagraph = (): void => {
    flushBytes()
    if (!inTable && tableOpen()) endTable()
    for (const part of para.split('\n')) out.push({ text: normalizeLineText(part) })
    para = ''
  }
  const endCell = (): void => {
    flushBytes()
    row.push(normalizeLineText(para.replace(/\n/g, ' ')))
    para = ''
  }
  const endRow = (): void => {
    if (row.some(Boolean)) rows.push(row)
    row = []
  }
  const endTable = (): void => {
    if (row.length) endRow()
    if (rows.length) out.push({ text: '', table: rows })
    rows = []
  }

  let i = 0
  const n = rtf.length
  while (i < n) {
    const c = rtf[i]
    if (c === '{') {
      flushBytes()
      stack.push(state)
      state = { ...state }
      i++
      if (rtf.startsWith('\\*', i)) {
        state.skip = true
        i += 2
      }
      continue
    }
    if (c === '}') {
      flushBytes()
      state = stack.pop() ?? state
      i++
      continue
    }
    if (c === '\\') {
      const next = rtf[i + 1]
      if (next === "'") {
        const hex = rtf.slice(i + 2, i + 4)
        i += 4
        if (pendingSkip > 0) {
          pendingSkip--
          continue
        }
        if (!state.skip && /^[0-9a-fA-F]{2}$/.test(hex)) bytes.push(parseInt(hex, 16))
        continue
      }
      if (next === '\\' || next === '{' || next === '}') {
        emit(next)
        i += 2
        continue
      }
      if (next === '~') {
        emit(' ')
        i += 2
        continue
      }
      if (next === '_') {
        emit('-')
        i += 2
        continue
      }
      if (next === '\n' || next === '\r') {
        if (!state.skip) endParagraph()
        i += 2
        continue
      }
      const m = /^\\([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i, i + 48))
      if (!m) {
        i += 2
        continue
      }
      i += m[0].length
      const word = m[1]
      const arg = m[2] !== undefined ? Number(m[2]) : undefined
      if (SKIP.has(word)) {
        state.skip = true
        continue
      }
      if (state.skip) continue
      switch (word) {
        case 'par':
        case 'sect':
        case 'page':
          if (inTable && word === 'par') para += '\n'
          else endParagraph()
          break
        case 'line':
          emit('\n')
          break
        case 'tab':
          emit('\t')
          break
        case 'emdash':
          emit('—')
          break
        case 'endash':
          emit('–')
          break
        case 'lquote':
          emit('‘')
          break
        case 'rquote':
          emit('’')
          break
        case 'ldblquote':
          emit('“')
          break
        case 'rdblquote':
          emit('”')
          break
        case 'bullet':
          emit('•')
          break
        case 'intbl':
          inTable = true
          break
        case 'cell':
        case 'nestcell':
          endCell()
          break
        case 'row':
        case 'nestrow':
          endRow()
          break
        case 'pard':
          inTable = false
          break
        case 'uc':
          state.uc = arg ?? 1
          break
        case 'u': {
          const code = arg === undefined ? 0 : arg < 0 ? arg + 65536 : arg
          emit(String.fromCharCode(code))
          pendingSkip = state.uc
          break
        }
        case 'f':
          flushBytes()
          state.font = arg ?? -1
          break
      }
      continue
    }
    if (c === '\r' || c === '\n') {
      i++
      continue
    }
    if (pendingSkip > 0) {
      pendingSkip--
      i++
      continue
    }
    if (!state.skip) emit(c)
    i++
  }
  flushBytes()
  if (inTable && para.trim()) endCell()
  if (tableOpen()) endTable()
  if (para.trim()) endParagraph()
  return out
}

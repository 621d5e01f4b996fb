/**
 * Reading report files from disk (Node only, no Electron): size and type checks,
 * encoding detection for old GBK/Big5 text files, .docx through mammoth's HTML,
 * then the shared importer. Every failure a user can cause is a UserError with one
 * clear Chinese sentence.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import chardet from 'chardet'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { UserError } from '../../shared/errors'
import { textPlausibility } from '../../shared/import/charset'
import { htmlToLines } from '../../shared/import/html'
import { importLines, type ImportOptions } from '../../shared/import/import'
import { textToLines, type SourceLine } from '../../shared/import/lines'
import { markdownToLines } from '../../shared/import/markdown'
import type { ImportResult } from '../../shared/import/types'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.docx', '.md', '.markdown', '.html', '.htm'] as const

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

function strictUtf8(buf: Buffer): string | null {
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

/**
 * Decodes a text file: a BOM decides; valid UTF-8 is UTF-8; otherwise GB18030 and Big5
 * (plus chardet's own guesses) are each tried and the most plausible Chinese wins.
 * chardet alone is not trusted: on short texts it confuses GBK and Big5.
 */
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

function decodeHtml(buf: Buffer): DecodedText {
  const declared = declaredHtmlCharset(buf)
  if (declared && declared !== 'utf-8' && strictUtf8(buf) === null) {
    return { text: iconv.decode(buf, declared), encoding: declared }
  }
  return decodeText(buf)
}

/**
 * What a .docx may inflate to. mammoth holds the XML it reads as a DOM, at about 0.5 s and
 * ~100 MB of memory per MB of XML (measured), so the XML parts get the tighter limit; pictures
 * count towards the total only. A real report is far below both; a zip bomb is far above.
 */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024
const MAX_DOCX_PARTS = 10_000

const tooLargeDocx = () => new UserError('Word 文档解压后的内容过大（可能已损坏），无法导入。请在 Word 中拆分后再导入，或另存为 .txt 导入', 'docx-too-large')

/** Inflates one part, counting, and stops as soon as it passes `budget`: the sizes in the zip's headers can lie. */
function inflatedSize(file: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0
    const stream = file.nodeStream('nodebuffer')
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > budget) {
        // Not read any further: the stream stops inflating once its buffer is full.
        stream.pause()
        stream.removeAllListeners('data')
        resolve(size)
      }
    })
    stream.on('end', () => resolve(size))
    stream.on('error', reject)
  })
}

/** Refuses a .docx whose parts would inflate beyond what mammoth can read without exhausting memory. */
async function checkDocxSize(buf: Buffer): Promise<void> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(buf)
  } catch {
    throw new UserError('Word 文档已损坏或不完整，无法读取', 'bad-docx')
  }
  const files = Object.values(zip.files).filter((f) => !f.dir)
  if (files.length > MAX_DOCX_PARTS) throw tooLargeDocx()
  let xml = 0
  let total = 0
  for (const file of files) {
    const isXml = /\.(xml|rels)$/i.test(file.name)
    let size: number
    try {
      size = await inflatedSize(file, Math.min(MAX_DOCX_INFLATED_BYTES - total, isXml ? MAX_DOCX_XML_BYTES - xml : Infinity))
    } catch {
      throw new UserError('Word 文档已损坏或不完整，无法读取', 'bad-docx')
    }
    total += size
    if (isXml) xml += size
    if (total > MAX_DOCX_INFLATED_BYTES || xml > MAX_DOCX_XML_BYTES) throw tooLargeDocx()
  }
}

async function docxToHtml(buf: Buffer): Promise<string> {
  // Every .docx is a zip archive; anything else (an old .doc renamed, a truncated download) is refused up front.
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b || buf[2] !== 0x03 || buf[3] !== 0x04) {
    throw new UserError('这不是有效的 Word 文档（.docx），文件可能已损坏或只是改了扩展名', 'bad-docx')
  }
  await checkDocxSize(buf)
  try {
    // Word's Title style is a plain paragraph to mammoth; as <h1> it reads as the report title.
    const result = await mammoth.convertToHtml({ buffer: buf }, { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"] })
    return result.value
  } catch {
    throw new UserError('Word 文档已损坏或不完整，无法读取', 'bad-docx')
  }
}

function ensureText(text: string): void {
  if (!text.trim()) throw new UserError('文件是空的，没有可导入的内容', 'empty')
}

/** A file's text as the importer's lines, with how to read them: kept so a preview can re-import (restoring a removed line). */
export interface ImportSource {
  lines: SourceLine[]
  options: ImportOptions
  encoding?: string
}

/** An in-memory file's lines, by its extension. */
export async function sourceOfBuffer(buf: Buffer, ext: string): Promise<ImportSource> {
  const e = ext.toLowerCase()
  if (buf.length === 0) throw new UserError('文件是空的，没有可导入的内容', 'empty')
  if (buf.length > MAX_IMPORT_BYTES) throw new UserError('文件超过 20 MB，无法导入', 'too-large')
  switch (e) {
    case '.txt':
    case '.text': {
      const { text, encoding } = decodeText(buf)
      ensureText(text)
      return { lines: textToLines(text), options: {}, encoding }
    }
    case '.md':
    case '.markdown': {
      const { text, encoding } = decodeText(buf)
      ensureText(text)
      return { lines: markdownToLines(text), options: { headingHints: true }, encoding }
    }
    case '.html':
    case '.htm': {
      const { text, encoding } = decodeHtml(buf)
      ensureText(text)
      return { lines: htmlToLines(text), options: {}, encoding }
    }
    case '.docx':
      return { lines: htmlToLines(await docxToHtml(buf)), options: { headingHints: true } }
    case '.doc':
      throw new UserError('不支持旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再导入', 'unsupported')
    case '.pdf':
      throw new UserError('暂不支持导入 PDF，请复制其中的文字粘贴到新报告中，或先转换为 .docx', 'unsupported')
    default:
      throw new UserError(`不支持导入${e ? ` ${e} ` : '没有扩展名的'}文件（可导入 .txt、.docx、.md、.html）`, 'unsupported')
  }
}

/** Imports a file's lines; an import that finds no report at all is an error the user sees. */
export function importSource(source: ImportSource, keep?: ReadonlySet<string>): ImportResult {
  const result = importLines(source.lines, { ...source.options, ...(keep ? { keep } : {}) })
  if (!result.reports.length) throw new UserError('文件里没有找到报告正文，无法导入', 'empty')
  return source.encoding ? { ...result, encoding: source.encoding } : result
}

/** Imports an in-memory file by its extension (the folder import and tests use it too). */
export async function importBuffer(buf: Buffer, ext: string): Promise<ImportResult> {
  return importSource(await sourceOfBuffer(buf, ext))
}

/** Reads a file into the importer's lines, with every check a user's bad file needs. */
export async function readReportSource(path: string): Promise<ImportSource> {
  const name = basename(path)
  const ext = extname(path).toLowerCase()
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext) && ext !== '.doc' && ext !== '.pdf') {
    throw new UserError(`不支持导入${ext ? ` ${ext} ` : '没有扩展名的'}文件（可导入 .txt、.docx、.md、.html）`, 'unsupported')
  }
  let size: number
  try {
    const st = await stat(path)
    if (!st.isFile()) throw new UserError(`“${name}”不是文件，无法导入`, 'not-file')
    size = st.size
  } catch (e) {
    if (e instanceof UserError) throw e
    throw new UserError(`找不到或无法打开文件“${name}”`, 'not-found')
  }
  // Checked before reading so a huge file is never loaded into memory.
  if (size > MAX_IMPORT_BYTES) throw new UserError('文件超过 20 MB，无法导入', 'too-large')
  if (size === 0) throw new UserError('文件是空的，没有可导入的内容', 'empty')
  let buf: Buffer
  try {
    buf = await readFile(path)
  } catch {
    throw new UserError(`无法读取文件“${name}”`, 'unreadable')
  }
  return sourceOfBuffer(buf, ext)
}

export async function readReportFile(path: string): Promise<ImportResult> {
  return importSource(await readReportSource(path))
}

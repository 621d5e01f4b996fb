/**
 * Reading report files from disk (Node only, no Electron). Every file is judged by its bytes,
 * not its name (readers/sniff.ts), then read by the reader for what it really is: Word 97–2003
 * and WPS (.doc/.wps), .docx, RTF, MHT and HTML pages, Markdown, and text in any of the
 * encodings Chinese offices use. Every failure a user can cause is a UserError with one clear
 * Chinese sentence naming the file.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { UserError } from '../../shared/errors'
import { htmlToLines } from '../../shared/import/html'
import { importLines, type ImportOptions } from '../../shared/import/import'
import { textToLines, type SourceLine } from '../../shared/import/lines'
import { markdownSource } from '../../shared/import/markdown'
import type { ImportResult } from '../../shared/import/types'
import { docToLines } from './readers/doc'
import { docxToLines } from './readers/docx'
import { mhtToHtml } from './readers/mht'
import { rtfToLines } from './readers/rtf'
import { sniffFile } from './readers/sniff'
import { decodeHtml, decodeText } from './readers/text'

export { decodeText, type DecodedText } from './readers/text'
export { MAX_DOCX_INFLATED_BYTES, MAX_DOCX_XML_BYTES } from './readers/docx'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** Extensions offered in the open dialog and picked up by a folder import. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.doc', '.wps', '.docx', '.rtf', '.md', '.markdown', '.html', '.htm', '.mht', '.mhtml'] as const

const SUPPORTED_LIST = '.doc、.docx、.wps、.rtf、.txt、.md、.html、.mht'

function ensureText(text: string): void {
  if (!text.trim()) throw new UserError('文件是空的，没有可导入的内容', 'empty')
}

/** A file's text as the importer's lines, with how to read them: kept so a preview can re-import (restoring a removed line). */
export interface ImportSource {
  lines: SourceLine[]
  options: ImportOptions
  encoding?: string
}

async function readZip(buf: Buffer): Promise<ImportSource> {
  return { lines: await docxToLines(buf), options: { headingHints: true } }
}

/** An in-memory file's lines, by what its bytes say it is (the extension only breaks ties). */
export async function sourceOfBuffer(buf: Buffer, ext: string): Promise<ImportSource> {
  if (buf.length === 0) throw new UserError('文件是空的，没有可导入的内容', 'empty')
  if (buf.length > MAX_IMPORT_BYTES) throw new UserError('文件超过 20 MB，无法导入', 'too-large')
  switch (sniffFile(buf, ext)) {
    case 'ole':
      return { lines: docToLines(buf), options: { headingHints: true } }
    case 'zip':
      return readZip(buf)
    case 'pdf':
      throw new UserError('暂不支持导入 PDF，请复制其中的文字粘贴到新报告中，或先转换为 .docx', 'unsupported')
    case 'word-xml':
      throw new UserError('这是 Word 2003 的 XML 格式文档，无法导入。请在 Word 或 WPS 中另存为 .docx 后再导入', 'unsupported')
    case 'rtf': {
      const lines = rtfToLines(buf.toString('latin1'))
      if (!lines.some((l) => l.text || l.table)) throw new UserError('文件是空的，没有可导入的内容', 'empty')
      return { lines, options: {} }
    }
    case 'mht': {
      const html = mhtToHtml(buf)
      if (html === null) throw new UserError('这个网页存档（.mht）里没有网页正文，无法导入', 'bad-mht')
      ensureText(html)
      return { lines: htmlToLines(html), options: {} }
    }
    case 'html': {
      const { text, encoding } = decodeHtml(buf)
      ensureText(text)
      return { lines: htmlToLines(text), options: {}, encoding }
    }
    case 'markdown': {
      const { text, encoding } = decodeText(buf)
      ensureText(text)
      const md = markdownSource(text)
      return { lines: md.lines, options: { headingHints: true, declared: md.declared }, encoding }
    }
    case 'text': {
      const { text, encoding } = decodeText(buf)
      ensureText(text)
      return { lines: textToLines(text), options: {}, encoding }
    }
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

/** A reader's refusal names the file, so a folder import's list of problems says which file each is. */
function naming(name: string, e: unknown): unknown {
  if (e instanceof UserError && !e.message.includes(name)) return new UserError(`“${name}”：${e.message}`, e.code)
  return e
}

/** Reads a file into the importer's lines, with every check a user's bad file needs. */
export async function readReportSource(path: string): Promise<ImportSource> {
  const name = basename(path)
  const ext = extname(path).toLowerCase()
  if (ext === '.pdf') throw new UserError(`“${name}”：暂不支持导入 PDF，请复制其中的文字粘贴到新报告中，或先转换为 .docx`, 'unsupported')
  if (ext && !(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new UserError(`不支持导入 ${ext} 文件“${name}”（可导入 ${SUPPORTED_LIST}）`, 'unsupported')
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
  if (size > MAX_IMPORT_BYTES) throw new UserError(`“${name}”超过 20 MB，无法导入`, 'too-large')
  if (size === 0) throw new UserError(`“${name}”是空文件，没有可导入的内容`, 'empty')
  let buf: Buffer
  try {
    buf = await readFile(path)
  } catch {
    throw new UserError(`无法读取文件“${name}”`, 'unreadable')
  }
  try {
    return await sourceOfBuffer(buf, ext)
  } catch (e) {
    throw naming(name, e)
  }
}

export async function readReportFile(path: string): Promise<ImportResult> {
  return importSource(await readReportSource(path))
}

/**
 * Writing files so that a failure never leaves a half-written document behind: the data goes to
 * a temp file in the target's folder, is flushed to disk, and only then takes the target's name.
 * Plain Node: no electron import.
 */
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Report } from '../../shared/doc/model'
import { UserError, isUserError } from '../../shared/errors'
import { formatFromPath, type ExportFormat } from '../../shared/export/formats'
import { reportsToHtml } from '../../shared/export/html'
import { reportsToDocx, type DocxSettings } from './export-docx'
import { htmlFile, markdownFile, textFile } from './export-text'

/** The parts of node:fs/promises used here; tests pass a failing one. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'link' | 'unlink' | 'stat' | 'readdir'>

export interface WriteOptions {
  /** Replace an existing file. Without it an existing target is a UserError with code 'exists'. */
  overwrite?: boolean
  fs?: AtomicFs
}

/** Temp files are hidden (leading dot) and named after their target: `.name.docx.tmp-<hex>`. */
const TEMP_NAME = /^\..*\.tmp-[0-9a-f]{12}$/

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`)
}

function errnoCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined
}

/** A system error as the one sentence the clerk sees; errors that are not about the disk stay as they are. */
export function userErrorFor(e: unknown, target: string): unknown {
  if (isUserError(e)) return e
  const dir = dirname(target)
  switch (errnoCode(e)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError(`无法写入：文件夹是只读的，或没有写入权限（${dir}）。请换一个文件夹保存。`, 'read-only')
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`磁盘空间不足，文件没有保存（${dir}）。请清理磁盘或换一个位置保存。`, 'no-space')
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(`无法写入：文件夹不存在（${dir}）。`, 'not-found')
    case 'EBUSY':
    case 'ETXTBSY':
      return new UserError(`无法写入：文件正被其他程序使用（${target}），请在 Word 或 WPS 中关闭它后重试。`, 'busy')
    case 'EISDIR':
      return new UserError(`无法写入：已有同名的文件夹（${target}）。`, 'is-directory')
    case 'ENAMETOOLONG':
      return new UserError(`无法写入：文件名或路径太长（${target}）。`, 'bad-path')
    case 'EINVAL':
      return new UserError(`无法写入：文件名含有不允许的字符（${basename(target)}）。`, 'bad-path')
    case 'EIO':
      return new UserError(`写入失败：磁盘读写出错（${dir}），文件没有保存。`, 'io')
    default:
      return e
  }
}

function existsError(target: string): UserError {
  return new UserError(`文件已存在：${target}`, 'exists')
}

export async function exists(fs: AtomicFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path)
    return true
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return false
    throw e
  }
}

/** fsync the folder so the rename itself survives a power cut. Windows cannot open a folder: best effort. */
async function syncDir(fs: AtomicFs, dir: string): Promise<void> {
  let handle: nodeFs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch {
    // Not supported on this platform or file system; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Writes `data` (or what the `data` function writes into the temp file) to `target` atomically: temp file in the same folder, write, fsync, rename (or a
 * hard link when overwriting is not allowed, so an existing file is never replaced even by a race),
 * fsync the folder. On failure the temp file is removed and a UserError explains why.
 */
export async function writeFileAtomic(target: string, data: Buffer | string | ((file: nodeFs.FileHandle) => Promise<void>), opts: WriteOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs
  const dir = dirname(target)
  const temp = tempPathFor(target)
  let handle: nodeFs.FileHandle | undefined
  let tempCreated = false
  try {
    const info = await fs.stat(dir)
    if (!info.isDirectory()) throw Object.assign(new Error(`not a directory: ${dir}`), { code: 'ENOTDIR' })
    if (!opts.overwrite && (await exists(fs, target))) throw existsError(target)

    handle = await fs.open(temp, 'wx')
    tempCreated = true
    // A function writes the content itself (a backup streamed from its parts).
    if (typeof data === 'function') await data(handle)
    else await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined

    if (opts.overwrite) {
      await fs.rename(temp, target)
    } else {
      try {
        // link() fails with EEXIST instead of replacing: no window between the check and the write.
        await fs.link(temp, target)
        await fs.unlink(temp)
      } catch (e) {
        const code = errnoCode(e)
        if (code === 'EEXIST') throw existsError(target)
        // File systems without hard links (FAT/exFAT USB sticks, some network shares): check, then rename.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw e
        if (await exists(fs, target)) throw existsError(target)
        await fs.rename(temp, target)
      }
    }
    tempCreated = false
    await syncDir(fs, dir)
  } catch (e) {
    await handle?.close().catch(() => undefined)
    if (tempCreated) await fs.unlink(temp).catch(() => undefined)
    throw userErrorFor(e, target)
  }
}

/**
 * Removes temp files a crash left behind in `dir` (names `.….tmp-<hex>`). Only files older than
 * `minAgeMs` go, so a write in progress in another process is not disturbed. Returns the names removed.
 */
export async function cleanupTempFiles(dir: string, opts: { minAgeMs?: number; fs?: AtomicFs } = {}): Promise<string[]> {
  const fs = opts.fs ?? nodeFs
  const minAge = opts.minAgeMs ?? 60_000
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return []
    throw e
  }
  const removed: string[] = []
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue
    const path = join(dir, name)
    try {
      const info = await fs.stat(path)
      if (!info.isFile() || Date.now() - info.mtimeMs < minAge) continue
      await fs.unlink(path)
      removed.push(name)
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed
}

export interface ExportOptions extends Pick<WriteOptions, 'overwrite' | 'fs'> {
  docx?: Partial<DocxSettings>
  /** Renders the print-view HTML to PDF (Electron's printToPDF in the app); needed for .pdf only. */
  printToPdf?: (html: string) => Promise<Buffer>
}

export const SUPPORTED_EXTENSIONS = '.docx、.pdf、.txt、.md、.html'

/** The bytes of a report (or several, each from a new page) in one of the export formats. */
export async function exportBytes(reports: Report[], format: ExportFormat, opts: Omit<ExportOptions, 'overwrite' | 'fs'> = {}): Promise<Buffer> {
  const level3Bold = opts.docx?.level3Bold
  switch (format) {
    case 'docx':
      return reportsToDocx(reports, opts.docx)
    case 'txt':
      return textFile(reports)
    case 'md':
      return markdownFile(reports)
    case 'html':
      return htmlFile(reports, { level3Bold })
    case 'pdf':
      if (!opts.printToPdf) throw new UserError('这里不能导出 PDF：请在应用中导出，或先导出 .docx 再用 Word/WPS 另存为 PDF。', 'format')
      return opts.printToPdf(reportsToHtml(reports, { print: true, level3Bold }))
  }
}

/**
 * Exports to `target` in `format` (or the format its extension names) and writes atomically.
 * Nothing is written when anything fails. Several reports go into one file, each from a new page.
 */
export async function exportReport(
  report: Report | Report[],
  target: string,
  format?: ExportFormat | null,
  opts: ExportOptions = {}
): Promise<{ path: string; bytes: number }> {
  const fmt = format ?? formatFromPath(target)
  if (!fmt) throw new UserError(`不支持的文件类型：${basename(target)}。可以导出为 ${SUPPORTED_EXTENSIONS}。`, 'format')
  const fs = opts.fs ?? nodeFs
  // Fail fast before the (possibly long) export; writeFileAtomic checks again without a race.
  if (!opts.overwrite && (await exists(fs, target).catch(() => false))) throw existsError(target)
  const data = await exportBytes(Array.isArray(report) ? report : [report], fmt, opts)
  await writeFileAtomic(target, data, { overwrite: opts.overwrite, fs })
  return { path: target, bytes: data.length }
}

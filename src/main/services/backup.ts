/**
 * Backup files on disk: write (atomically, through writeFileAtomic), read and verify, and the daily
 * automatic backup with rotation. Plain Node, no Electron: paths in, results out.
 * The format itself (checksums, validation, messages) is src/shared/backup.
 */
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import {
  AUTO_BACKUP_PREFIX,
  AutoBackupSettingsSchema,
  DEFAULT_AUTO_BACKUP,
  MAX_BACKUP_BYTES,
  SAFETY_BACKUP_PREFIX,
  autoBackupName,
  decodeBackupBytes,
  encodeBackup,
  isRotatedName,
  safetyBackupName,
  tooLarge,
  type Archive,
  type AutoBackupSettings,
  type BackupCounts,
  type SkippedRecord
} from '../../shared/backup'
import { UserError, isUserError } from '../../shared/errors'
import { cleanupTempFiles, writeFileAtomic, type AtomicFs } from './files'

export interface WriteBackupOptions {
  /** Replace an existing file; without it an existing target is a UserError with code 'exists'. */
  overwrite?: boolean
  /** Recorded in the file (the app's version); 'unknown' when not given. */
  appVersion?: string
  now?: Date | number
  fs?: AtomicFs
}

export interface WriteBackupResult {
  path: string
  bytes: number
  counts: BackupCounts
  /** Records left out because they would not restore (see encodeBackup); the UI should list them. */
  skipped: SkippedRecord[]
}

/**
 * Writes the whole archive to `target`. A crash at any moment leaves the target absent, the old
 * file or the complete new one (temp file + fsync + rename); a stray temp file remains at worst,
 * which cleanupTempFiles removes on the next start.
 */
export async function writeBackup(target: string, archive: Archive, opts: WriteBackupOptions = {}): Promise<WriteBackupResult> {
  const { text, counts, skipped } = encodeBackup(archive, { appVersion: opts.appVersion ?? 'unknown', now: opts.now })
  const data = Buffer.from(text, 'utf8')
  // Never write a backup this program would refuse to read.
  if (data.length > MAX_BACKUP_BYTES) throw tooLarge(data.length)
  await writeFileAtomic(target, data, { overwrite: opts.overwrite, fs: opts.fs })
  return { path: target, bytes: data.length, counts, skipped }
}

function errnoCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined
}

/** Reads and verifies a backup file. Any problem is a UserError; a partial archive is never returned. */
export async function readBackup(path: string): Promise<Archive> {
  let bytes: Buffer
  try {
    const info = await nodeFs.stat(path)
    if (!info.isFile()) throw new UserError(`这不是一个文件：${path}`, 'not-a-file')
    // Checked before reading, so an oversized file is refused without loading it.
    if (info.size > MAX_BACKUP_BYTES) throw tooLarge(info.size)
    bytes = await nodeFs.readFile(path)
  } catch (e) {
    if (isUserError(e)) throw e
    const code = errnoCode(e)
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`找不到备份文件：${path}`, 'not-found')
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限读取备份文件：${path}`, 'read-only')
    if (code === 'EISDIR') throw new UserError(`这不是一个文件：${path}`, 'not-a-file')
    throw e
  }
  return decodeBackupBytes(bytes)
}

export interface RotatedFile {
  name: string
  path: string
}

/** The rotation's own files in `dir`, newest first (their names sort by date). */
export async function listRotated(dir: string, prefix: typeof AUTO_BACKUP_PREFIX | typeof SAFETY_BACKUP_PREFIX = AUTO_BACKUP_PREFIX): Promise<RotatedFile[]> {
  let names: string[]
  try {
    names = await nodeFs.readdir(dir)
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return []
    throw e
  }
  return names
    .filter((n) => isRotatedName(n, prefix))
    .sort()
    .reverse()
    .map((name) => ({ name, path: join(dir, name) }))
}

/** Deletes the oldest of the rotation's files beyond `keep`; other files in the folder are never touched. */
async function prune(dir: string, prefix: typeof AUTO_BACKUP_PREFIX | typeof SAFETY_BACKUP_PREFIX, keep: number): Promise<string[]> {
  const removed: string[] = []
  for (const file of (await listRotated(dir, prefix)).slice(Math.max(1, Math.floor(keep)))) {
    try {
      await nodeFs.unlink(file.path)
      removed.push(file.name)
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw e
    }
  }
  return removed
}

/** Whether today's automatic backup is still to be written: the renderer dumps the archive only then. */
export async function autoBackupDue(dir: string, now: Date = new Date()): Promise<boolean> {
  try {
    await nodeFs.stat(join(dir, autoBackupName(now)))
    return false
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return true
    throw e
  }
}

export interface AutoBackupResult {
  /** The file written, or null when today's backup already existed. */
  written: string | null
  /** Old automatic backups deleted to keep `keep`. */
  removed: string[]
  skipped: SkippedRecord[]
}

/**
 * The daily backup: `工作总结备份-YYYYMMDD.zjbak` in `dir`, at most one a (local) day, keeping the
 * newest `keep` of them. Also clears temp files an interrupted earlier run left in the folder.
 */
export async function autoBackup(
  dir: string,
  archive: Archive,
  keep: number,
  now: Date = new Date(),
  opts: Pick<WriteBackupOptions, 'appVersion'> = {}
): Promise<AutoBackupResult> {
  await cleanupTempFiles(dir)
  if (!(await autoBackupDue(dir, now))) return { written: null, removed: await prune(dir, AUTO_BACKUP_PREFIX, keep), skipped: [] }
  let written: string | null = join(dir, autoBackupName(now))
  let skipped: SkippedRecord[] = []
  try {
    // No overwrite: today's file stays as the day's first backup, and the link-based write makes
    // two racing runs (two windows, a restart) produce one file, not a torn one.
    skipped = (await writeBackup(written, archive, { appVersion: opts.appVersion, now })).skipped
  } catch (e) {
    if (!(isUserError(e) && e.code === 'exists')) throw e
    written = null
  }
  return { written, removed: await prune(dir, AUTO_BACKUP_PREFIX, keep), skipped }
}

/**
 * A backup of the current archive taken just before a replace-restore, in the app's own folder
 * (`恢复前备份-YYYYMMDD-HHMMSS.zjbak`), keeping the newest `keep`. Returns the path.
 */
export async function writeSafetyBackup(dir: string, archive: Archive, now: Date = new Date(), opts: Pick<WriteBackupOptions, 'appVersion'> & { keep?: number } = {}): Promise<string> {
  await nodeFs.mkdir(dir, { recursive: true })
  await cleanupTempFiles(dir)
  const path = join(dir, safetyBackupName(now))
  await writeBackup(path, archive, { appVersion: opts.appVersion, now, overwrite: true })
  await prune(dir, SAFETY_BACKUP_PREFIX, opts.keep ?? 5)
  return path
}

/** The automatic-backup settings main keeps in a small JSON file; defaults when absent or unreadable. */
export async function loadAutoBackupSettings(file: string): Promise<AutoBackupSettings> {
  try {
    const parsed = AutoBackupSettingsSchema.safeParse(JSON.parse(await nodeFs.readFile(file, 'utf8')))
    return parsed.success ? parsed.data : { ...DEFAULT_AUTO_BACKUP }
  } catch {
    return { ...DEFAULT_AUTO_BACKUP }
  }
}

export async function saveAutoBackupSettings(file: string, settings: AutoBackupSettings): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(AutoBackupSettingsSchema.parse(settings), null, 2), { overwrite: true })
}

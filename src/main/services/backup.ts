/**
 * Backup files on disk: written and read as streams (backup-stream.ts), the daily automatic backup
 * with rotation, and the safety copy taken before a replace-restore. Plain Node, no Electron:
 * paths in, results out. The format itself (checksums, validation, messages) is src/shared/backup.
 */
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import {
  AUTO_BACKUP_PREFIX,
  AutoBackupSettingsSchema,
  DEFAULT_AUTO_BACKUP,
  MAX_BACKUP_BYTES,
  SAFETY_BACKUP_PREFIX,
  TABLE_ORDER,
  autoBackupName,
  isRotatedName,
  safetyBackupName,
  type Archive,
  type AutoBackupSettings,
  type SkippedRecord
} from '../../shared/backup'
import { isUserError } from '../../shared/errors'
import { BackupReader, BackupWriter, openBackupFile, type WriteSessionOptions, type WrittenBackup } from './backup-stream'
import { cleanupTempFiles, writeFileAtomic } from './files'

export type WriteBackupOptions = WriteSessionOptions
export type WriteBackupResult = WrittenBackup

/**
 * Writes a whole archive held in memory to `target` (tests, the command line): the same streaming
 * writer the app feeds batch by batch. A crash at any moment leaves the target absent, the old
 * file or the complete new one.
 */
export async function writeBackup(target: string, archive: Archive, opts: WriteBackupOptions = {}): Promise<WriteBackupResult> {
  const writer = new BackupWriter(target, opts)
  try {
    for (const table of TABLE_ORDER) await writer.write(table, archive[table])
    return await writer.finish()
  } catch (e) {
    await writer.abort()
    throw e
  }
}

/** Reads and verifies a whole backup file into memory (up to MAX_BACKUP_BYTES). Any problem is a UserError; a partial archive is never returned. */
export async function readBackup(path: string): Promise<Archive> {
  // Checked before reading, so an oversized file is refused without loading it.
  await (await openBackupFile(path, MAX_BACKUP_BYTES)).close()
  const reader = new BackupReader(path)
  const archive: Archive = { reports: [], versions: [], settings: [] }
  try {
    for (;;) {
      const batch = await reader.next()
      for (const item of batch.records) (archive[item.table] as unknown[]).push(item.record)
      if (batch.done) return { ...archive, source: batch.header!.source }
    }
  } finally {
    await reader.close()
  }
}

function errnoCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined
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
  /** What was written, when something was. */
  file?: WrittenBackup
}

/**
 * Starts the daily backup, `工作总结备份-YYYYMMDD.zjbak` in `dir`: a writer, or null when today's
 * backup is already there. Also clears temp files an interrupted earlier run left in the folder.
 * No overwrite: today's file stays as the day's first backup, and the link-based write makes two
 * racing runs (two windows, a restart) produce one file, not a torn one.
 */
export async function beginAutoBackup(dir: string, now: Date = new Date(), opts: Pick<WriteBackupOptions, 'appVersion'> = {}): Promise<BackupWriter | null> {
  await cleanupTempFiles(dir)
  if (!(await autoBackupDue(dir, now))) return null
  return new BackupWriter(join(dir, autoBackupName(now)), { appVersion: opts.appVersion, now })
}

/** Finishes the daily backup and keeps the newest `keep`; a run that lost the race to another writes nothing. */
export async function finishAutoBackup(dir: string, writer: BackupWriter | null, keep: number): Promise<AutoBackupResult> {
  let file: WrittenBackup | undefined
  if (writer) {
    try {
      file = await writer.finish()
    } catch (e) {
      if (!(isUserError(e) && e.code === 'exists')) throw e
    }
  }
  return { written: file?.path ?? null, removed: await prune(dir, AUTO_BACKUP_PREFIX, keep), skipped: file?.skipped ?? [], ...(file ? { file } : {}) }
}

/** The daily backup of an archive held in memory: at most one a (local) day, keeping the newest `keep`. */
export async function autoBackup(dir: string, archive: Archive, keep: number, now: Date = new Date(), opts: Pick<WriteBackupOptions, 'appVersion'> = {}): Promise<AutoBackupResult> {
  const writer = await beginAutoBackup(dir, now, opts)
  try {
    if (writer) for (const table of TABLE_ORDER) await writer.write(table, archive[table])
  } catch (e) {
    await writer?.abort()
    if (!(isUserError(e) && e.code === 'exists')) throw e
    return finishAutoBackup(dir, null, keep)
  }
  return finishAutoBackup(dir, writer, keep)
}

/**
 * Starts a backup of the current archive taken just before a replace-restore, in the app's own
 * folder (`恢复前备份-YYYYMMDD-HHMMSS.zjbak`); finishSafetyBackup keeps the newest `keep`.
 */
export async function beginSafetyBackup(dir: string, now: Date = new Date(), opts: Pick<WriteBackupOptions, 'appVersion'> = {}): Promise<BackupWriter> {
  await nodeFs.mkdir(dir, { recursive: true })
  await cleanupTempFiles(dir)
  return new BackupWriter(join(dir, safetyBackupName(now)), { appVersion: opts.appVersion, now, overwrite: true })
}

export async function finishSafetyBackup(dir: string, writer: BackupWriter, keep = 5): Promise<WrittenBackup> {
  const file = await writer.finish()
  await prune(dir, SAFETY_BACKUP_PREFIX, keep)
  return file
}

/** A safety backup of an archive held in memory. Returns the path. */
export async function writeSafetyBackup(dir: string, archive: Archive, now: Date = new Date(), opts: Pick<WriteBackupOptions, 'appVersion'> & { keep?: number } = {}): Promise<string> {
  const writer = await beginSafetyBackup(dir, now, opts)
  try {
    for (const table of TABLE_ORDER) await writer.write(table, archive[table])
  } catch (e) {
    await writer.abort()
    throw e
  }
  return (await finishSafetyBackup(dir, writer, opts.keep)).path
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

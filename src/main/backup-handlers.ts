/**
 * The backup channels: backups written and restores read as streams (services/backup-stream.ts).
 * A backup or restore in progress is a session behind a random id; its path never comes from the
 * renderer (the save or open dialog, the chosen folder, or the app's own folder decide it).
 * No Electron import: createHandlers passes the dialogs in.
 */
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { BACKUP_EXTENSION, manualBackupName } from '../shared/backup'
import { isUserError } from '../shared/errors'
import { requestSchemas, type ResponseMap } from '../shared/ipc'
import { beginAutoBackup, beginSafetyBackup, finishAutoBackup, finishSafetyBackup, loadAutoBackupSettings } from './services/backup'
import { BackupReader, BackupWriter } from './services/backup-stream'
import type { FileFilter } from './handlers'

const BACKUP_FILTERS: FileFilter[] = [{ name: '工作总结备份', extensions: [BACKUP_EXTENSION] }]
/** A session nobody has touched for this long is dropped (a window closed mid-backup). */
const IDLE_MS = 30 * 60 * 1000

type BackupChannel = 'backupBegin' | 'backupWrite' | 'backupFinish' | 'backupAbort' | 'backupOpen' | 'backupRead' | 'backupClose'

export interface BackupHandlerDeps {
  openFiles(filters: FileFilter[]): Promise<string[]>
  saveFile(defaultPath: string, filters: FileFilter[]): Promise<string | null>
  appVersion: string
  /** Where the save dialog starts; updated to the folder last used. */
  lastDir: { current: string }
  dataDir: string
  backupSettingsFile: string
  /** The overwrite handshake shared with exports: a path waits behind a single-use token. */
  askOverwrite(path: string, purpose: string): string
  confirmedPath(token: string, purpose: string): string
  /** Folders written into lately, whose leftover temp files are cleaned up on the next start. */
  remember(dir: string): void
}

interface WriteSession {
  kind: 'write'
  writer: BackupWriter
  finish: (writer: BackupWriter) => Promise<ResponseMap['backupFinish']>
  used: number
}

interface ReadSession {
  kind: 'read'
  reader: BackupReader
  used: number
}

export function createBackupHandlers(deps: BackupHandlerDeps): { [N in BackupChannel]: (payload: unknown) => Promise<ResponseMap[N]> } {
  const sessions = new Map<string, WriteSession | ReadSession>()

  const drop = async (id: string) => {
    const s = sessions.get(id)
    sessions.delete(id)
    if (s?.kind === 'write') await s.writer.abort()
    if (s?.kind === 'read') await s.reader.close()
  }
  const open = (session: Omit<WriteSession, 'used'> | Omit<ReadSession, 'used'>): string => {
    const now = Date.now()
    for (const [id, s] of sessions) if (now - s.used > IDLE_MS) void drop(id)
    const id = randomUUID()
    sessions.set(id, { ...session, used: now } as WriteSession | ReadSession)
    return id
  }
  function session<K extends 'write' | 'read'>(id: string, kind: K): Extract<WriteSession | ReadSession, { kind: K }> {
    const s = sessions.get(id)
    if (!s || s.kind !== kind) throw new Error('备份或恢复已中断，请重新操作。')
    s.used = Date.now()
    return s as Extract<WriteSession | ReadSession, { kind: K }>
  }
  const written = (w: { path: string; bytes: number; counts: ResponseMap['backupFinish']['counts']; skipped: ResponseMap['backupFinish']['skipped'] }, removed: string[] = []) => ({
    path: w.path,
    bytes: w.bytes,
    counts: w.counts,
    skipped: w.skipped,
    removed
  })

  async function beginManual(overwriteToken?: string): Promise<ResponseMap['backupBegin']> {
    let path: string
    if (overwriteToken) path = deps.confirmedPath(overwriteToken, 'backup')
    else {
      const target = await deps.saveFile(join(deps.lastDir.current, manualBackupName(new Date())), BACKUP_FILTERS)
      if (!target) return { status: 'canceled' }
      path = extname(target) ? target : `${target}.${BACKUP_EXTENSION}`
      // Asked before any record is sent, rather than after the whole archive has been written.
      if (await fileExists(path)) return { status: 'exists', path, overwriteToken: deps.askOverwrite(path, 'backup') }
    }
    deps.lastDir.current = dirname(path)
    deps.remember(dirname(path))
    const writer = new BackupWriter(path, { overwrite: !!overwriteToken, appVersion: deps.appVersion })
    return { status: 'open', path, session: open({ kind: 'write', writer, finish: async (w) => written(await w.finish()) }) }
  }

  async function beginAuto(): Promise<ResponseMap['backupBegin']> {
    const settings = await loadAutoBackupSettings(deps.backupSettingsFile)
    if (!settings.enabled || !settings.dir) return { status: 'disabled' }
    const dir = settings.dir
    const writer = await beginAutoBackup(dir, new Date(), { appVersion: deps.appVersion })
    if (!writer) return { status: 'not-due' }
    const finish = async (w: BackupWriter) => {
      const r = await finishAutoBackup(dir, w, settings.keep)
      // Another run wrote today's file first: nothing more to do.
      return written(r.file ?? { path: w.target, bytes: 0, counts: { reports: 0, versions: 0, settings: 0 }, skipped: [] }, r.removed)
    }
    return { status: 'open', path: writer.target, session: open({ kind: 'write', writer, finish }) }
  }

  async function beginSafety(): Promise<ResponseMap['backupBegin']> {
    const dir = join(deps.dataDir, 'safety-backups')
    const writer = await beginSafetyBackup(dir, new Date(), { appVersion: deps.appVersion })
    const finish = async (w: BackupWriter) => written(await finishSafetyBackup(dir, w))
    return { status: 'open', path: writer.target, session: open({ kind: 'write', writer, finish }) }
  }

  return {
    backupBegin: async (raw) => {
      const { kind, overwriteToken } = requestSchemas.backupBegin.parse(raw)
      return kind === 'manual' ? beginManual(overwriteToken) : kind === 'auto' ? beginAuto() : beginSafety()
    },
    backupWrite: async (raw) => {
      const { session: id, table, records } = requestSchemas.backupWrite.parse(raw)
      try {
        await session(id, 'write').writer.write(table, records)
      } catch (e) {
        await drop(id)
        throw e
      }
    },
    backupFinish: async (raw) => {
      const { session: id } = requestSchemas.backupFinish.parse(raw)
      const s = session(id, 'write')
      sessions.delete(id)
      try {
        return await s.finish(s.writer)
      } catch (e) {
        await s.writer.abort()
        throw e
      }
    },
    backupAbort: async (raw) => {
      await drop(requestSchemas.backupAbort.parse(raw).session)
    },
    backupOpen: async () => {
      const [path] = await deps.openFiles(BACKUP_FILTERS)
      if (!path) return { status: 'canceled' }
      deps.lastDir.current = dirname(path)
      const reader = new BackupReader(path)
      // Opened now, so a missing or unreadable file is said at once.
      try {
        await reader.next(0)
        reader.restart()
      } catch (e) {
        await reader.close()
        throw e
      }
      return { status: 'opened', name: basename(path), session: open({ kind: 'read', reader }) }
    },
    backupRead: async (raw) => {
      const { session: id, restart } = requestSchemas.backupRead.parse(raw)
      const { reader } = session(id, 'read')
      if (restart) reader.restart()
      try {
        return await reader.next()
      } catch (e) {
        if (!isUserError(e)) await drop(id)
        throw e
      }
    },
    backupClose: async (raw) => {
      await drop(requestSchemas.backupClose.parse(raw).session)
    }
  }
}

async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

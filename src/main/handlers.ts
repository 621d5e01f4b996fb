/**
 * The IPC request handlers, free of Electron: the platform (dialogs, shell, PDF printing)
 * comes in through interfaces. main/ipc.ts registers these with ipcMain; the Playwright
 * fixture calls the very same functions behind `window.api` in plain Chromium.
 */
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { isUserError } from '../shared/errors'
import { requestSchemas, type ExportFormat, type FileImport, type ResponseMap, type EventPayloads } from '../shared/ipc'
import type { Envelope, EventName, RequestName } from '../shared/ipc-channels'
import type { Report } from '../shared/doc/model'
import { importSource, readReportSource } from './services/import-files'
import { listImportableFiles } from './services/import-folder'
import { exportReport } from './services/files'
import { rememberFolder } from './services/recent-folders'
import { autoBackup, autoBackupDue, listRotated, loadAutoBackupSettings, readBackup, saveAutoBackupSettings, writeBackup, writeSafetyBackup } from './services/backup'
import { BACKUP_EXTENSION, manualBackupName } from '../shared/backup'
import { OfficeClient, type OfficeDeps } from './services/office/client'
import { createOfficeHandlers } from './services/office/handlers'

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface Dialogs {
  openFiles(filters: FileFilter[]): Promise<string[]>
  openFolder(): Promise<string | null>
  saveFile(defaultPath: string, filters: FileFilter[]): Promise<string | null>
}

export interface ShellActions {
  openPath(path: string): Promise<void>
  showItemInFolder(path: string): void
}

export interface HandlerDeps {
  dialogs: Dialogs
  shell: ShellActions
  appInfo: ResponseMap['getAppInfo']
  /** Renders a print-view HTML document to PDF (Electron's printToPDF, or page.pdf() in tests). */
  printToPdf(html: string): Promise<Buffer>
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** Folder the save dialog starts in; remembered across exports. */
  defaultExportDir: string
  /** The app's own data folder (settings files, backups taken before a restore). */
  dataDir: string
  onCloseReady?(): void
  /** The office server: where main keeps the session token, and what to do when the server changes. */
  office?: Omit<OfficeDeps, 'dataDir'>
}

type Handlers = { [N in RequestName]: (payload: unknown) => Promise<ResponseMap[N]> }

const IMPORT_FILTERS: FileFilter[] = [{ name: '工作总结文件', extensions: ['txt', 'docx', 'md', 'html', 'htm'] }]

export const RECENT_FOLDERS_FILE = 'recent-folders.json'

const BACKUP_FILTERS: FileFilter[] = [{ name: '工作总结备份', extensions: [BACKUP_EXTENSION] }]

const EXPORT_FILTERS: Record<ExportFormat, FileFilter> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  txt: { name: '纯文本', extensions: ['txt'] },
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: '网页', extensions: ['html'] }
}

async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

/** Names Windows keeps for devices, with or without an extension (CON.docx is the console, not a file). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\s*(\.|$))/i

/** A file name from a report title: characters Windows forbids are dropped, device names get a suffix. */
export function fileNameFor(report: Report, format: ExportFormat): string {
  const base = (report.meta.title || '工作总结').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 100) || '工作总结'
  return `${base.replace(WINDOWS_DEVICE_NAME, '$1_')}.${format}`
}

export function createHandlers(deps: HandlerDeps): Handlers {
  let lastExportDir = deps.defaultExportDir
  /** Paths written in this session: the only ones the renderer may ask to open or reveal. */
  const exported = new Set<string>()
  /**
   * Existing files the user chose in a save dialog, waiting for their confirmation to be replaced:
   * single use, and only by the request that asked (an export token cannot write a backup into the
   * clerk's .docx, nor a Word export into a file chosen for text).
   */
  const pendingOverwrites = new Map<string, { path: string; purpose: string }>()

  const backupSettingsFile = join(deps.dataDir, 'backup-settings.json')
  /** Folders written into lately: their leftover temp files are cleaned up on the next start. */
  const remember = (dir: string) => void rememberFolder(join(deps.dataDir, RECENT_FOLDERS_FILE), dir).catch(() => {})
  let lastBackupDir = deps.defaultExportDir

  async function autoBackupState(): Promise<ResponseMap['getAutoBackup']> {
    const settings = await loadAutoBackupSettings(backupSettingsFile)
    if (!settings.dir) return { ...settings, due: false, latest: null }
    return { ...settings, due: settings.enabled && (await autoBackupDue(settings.dir)), latest: (await listRotated(settings.dir))[0]?.name ?? null }
  }

  /** Asks before replacing, the same way exports do: the path waits in main behind a single-use token. */
  function confirmedPath(token: string, purpose: string): string {
    const pending = pendingOverwrites.get(token)
    pendingOverwrites.delete(token)
    if (!pending || pending.purpose !== purpose) throw new Error('替换确认已失效，请重新操作。')
    return pending.path
  }

  async function importPaths(paths: string[]): Promise<FileImport[]> {
    const out: FileImport[] = []
    for (const [i, path] of paths.entries()) {
      const name = basename(path)
      try {
        const source = await readReportSource(path)
        out.push({ name, result: importSource(source), source: { lines: source.lines, headingHints: source.options.headingHints } })
      } catch (e) {
        out.push({ name, error: isUserError(e) ? e.message : `无法读取此文件：${e instanceof Error ? e.message : String(e)}` })
      }
      deps.emit('importProgress', { done: i + 1, total: paths.length, name })
    }
    return out
  }

  return {
    ...createOfficeHandlers(new OfficeClient({ dataDir: deps.dataDir, ...deps.office })),
    getAppInfo: async () => deps.appInfo,
    importFilesDialog: async () => importPaths(await deps.dialogs.openFiles(IMPORT_FILTERS)),
    importFolderDialog: async () => {
      const dir = await deps.dialogs.openFolder()
      return dir ? importPaths(await listImportableFiles(dir)) : []
    },
    exportReport: async (raw) => {
      const { report, format, overwriteToken, docx } = requestSchemas.exportReport.parse(raw)
      let path: string
      if (overwriteToken) {
        path = confirmedPath(overwriteToken, `export:${format}`)
      } else {
        const target = await deps.dialogs.saveFile(join(lastExportDir, fileNameFor(report, format)), [EXPORT_FILTERS[format]])
        if (!target) return { status: 'canceled' }
        path = extname(target) ? target : `${target}.${format}`
      }
      lastExportDir = dirname(path)
      remember(lastExportDir)
      try {
        await exportReport(report, path, format, { overwrite: !!overwriteToken, printToPdf: deps.printToPdf, docx })
      } catch (e) {
        if (isUserError(e) && e.code === 'exists') {
          const token = randomUUID()
          pendingOverwrites.set(token, { path, purpose: `export:${format}` })
          return { status: 'exists', path, overwriteToken: token }
        }
        throw e
      }
      exported.add(path)
      return { status: 'saved', path }
    },
    openExportedFile: async (raw) => {
      const { path } = requestSchemas.openExportedFile.parse(raw)
      if (!exported.has(path)) throw new Error('只能打开本次导出的文件')
      await deps.shell.openPath(path)
    },
    showExportedFile: async (raw) => {
      const { path } = requestSchemas.showExportedFile.parse(raw)
      if (!exported.has(path)) throw new Error('只能显示本次导出的文件')
      deps.shell.showItemInFolder(path)
    },
    closeReady: async () => {
      deps.onCloseReady?.()
    },
    exportMany: async (raw) => {
      const { reports, format, docx } = requestSchemas.exportMany.parse(raw)
      const dir = await deps.dialogs.openFolder()
      if (!dir) return { status: 'canceled' }
      remember(dir)
      const files: { title: string; path?: string; error?: string }[] = []
      const taken = new Set<string>()
      for (const [i, report] of reports.entries()) {
        const title = report.meta.title || '工作总结'
        try {
          // Never replace a file in a batch: a name already there (or twice in the batch) gets （2）, （3）…
          const base = fileNameFor(report, format).slice(0, -(format.length + 1))
          let path = join(dir, `${base}.${format}`)
          for (let n = 2; taken.has(path) || (await fileExists(path)); n++) path = join(dir, `${base}（${n}）.${format}`)
          taken.add(path)
          await exportReport(report, path, format, { printToPdf: deps.printToPdf, docx })
          exported.add(path)
          files.push({ title, path })
        } catch (e) {
          files.push({ title, error: isUserError(e) ? e.message : '导出失败' })
        }
        deps.emit('exportProgress', { done: i + 1, total: reports.length, name: title })
      }
      return { status: 'done', dir, files }
    },
    backupSave: async (raw) => {
      const { archive, overwriteToken } = requestSchemas.backupSave.parse(raw)
      let path: string
      if (overwriteToken) path = confirmedPath(overwriteToken, 'backup')
      else {
        const target = await deps.dialogs.saveFile(join(lastBackupDir, manualBackupName(new Date())), BACKUP_FILTERS)
        if (!target) return { status: 'canceled' }
        path = extname(target) ? target : `${target}.${BACKUP_EXTENSION}`
      }
      lastBackupDir = dirname(path)
      remember(lastBackupDir)
      try {
        const r = await writeBackup(path, archive, { overwrite: !!overwriteToken, appVersion: deps.appInfo.version })
        return { status: 'saved', path: r.path, bytes: r.bytes, counts: r.counts, skipped: r.skipped }
      } catch (e) {
        if (isUserError(e) && e.code === 'exists') {
          const token = randomUUID()
          pendingOverwrites.set(token, { path, purpose: 'backup' })
          return { status: 'exists', path, overwriteToken: token }
        }
        throw e
      }
    },
    backupOpen: async () => {
      const [path] = await deps.dialogs.openFiles(BACKUP_FILTERS)
      if (!path) return { status: 'canceled' }
      lastBackupDir = dirname(path)
      return { status: 'opened', name: basename(path), archive: await readBackup(path) }
    },
    getAutoBackup: () => autoBackupState(),
    chooseAutoBackupFolder: async () => {
      const dir = await deps.dialogs.openFolder()
      if (dir) await saveAutoBackupSettings(backupSettingsFile, { ...(await loadAutoBackupSettings(backupSettingsFile)), dir })
      return autoBackupState()
    },
    setAutoBackup: async (raw) => {
      const { enabled, keep } = requestSchemas.setAutoBackup.parse(raw)
      const settings = await loadAutoBackupSettings(backupSettingsFile)
      if (enabled && !settings.dir) throw new Error('请先选择自动备份的文件夹。')
      await saveAutoBackupSettings(backupSettingsFile, { ...settings, enabled, keep })
      return autoBackupState()
    },
    runAutoBackup: async (raw) => {
      const { archive } = requestSchemas.runAutoBackup.parse(raw)
      const settings = await loadAutoBackupSettings(backupSettingsFile)
      if (!settings.enabled || !settings.dir) return { status: 'disabled' }
      const r = await autoBackup(settings.dir, archive, settings.keep, new Date(), { appVersion: deps.appInfo.version })
      return r.written ? { status: 'written', path: r.written, removed: r.removed } : { status: 'not-due' }
    },
    safetyBackup: async (raw) => {
      const { archive } = requestSchemas.safetyBackup.parse(raw)
      return { path: await writeSafetyBackup(join(deps.dataDir, 'safety-backups'), archive, new Date(), { appVersion: deps.appInfo.version }) }
    }
  }
}

/** Deeper than any real payload: sections nest four levels, an archive adds a handful. */
const MAX_PAYLOAD_DEPTH = 64
/** The longest array any request schema allows (an archive's versions). */
const MAX_PAYLOAD_ARRAY = 2_000_000
/** Values zod would visit, a shared reference counted each time it is reached. */
const MAX_PAYLOAD_NODES = 50_000_000

/**
 * Whether a payload is plain data the schemas can check: plain objects, arrays and primitives
 * only, no cycles, bounded depth, length and size. Structured clone lets a compromised renderer
 * send cycles, shared references (2^40 sections in a few kilobytes), sparse arrays of length 2^32
 * and typed arrays; zod and the exporters recurse over those and would overflow the stack or run
 * for hours instead of refusing. Shared references are fine as such: sizes are memoized.
 */
export function isPlainBoundedData(payload: unknown): boolean {
  const sizes = new Map<object, number>()
  const onPath = new Set<object>()
  const sizeOf = (value: unknown, depth: number): number => {
    if (typeof value !== 'object' || value === null) return 1
    const known = sizes.get(value)
    if (known !== undefined) return known
    if (depth > MAX_PAYLOAD_DEPTH || onPath.has(value)) return Infinity
    const isArray = Array.isArray(value)
    const proto = Object.getPrototypeOf(value)
    if (isArray ? value.length > MAX_PAYLOAD_ARRAY : proto !== Object.prototype && proto !== null) return Infinity
    onPath.add(value)
    let total = 1
    const children: Iterable<unknown> = isArray ? value : Object.values(value)
    for (const child of children) {
      total += sizeOf(child, depth + 1)
      if (total > MAX_PAYLOAD_NODES) break
    }
    onPath.delete(value)
    sizes.set(value, total)
    return total
  }
  return sizeOf(payload, 0) <= MAX_PAYLOAD_NODES
}

/** Validates the payload, runs the handler, and turns any failure into a clear message. */
export async function invokeHandler(handlers: Handlers, name: string, payload: unknown): Promise<Envelope<unknown>> {
  if (!Object.hasOwn(handlers, name)) return { ok: false, error: `未知的请求：${String(name).slice(0, 50)}` }
  const requestName = name as RequestName
  if (!isPlainBoundedData(payload)) {
    console.error(`[ipc] ${requestName}: invalid payload (not plain data, cyclic, too deep or too large)`)
    return { ok: false, error: '请求内容无效，已拒绝。' }
  }
  const parsed = requestSchemas[requestName].safeParse(payload)
  if (!parsed.success) {
    // Where it failed, never the payload itself (it may hold a clerk's whole archive).
    console.error(`[ipc] ${requestName}: invalid payload`, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`))
    return { ok: false, error: '请求内容无效，已拒绝。' }
  }
  try {
    return { ok: true, value: await handlers[requestName](parsed.data) }
  } catch (e) {
    if (isUserError(e)) return { ok: false, error: e.message }
    console.error(`[ipc] ${requestName} failed`, e)
    return { ok: false, error: e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '操作失败，请重试。' }
  }
}

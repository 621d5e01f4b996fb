/**
 * The IPC request handlers, free of Electron: the platform (dialogs, shell, PDF printing)
 * comes in through interfaces. main/ipc.ts registers these with ipcMain; the Playwright
 * fixture calls the very same functions behind `window.api` in plain Chromium.
 */
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { isUserError } from '../shared/errors'
import { requestSchemas, type EditCommand, type ExportFormat, type FileImport, type RequestPayload, type ResponseMap, type EventPayloads } from '../shared/ipc'
import type { Envelope, EventName, RequestName } from '../shared/ipc-channels'
import { importSource, readReportSource, SUPPORTED_EXTENSIONS } from './services/import-files'
import { listImportableFiles } from './services/import-folder'
import { exportReport } from './services/files'
import { baseNameFor, fileNameFor } from './services/file-name'
import { reportsToHtml } from '../shared/export/html'
import { rememberFolder } from './services/recent-folders'
import { autoBackupDue, listRotated, loadAutoBackupSettings, saveAutoBackupSettings } from './services/backup'
import { createBackupHandlers } from './backup-handlers'
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
  /** Prints a print-view HTML document through the system print dialog; false when the clerk cancelled. */
  printHtml(html: string): Promise<boolean>
  /** Carries out a clipboard edit in the page, as the Edit menu's roles do (webContents.cut(), paste()…). */
  edit(command: EditCommand): void | Promise<void>
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** Folder the save dialog starts in; remembered across exports. */
  defaultExportDir: string
  /** The app's own data folder (settings files, backups taken before a restore). */
  dataDir: string
  onCloseReady?(): void
  /** The office server: where main keeps the session token, and what to do when the server changes. */
  office?: Omit<OfficeDeps, 'dataDir'>
}

/** One function per request, given its payload already checked against the channel's schema (invokeHandler). */
export type Handlers = { [N in RequestName]: (payload: RequestPayload<N>) => Promise<ResponseMap[N]> }

const IMPORT_FILTERS: FileFilter[] = [{ name: '工作总结文件', extensions: SUPPORTED_EXTENSIONS.map((e) => e.slice(1)) }]

export const RECENT_FOLDERS_FILE = 'recent-folders.json'

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
  const askOverwrite = (path: string, purpose: string): string => {
    const token = randomUUID()
    pendingOverwrites.set(token, { path, purpose })
    return token
  }
  /** The file an earlier 'exists' answer named: the token is used up, and only good for the same purpose. */
  const confirmedPath = (token: string, purpose: string): string => {
    const pending = pendingOverwrites.get(token)
    pendingOverwrites.delete(token)
    if (!pending || pending.purpose !== purpose) throw new Error('替换确认已失效，请重新操作。')
    return pending.path
  }

  const backupSettingsFile = join(deps.dataDir, 'backup-settings.json')
  /** Folders written into lately: their leftover temp files are cleaned up on the next start. */
  const remember = (dir: string) => void rememberFolder(join(deps.dataDir, RECENT_FOLDERS_FILE), dir).catch(() => {})
  const lastBackupDir = { current: deps.defaultExportDir }

  async function autoBackupState(): Promise<ResponseMap['getAutoBackup']> {
    const settings = await loadAutoBackupSettings(backupSettingsFile)
    if (!settings.dir) return { ...settings, due: false, latest: null }
    return { ...settings, due: settings.enabled && (await autoBackupDue(settings.dir)), latest: (await listRotated(settings.dir))[0]?.name ?? null }
  }

  /**
   * The overwrite handshake, for every request that writes a file the clerk chose: the target
   * comes from the save dialog, or from the single-use token of an earlier answer 'exists'
   * (valid only for the same purpose, so an export token cannot write a backup into a .docx).
   */
  async function saveChosen<T>(
    purpose: string,
    overwriteToken: string | undefined,
    choose: () => Promise<string | null>,
    write: (path: string, overwrite: boolean) => Promise<T>
  ): Promise<{ status: 'saved'; path: string; written: T } | { status: 'canceled' } | { status: 'exists'; path: string; overwriteToken: string }> {
    let path: string
    if (overwriteToken) path = confirmedPath(overwriteToken, purpose)
    else {
      const chosen = await choose()
      if (!chosen) return { status: 'canceled' }
      path = chosen
    }
    remember(dirname(path))
    try {
      return { status: 'saved', path, written: await write(path, !!overwriteToken) }
    } catch (e) {
      if (!isUserError(e) || e.code !== 'exists') throw e
      return { status: 'exists', path, overwriteToken: askOverwrite(path, purpose) }
    }
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

  const withExtension = (target: string, ext: string) => (extname(target) ? target : `${target}.${ext}`)

  return {
    ...createOfficeHandlers(new OfficeClient({ dataDir: deps.dataDir, ...deps.office })),
    getAppInfo: async () => deps.appInfo,
    importFilesDialog: async () => importPaths(await deps.dialogs.openFiles(IMPORT_FILTERS)),
    importFolderDialog: async () => {
      const dir = await deps.dialogs.openFolder()
      return dir ? importPaths(await listImportableFiles(dir)) : []
    },
    exportReport: async ({ report, format, overwriteToken, docx }) => {
      const r = await saveChosen(
        `export:${format}`,
        overwriteToken,
        async () => {
          const target = await deps.dialogs.saveFile(join(lastExportDir, fileNameFor(report.meta.title, format)), [EXPORT_FILTERS[format]])
          return target && withExtension(target, format)
        },
        (path, overwrite) => exportReport(report, path, format, { overwrite, printToPdf: deps.printToPdf, docx })
      )
      if (r.status !== 'saved') return r
      lastExportDir = dirname(r.path)
      exported.add(r.path)
      return { status: 'saved', path: r.path }
    },
    printReport: async ({ report, docx }) => {
      // The very document the PDF export prints (files.ts), so paper and PDF never differ.
      const printed = await deps.printHtml(reportsToHtml([report], { print: true, level3Bold: docx?.level3Bold }))
      return printed ? { status: 'printed' } : { status: 'canceled' }
    },
    editCommand: async ({ command }) => {
      await deps.edit(command)
    },
    openExportedFile: async ({ path }) => {
      if (!exported.has(path)) throw new Error('只能打开本次导出的文件')
      await deps.shell.openPath(path)
    },
    showExportedFile: async ({ path }) => {
      if (!exported.has(path)) throw new Error('只能显示本次导出的文件')
      deps.shell.showItemInFolder(path)
    },
    closeReady: async () => {
      deps.onCloseReady?.()
    },
    exportMany: async ({ reports, format, docx }) => {
      const dir = await deps.dialogs.openFolder()
      if (!dir) return { status: 'canceled' }
      remember(dir)
      const files: { title: string; path?: string; error?: string }[] = []
      const taken = new Set<string>()
      for (const [i, report] of reports.entries()) {
        const title = report.meta.title || '工作总结'
        try {
          // Never replace a file in a batch: a name already there (or twice in the batch) gets （2）, （3）…
          const base = baseNameFor(report.meta.title, format)
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
    ...createBackupHandlers({
      openFiles: (filters) => deps.dialogs.openFiles(filters),
      saveFile: (path, filters) => deps.dialogs.saveFile(path, filters),
      appVersion: deps.appInfo.version,
      lastDir: lastBackupDir,
      dataDir: deps.dataDir,
      backupSettingsFile,
      askOverwrite,
      confirmedPath,
      remember
    }),
    getAutoBackup: () => autoBackupState(),
    chooseAutoBackupFolder: async () => {
      const dir = await deps.dialogs.openFolder()
      if (dir) await saveAutoBackupSettings(backupSettingsFile, { ...(await loadAutoBackupSettings(backupSettingsFile)), dir })
      return autoBackupState()
    },
    setAutoBackup: async ({ enabled, keep }) => {
      const settings = await loadAutoBackupSettings(backupSettingsFile)
      if (enabled && !settings.dir) throw new Error('请先选择自动备份的文件夹。')
      await saveAutoBackupSettings(backupSettingsFile, { ...settings, enabled, keep })
      return autoBackupState()
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
    // The one parse: the handler gets the payload typed by its channel and never parses it again.
    const handler = handlers[requestName] as (payload: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (isUserError(e)) return { ok: false, error: e.message }
    console.error(`[ipc] ${requestName} failed`, e)
    return { ok: false, error: e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '操作失败，请重试。' }
  }
}

/**
 * The one channel map between renderer and main. Each request has a runtime schema
 * (main validates every payload with it) and a result type (the preload's typing).
 */
import { z } from 'zod'
import { ReportSchema } from './doc/schema'
import { TABLE_ORDER, type AutoBackupSettings, type BackupCounts, type DecodedHeader, type DecodedRecord, type SkippedRecord } from './backup'
import type { ImportResult } from './import/types'
import type { SourceLine } from './import/lines'
import type { EventName, RequestName } from './ipc-channels'
import type { CommandId } from './commands'
import { officeRequestSchemas, type OfficeResponseMap } from './office/ipc'

import { EXPORT_FORMATS, type ExportFormat } from './export/formats'

export { EXPORT_FORMATS, type ExportFormat }

/** The clerk's .docx preferences (Settings): font names, bold level-3 headings, comments. */
export const DocxPreferencesSchema = z.object({
  bodyFont: z.string().min(1).max(60).optional(),
  titleFont: z.string().min(1).max(60).optional(),
  heading1Font: z.string().min(1).max(60).optional(),
  heading2Font: z.string().min(1).max(60).optional(),
  level3Bold: z.boolean().optional(),
  /** A shared report's 批注 as Word comments (on unless turned off). */
  comments: z.boolean().optional()
})
export type DocxPreferences = z.infer<typeof DocxPreferencesSchema>

/** Clipboard edits the page asks main to carry out (the context menu's 剪切/复制/粘贴…), as the Edit menu's roles do. */
export const EDIT_COMMANDS = ['cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll'] as const
export type EditCommand = (typeof EDIT_COMMANDS)[number]

export const requestSchemas = {
  getAppInfo: z.undefined(),
  importFilesDialog: z.undefined(),
  importFolderDialog: z.undefined(),
  exportReport: z.object({
    report: ReportSchema,
    format: z.enum(EXPORT_FORMATS),
    /**
     * Replacing a file takes the user's word: an export to an existing file answers 'exists'
     * with a token, and the renderer repeats the call with that token once the user confirmed.
     * The path itself never comes from the renderer.
     */
    overwriteToken: z.string().max(100).optional(),
    docx: DocxPreferencesSchema.optional()
  }),
  /** Prints the report's print view (the document the PDF is made from) through the system print dialog. */
  printReport: z.object({ report: ReportSchema, docx: DocxPreferencesSchema.optional() }),
  editCommand: z.object({ command: z.enum(EDIT_COMMANDS) }),
  /** Only paths this session exported can be opened: the renderer never names arbitrary files. */
  openExportedFile: z.object({ path: z.string().max(4096) }),
  showExportedFile: z.object({ path: z.string().max(4096) }),
  closeReady: z.undefined(),
  /**
   * Backups are streamed: begin (main picks the file: the save dialog for 'manual', the chosen
   * folder for 'auto', the app's folder for 'safety'), then the records in batches, table by table,
   * then finish. Records are checked by main's writer itself (one that would not restore is left out
   * and reported), so here they are only bounded.
   */
  backupBegin: z.object({ kind: z.enum(['manual', 'auto', 'safety']), overwriteToken: z.string().max(100).optional() }),
  backupWrite: z.object({ session: z.string().max(100), table: z.enum(TABLE_ORDER), records: z.array(z.unknown()).max(2000) }),
  backupFinish: z.object({ session: z.string().max(100) }),
  backupAbort: z.object({ session: z.string().max(100) }),
  /** A restore opens the file chosen in the open dialog, then reads it in batches, from the start as often as it needs. */
  backupOpen: z.undefined(),
  backupRead: z.object({ session: z.string().max(100), restart: z.boolean().optional() }),
  backupClose: z.object({ session: z.string().max(100) }),
  getAutoBackup: z.undefined(),
  chooseAutoBackupFolder: z.undefined(),
  setAutoBackup: z.object({ enabled: z.boolean(), keep: z.number().int().min(1).max(365) }),
  /** Several reports, each to its own file, into a folder chosen in a native dialog. */
  exportMany: z.object({ reports: z.array(ReportSchema).min(1).max(2000), format: z.enum(EXPORT_FORMATS), docx: DocxPreferencesSchema.optional() }),
  ...officeRequestSchemas
} satisfies Record<RequestName, z.ZodType>

export interface AppInfo {
  version: string
  platform: string
  /** 'electron' in the app, 'test' when the renderer runs in plain Chromium with the services behind it. */
  shell: 'electron' | 'test'
}

export interface FileImport {
  /** The file's name for display, never a path to write to. */
  name: string
  result?: ImportResult
  /** The file's lines as read, so the preview can re-import them keeping a line the user put back. */
  source?: { lines: SourceLine[]; headingHints?: boolean }
  error?: string
}

export type ExportResult =
  | { status: 'saved'; path: string }
  | { status: 'canceled' }
  | { status: 'exists'; path: string; overwriteToken: string }
  | { status: 'error'; message: string }

export type BackupBeginResult =
  | { status: 'open'; session: string; path: string }
  | { status: 'canceled' }
  | { status: 'exists'; path: string; overwriteToken: string }
  /** Automatic backups: switched off, or today's is already written. */
  | { status: 'disabled' }
  | { status: 'not-due' }

export interface BackupFinishResult {
  path: string
  bytes: number
  counts: BackupCounts
  skipped: SkippedRecord[]
  /** Old automatic backups removed to keep the chosen number. */
  removed: string[]
}

export interface BackupReadResult {
  records: DecodedRecord[]
  /** What the file's header said so far: when it was made, how many records it holds. */
  createdAt?: string
  total?: number
  /** On the last batch (done): the verified header. A damaged file fails the request instead. */
  header?: DecodedHeader
  done: boolean
}

export type AutoBackupState = AutoBackupSettings & { due: boolean; latest: string | null }

export interface ResponseMap extends OfficeResponseMap {
  getAppInfo: AppInfo
  importFilesDialog: FileImport[]
  importFolderDialog: FileImport[]
  exportReport: ExportResult
  printReport: { status: 'printed' } | { status: 'canceled' }
  editCommand: void
  openExportedFile: void
  showExportedFile: void
  closeReady: void
  backupBegin: BackupBeginResult
  backupWrite: void
  backupFinish: BackupFinishResult
  backupAbort: void
  backupOpen: { status: 'opened'; name: string; session: string } | { status: 'canceled' }
  backupRead: BackupReadResult
  backupClose: void
  getAutoBackup: AutoBackupState
  chooseAutoBackupFolder: AutoBackupState
  setAutoBackup: AutoBackupState
  exportMany: { status: 'canceled' } | { status: 'done'; dir: string; files: { title: string; path?: string; error?: string }[] }
}

export type RequestPayload<N extends RequestName> = z.infer<(typeof requestSchemas)[N]>

export interface EventPayloads {
  menuCommand: CommandId
  importProgress: { done: number; total: number; name: string }
  exportProgress: { done: number; total: number; name: string }
  beforeClose: undefined
}

/** What `window.api` looks like in the renderer: one function per request, one subscriber per event. */
export type Api = {
  [N in RequestName]: RequestPayload<N> extends undefined ? () => Promise<ResponseMap[N]> : (payload: RequestPayload<N>) => Promise<ResponseMap[N]>
} & {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayloads[E]) => void) => () => void
}

/**
 * The one channel map between renderer and main. Each request has a runtime schema
 * (main validates every payload with it) and a result type (the preload's typing).
 */
import { z } from 'zod'
import { ReportSchema } from './doc/schema'
import { ArchiveSchema, type Archive, type AutoBackupSettings, type BackupCounts, type SkippedRecord } from './backup'
import type { ImportResult } from './import/types'
import type { SourceLine } from './import/lines'
import type { EventName, RequestName } from './ipc-channels'
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
  /** Only paths this session exported can be opened: the renderer never names arbitrary files. */
  openExportedFile: z.object({ path: z.string().max(4096) }),
  showExportedFile: z.object({ path: z.string().max(4096) }),
  closeReady: z.undefined(),
  backupSave: z.object({ archive: ArchiveSchema, overwriteToken: z.string().max(100).optional() }),
  backupOpen: z.undefined(),
  getAutoBackup: z.undefined(),
  chooseAutoBackupFolder: z.undefined(),
  setAutoBackup: z.object({ enabled: z.boolean(), keep: z.number().int().min(1).max(365) }),
  runAutoBackup: z.object({ archive: ArchiveSchema }),
  safetyBackup: z.object({ archive: ArchiveSchema }),
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

export type BackupSaveResult =
  | { status: 'saved'; path: string; bytes: number; counts: BackupCounts; skipped: SkippedRecord[] }
  | { status: 'canceled' }
  | { status: 'exists'; path: string; overwriteToken: string }

export type AutoBackupState = AutoBackupSettings & { due: boolean; latest: string | null }

export interface ResponseMap extends OfficeResponseMap {
  getAppInfo: AppInfo
  importFilesDialog: FileImport[]
  importFolderDialog: FileImport[]
  exportReport: ExportResult
  openExportedFile: void
  showExportedFile: void
  closeReady: void
  backupSave: BackupSaveResult
  backupOpen: { status: 'opened'; name: string; archive: Archive } | { status: 'canceled' }
  getAutoBackup: AutoBackupState
  chooseAutoBackupFolder: AutoBackupState
  setAutoBackup: AutoBackupState
  runAutoBackup: { status: 'written'; path: string; removed: string[] } | { status: 'not-due' } | { status: 'disabled' }
  safetyBackup: { path: string }
  exportMany: { status: 'canceled' } | { status: 'done'; dir: string; files: { title: string; path?: string; error?: string }[] }
}

export type RequestPayload<N extends RequestName> = z.infer<(typeof requestSchemas)[N]>

export interface EventPayloads {
  menuCommand: MenuCommand
  importProgress: { done: number; total: number; name: string }
  exportProgress: { done: number; total: number; name: string }
  beforeClose: undefined
}

export type MenuCommand =
  | 'new-report'
  | 'import-files'
  | 'import-folder'
  | 'export-docx'
  | 'export-pdf'
  | 'export-txt'
  | 'export-md'
  | 'export-html'
  | 'show-library'
  | 'toggle-outline'
  | 'find'

/** What `window.api` looks like in the renderer: one function per request, one subscriber per event. */
export type Api = {
  [N in RequestName]: RequestPayload<N> extends undefined ? () => Promise<ResponseMap[N]> : (payload: RequestPayload<N>) => Promise<ResponseMap[N]>
} & {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayloads[E]) => void) => () => void
}

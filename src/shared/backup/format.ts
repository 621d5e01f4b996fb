/**
 * The backup file format (.zjbak): one UTF-8 JSON document holding the whole archive.
 *
 * {
 *   format: 'zongjie-backup', version: 1, createdAt: ISO time, app: { version },
 *   counts: { reports, versions, settings },
 *   checksum: 'sha256:…'   — over the canonical JSON of the whole document without this field,
 *                            each record standing in by its own checksum,
 *   payload: {
 *     reports:  [{ checksum, record }]   — one checksum per record, so damage is named,
 *     versions: [{ checksum, record }],
 *     settings: [{ key, value }]
 *   }
 * }
 *
 * `version` is the major format version: a reader refuses a higher one (its checksums or fields
 * may mean something else) and ignores unknown extra fields, so a minor addition stays readable.
 * The file is written as the canonical JSON itself (no whitespace), so changing any single byte
 * either breaks the UTF-8, the JSON or a checksum.
 */
import { z } from 'zod'
import { REPORT_KINDS, type Report, type ReportKind } from '../doc/model'
import { ReportSchema } from '../doc/schema'

export const BACKUP_FORMAT = 'zongjie-backup'
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_EXTENSION = 'zjbak'
/**
 * Largest backup read or written. The file is parsed as one string and V8 caps a string at
 * ~512 M characters; past this a chunked format would be needed.
 */
export const MAX_BACKUP_BYTES = 400 * 1024 * 1024

export const REPORT_STATUSES = ['draft', 'final'] as const
export const VERSION_REASONS = ['auto', 'manual', 'finalize', 'export', 'restore'] as const

/**
 * A report row as the database holds it (mirrors ReportRecord in src/renderer/src/db/database.ts;
 * the renderer's db/backup.ts fails to compile when the two drift apart).
 */
export interface ReportRecordData {
  id: string
  status: (typeof REPORT_STATUSES)[number]
  report: Report
  editorState: string | null
  title: string
  kind: ReportKind
  year: number | null
  unit: string
  characters: number
  createdAt: number
  updatedAt: number
  deletedAt: number
  previousId?: string
}

/** A version-history row (mirrors VersionRecord). */
export interface VersionRecordData {
  seq?: number
  reportId: string
  createdAt: number
  reason: (typeof VERSION_REASONS)[number]
  note: string
  report: Report
  editorState: string | null
}

/** A settings row; values are plain JSON. */
export interface SettingRecordData {
  key: string
  value: unknown
}

/** The whole archive: every row of every table. */
export interface Archive {
  reports: ReportRecordData[]
  versions: VersionRecordData[]
  settings: SettingRecordData[]
  /** Where a read backup came from; absent on a fresh dump. */
  source?: BackupSource
}

export interface BackupSource {
  createdAt: string
  appVersion: string
}

export interface BackupCounts {
  reports: number
  versions: number
  settings: number
}

const id = z.string().min(1).max(200)
const time = z.number() // zod 4 numbers are finite already
const editorState = z.string().max(100_000_000).nullable()

// Loose objects: fields a newer database version added to a row survive backup and restore.
export const ReportRecordSchema: z.ZodType<ReportRecordData> = z.looseObject({
  id,
  status: z.enum(REPORT_STATUSES),
  report: ReportSchema,
  editorState,
  title: z.string().max(10_000),
  kind: z.enum(REPORT_KINDS),
  year: z.number().int().nullable(),
  unit: z.string().max(10_000),
  characters: z.number().int().nonnegative(),
  createdAt: time,
  updatedAt: time,
  deletedAt: time,
  previousId: id.optional()
})

export const VersionRecordSchema: z.ZodType<VersionRecordData> = z.looseObject({
  seq: z.number().int().positive().optional(),
  reportId: id,
  createdAt: time,
  reason: z.enum(VERSION_REASONS),
  note: z.string().max(10_000),
  report: ReportSchema,
  editorState
})

export const SettingRecordSchema: z.ZodType<SettingRecordData> = z.object({
  key: z.string().min(1).max(500),
  value: z.json()
})

export const BackupSourceSchema = z.object({ createdAt: z.string().max(100), appVersion: z.string().max(100) })

/** The archive as it crosses IPC (renderer → main for writing, main → renderer after reading). */
export const ArchiveSchema: z.ZodType<Archive> = z.object({
  reports: z.array(ReportRecordSchema).max(100_000),
  versions: z.array(VersionRecordSchema).max(2_000_000),
  settings: z.array(SettingRecordSchema).max(10_000),
  source: BackupSourceSchema.optional()
})

const checksum = z.string().regex(/^sha256:[0-9a-f]{64}$/)
const item = z.object({ checksum, record: z.unknown() })
const count = z.number().int().nonnegative()

/** The file's outer structure; records are checked separately so an error can name the record. */
export const BackupEnvelopeSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string().max(100),
  app: z.looseObject({ version: z.string().max(100) }),
  counts: z.looseObject({ reports: count, versions: count, settings: count }),
  checksum,
  payload: z.looseObject({
    reports: z.array(item),
    versions: z.array(item),
    settings: z.array(z.unknown())
  })
})
export type BackupEnvelope = z.infer<typeof BackupEnvelopeSchema>

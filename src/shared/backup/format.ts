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
import {
  ReportRecordSchema,
  SettingRecordSchema,
  VersionRecordSchema,
  type ReportRecord,
  type SettingRecord,
  type VersionRecord
} from '../archive/records'

export { REPORT_STATUSES, VERSION_REASONS, ReportRecordSchema, SettingRecordSchema, VersionRecordSchema } from '../archive/records'
export type { ReportRecord, SettingRecord, VersionRecord } from '../archive/records'

export const BACKUP_FORMAT = 'zongjie-backup'
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_EXTENSION = 'zjbak'
/**
 * Largest backup file that may be read in one piece (decodeBackupBytes). Backups are written and
 * read as streams (stream.ts), record by record, so this applies to the one-piece reader only.
 */
export const MAX_BACKUP_BYTES = 400 * 1024 * 1024

/** The whole archive: every row of every table. */
export interface Archive {
  reports: ReportRecord[]
  versions: VersionRecord[]
  settings: SettingRecord[]
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

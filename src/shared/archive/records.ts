/**
 * The archive's records, defined once: the renderer's database (src/renderer/src/db) stores them
 * and the backup format (src/shared/backup) carries them. Each record type and its runtime schema
 * sit side by side, so neither can change without the other (the schema is typed by the record).
 *
 * The database stores a report across three tables (its summary row, its model, its editor
 * state) and a version as deduplicated chunks; these types are the records as a whole, which is
 * what every reader sees and what a backup holds.
 */
import { z } from 'zod'
import { REPORT_KINDS, type Report, type ReportKind } from '../doc/model'
import { ReportSchema } from '../doc/schema'

export const REPORT_STATUSES = ['draft', 'final'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const VERSION_REASONS = ['auto', 'manual', 'finalize', 'export', 'restore'] as const
export type VersionReason = (typeof VERSION_REASONS)[number]

/**
 * What lists, filters and counts show of a report: everything but its content. The database keeps
 * these in a table of their own, so a list of thousands reads kilobytes, not the reports.
 */
export interface ReportSummary {
  id: string
  status: ReportStatus
  title: string
  kind: ReportKind
  year: number | null
  unit: string
  characters: number
  createdAt: number
  updatedAt: number
  /** 0 while the report is live; the time it went to the trash otherwise (0, not null: IndexedDB cannot index null). */
  deletedAt: number
  /** The report this one was carried forward from. */
  previousId?: string
}

/**
 * One report in the archive. `editorState` is the Lexical JSON the editor reopens exactly;
 * `report` is the model derived from it on every save, which everything downstream (outline,
 * search, checks, export) reads. The summary fields are denormalised from the model.
 */
export interface ReportRecord extends ReportSummary {
  report: Report
  editorState: string | null
}

/** A snapshot of a report: taken automatically, by hand, on finalize, on export, and before a restore. */
export interface VersionRecord {
  seq?: number
  reportId: string
  createdAt: number
  reason: VersionReason
  note: string
  report: Report
  editorState: string | null
}

/** A settings row; values are plain JSON. */
export interface SettingRecord {
  key: string
  value: unknown
}

/** The summary of a record: the record without its content. */
export function summaryOf(record: ReportRecord): ReportSummary {
  const { report: _report, editorState: _state, ...summary } = record
  return summary
}

const id = z.string().min(1).max(200)
const time = z.number() // zod 4 numbers are finite already
const editorState = z.string().max(100_000_000).nullable()

// Loose objects: fields a newer database version added to a row survive backup and restore.
export const ReportRecordSchema: z.ZodType<ReportRecord> = z.looseObject({
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

export const VersionRecordSchema: z.ZodType<VersionRecord> = z.looseObject({
  seq: z.number().int().positive().optional(),
  reportId: id,
  createdAt: time,
  reason: z.enum(VERSION_REASONS),
  note: z.string().max(10_000),
  report: ReportSchema,
  editorState
})

export const SettingRecordSchema: z.ZodType<SettingRecord> = z.object({
  key: z.string().min(1).max(500),
  value: z.json()
})

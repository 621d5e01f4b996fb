import Dexie, { type EntityTable } from 'dexie'
import type { Report, ReportKind } from '@shared/doc/model'

export type ReportStatus = 'draft' | 'final'

/**
 * One report in the archive. `editorState` is the Lexical JSON the editor reopens
 * exactly; `report` is the model derived from it on every save, which everything
 * downstream (outline, search, checks, export) reads.
 */
export interface ReportRecord {
  id: string
  status: ReportStatus
  report: Report
  editorState: string | null
  /** Denormalised from the model for the indexes. */
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

export type VersionReason = 'auto' | 'manual' | 'finalize' | 'export' | 'restore'

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

export interface SettingRecord {
  key: string
  value: unknown
}

/**
 * The app's database. Every schema version stays listed with its upgrade, so a
 * database of any released version opens under the current one with its data intact.
 */
export class ArchiveDatabase extends Dexie {
  reports!: EntityTable<ReportRecord, 'id'>
  settings!: EntityTable<SettingRecord, 'key'>
  versions!: EntityTable<VersionRecord, 'seq'>

  constructor(name = 'zongjie') {
    super(name)
    // Version 1: drafts and settings (the foundation release).
    this.version(1).stores({
      reports: 'id, status, updatedAt, year, kind, unit',
      settings: 'key'
    })
    // Version 2: the archive — trash (deletedAt), carry-forward links, version history.
    this.version(2)
      .stores({
        reports: 'id, status, updatedAt, year, kind, unit, deletedAt, previousId',
        settings: 'key',
        versions: '++seq, reportId, [reportId+createdAt]'
      })
      .upgrade((tx) =>
        tx
          .table('reports')
          .toCollection()
          .modify((r: Partial<ReportRecord>) => {
            if (typeof r.deletedAt !== 'number') r.deletedAt = 0
          })
      )
  }
}

export const DB_NAME = 'zongjie'
export const db = new ArchiveDatabase(DB_NAME)

import Dexie, { type EntityTable } from 'dexie'
import type { Report } from '@shared/doc/model'
import type { ReportRecord, ReportStatus, ReportSummary, SettingRecord, VersionReason, VersionRecord } from '@shared/archive/records'
import { upgradeToVersion3 } from './upgrade3'

export type { ReportRecord, ReportStatus, ReportSummary, SettingRecord, VersionReason, VersionRecord }

/** A report's model (the `reports` table since version 3): what search, carry-forward and export read. */
export interface ContentRow {
  id: string
  report: Report
}

/** A report's Lexical JSON, read only when the report opens in the editor. No row: the editor builds it from the model. */
export interface EditorStateRow {
  id: string
  json: string
}

/** A version as stored: its content as keys of shared chunks (versionStore.ts), the rest as the record has it. */
export interface StoredVersion extends Omit<VersionRecord, 'report' | 'editorState'> {
  /** Chunks of the model's JSON. */
  reportChunks: string[]
  /** Chunks of the editor state, or null when the version has none. */
  stateChunks: string[] | null
}

/** A piece of version content, stored once however many versions hold it; `refs` counts them. */
export interface ChunkRow {
  key: string
  text: string
  refs: number
}

/** The search worker's saved index (features/search/indexStore.ts). */
export interface SearchIndexRow {
  key: string
  value: unknown
}

/** A record of a backup being restored, held here until the whole file has arrived (db/backup.ts). */
export interface StagedRow {
  n?: number
  table: 'reports' | 'versions' | 'settings'
  row: unknown
  /** A copy a merge keeps only if no version already holds its text (MergePlanner.keepsCopy): the report's id. */
  copyOf?: string
}

/**
 * The app's database. Every schema version stays listed with its upgrade, so a database of any
 * released version opens under the current one with its data intact.
 *
 * Since version 3 a report lives in three tables, written together in one transaction: its
 * summary (lists, filters, counts read only these), its model, and its editor state. Versions
 * are stored as deduplicated chunks.
 */
export class ArchiveDatabase extends Dexie {
  summaries!: EntityTable<ReportSummary, 'id'>
  reports!: EntityTable<ContentRow, 'id'>
  editorStates!: EntityTable<EditorStateRow, 'id'>
  settings!: EntityTable<SettingRecord, 'key'>
  versions!: EntityTable<StoredVersion, 'seq'>
  chunks!: EntityTable<ChunkRow, 'key'>
  searchIndex!: EntityTable<SearchIndexRow, 'key'>
  staging!: EntityTable<StagedRow, 'n'>

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
          .modify((r: { deletedAt?: unknown }) => {
            if (typeof r.deletedAt !== 'number') r.deletedAt = 0
          })
      )
    // Version 3: an archive of thousands. Summaries apart from content, editor states apart from
    // models, versions as shared chunks, the search index saved, a staging table for restores.
    this.version(3)
      .stores({
        reports: 'id',
        summaries: 'id, updatedAt, deletedAt',
        editorStates: 'id',
        settings: 'key',
        versions: '++seq, reportId, [reportId+createdAt]',
        chunks: 'key',
        searchIndex: 'key',
        staging: '++n'
      })
      .upgrade(upgradeToVersion3)
    // Version 4: versions by reason too, so the background thinning finds the histories with
    // automatic versions to drop from the index alone (reading every report's history at each start
    // held up the clerk's saves for seconds on a large archive). IndexedDB fills the index itself.
    this.version(4).stores({
      versions: '++seq, reportId, [reportId+createdAt], [reason+reportId+createdAt]'
    })
  }
}

export const DB_NAME = 'zongjie'
export const db = new ArchiveDatabase(DB_NAME)

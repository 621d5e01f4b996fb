/**
 * Backup and restore on the database side: dump every table, preview a restore, apply it.
 * The file itself is written and read by main (src/main/services/backup.ts); what crosses IPC is
 * the Archive. A restore runs in one transaction: it happens entirely or not at all.
 */
import { UserError } from '@shared/errors'
import {
  parseArchive,
  planMerge,
  type Archive,
  type ReportRecordData,
  type RestoreMode,
  type RestorePreview,
  type SettingRecordData,
  type VersionRecordData
} from '@shared/backup'
import type { ArchiveDatabase, ReportRecord, SettingRecord, VersionRecord } from './database'

export type { RestoreMode, RestorePreview }

// The backup schema mirrors the database rows; these fail to compile when the two drift apart
// (a new required field in a row needs the backup format to carry it).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _reportsMatch: Same<ReportRecord, ReportRecordData> = true
const _versionsMatch: Same<VersionRecord, VersionRecordData> = true
const _settingsMatch: Same<SettingRecord, SettingRecordData> = true
void [_reportsMatch, _versionsMatch, _settingsMatch]

const tables = (db: ArchiveDatabase) => [db.reports, db.versions, db.settings]

async function readAll(db: ArchiveDatabase): Promise<Archive> {
  const reports = await db.reports.toArray()
  const versions = await db.versions.toArray()
  // Settings are JSON in a backup: a field left undefined in IndexedDB simply drops out.
  const settings = (await db.settings.toArray()).map((r) => ({ key: r.key, value: JSON.parse(JSON.stringify(r.value ?? null)) as unknown }))
  return { reports, versions, settings } as Archive
}

/** Every row of every table, read in one transaction so the dump is a consistent snapshot. */
export function dumpArchive(db: ArchiveDatabase): Promise<Archive> {
  return db.transaction('r', tables(db), () => readAll(db))
}

/** What a restore of `archive` would add, replace and keep (see src/shared/backup/merge.ts). */
export function previewRestore(db: ArchiveDatabase, archive: Archive): Promise<RestorePreview> {
  const backup = parseArchive(archive)
  return db.transaction('r', tables(db), async () => planMerge(await readAll(db), backup).preview)
}

/**
 * Restores `archive`. 'merge' follows the plan previewRestore showed (worked out again inside the
 * transaction, so an edit saved in between is taken into account); 'replace' empties the three
 * tables and loads the backup's rows as they are, version numbers included. Returns the preview
 * the restore carried out (for 'replace': computed against the database before it was emptied).
 */
export async function applyRestore(db: ArchiveDatabase, archive: Archive, mode: RestoreMode): Promise<RestorePreview> {
  if (mode !== 'merge' && mode !== 'replace') throw new UserError('未知的恢复方式。', 'bad-input')
  // Validated before the transaction: a bad row stops the restore before anything changes.
  const backup = parseArchive(archive)
  return db.transaction('rw', tables(db), async () => {
    const plan = planMerge(await readAll(db), backup)
    if (mode === 'replace') {
      await Promise.all(tables(db).map((t) => t.clear()))
      await db.reports.bulkAdd(backup.reports)
      await db.versions.bulkAdd(backup.versions)
      await db.settings.bulkAdd(backup.settings)
    } else {
      await db.reports.bulkPut(plan.putReports)
      await db.versions.bulkAdd(plan.addVersions)
      await db.settings.bulkAdd(plan.putSettings)
    }
    return plan.preview
  })
}

/**
 * Test helpers for the database: seed an archive of whole records, read it all back, and write
 * a backup file's bytes the way main's streaming writer does. Not used by the app.
 */
import { BackupEncoder, type Archive, type EncodeOptions } from '@shared/backup'
import { backupArchive, readArchive } from './backup'
import type { ArchiveDatabase, ReportRecord, SettingRecord, VersionRecord } from './database'
import { writeRecords } from './reports'
import { encodeVersion, putVersions } from './versionStore'

/** Writes whole records (versions keep their numbers) into `db`. */
export async function seedArchive(db: ArchiveDatabase, archive: Pick<Archive, 'reports' | 'versions' | 'settings'>): Promise<void> {
  await db.transaction('rw', [db.summaries, db.reports, db.editorStates, db.versions, db.chunks, db.settings], async () => {
    await writeRecords(archive.reports, db)
    if (archive.versions.length) await putVersions(db, archive.versions.map(encodeVersion))
    if (archive.settings.length) await db.settings.bulkPut(archive.settings)
  })
}

/** Every record of the archive, whole, as a backup reads them. */
export async function archiveOf(db: ArchiveDatabase): Promise<{ reports: ReportRecord[]; versions: VersionRecord[]; settings: SettingRecord[] }> {
  const out = { reports: [] as ReportRecord[], versions: [] as VersionRecord[], settings: [] as SettingRecord[] }
  for await (const batch of readArchive(db)) (out[batch.table] as unknown[]).push(...batch.rows)
  return out
}

/** The bytes of a backup of `db`, written batch by batch as main writes them. */
export async function backupBytes(db: ArchiveDatabase, opts: EncodeOptions): Promise<Uint8Array> {
  const encoder = new BackupEncoder(opts)
  let payload = ''
  await backupArchive(db, async (batch) => void (payload += encoder.add(batch.table, batch.rows)))
  const tail = encoder.tail()
  return new TextEncoder().encode(encoder.head() + payload + tail)
}

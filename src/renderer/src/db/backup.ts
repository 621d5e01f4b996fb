/**
 * Backup on the database side: the archive read out record by record, whole (a report with its
 * model and editor state, a version with its content put back together), in batches, in the order
 * the backup file holds them. Main writes the file as the batches arrive (src/main/services/
 * backup-stream.ts), so neither side ever holds the archive.
 *
 * A backup is read in many short transactions, so a save while it runs is not held up; each record
 * is as it was when its batch was read.
 */
import type { BackupTable } from '@shared/backup'
import type { ArchiveDatabase, ReportRecord, SettingRecord } from './database'
import { decodeVersions } from './versionStore'

export interface ArchiveBatch {
  table: BackupTable
  rows: unknown[]
}

/** About this many characters of records per batch: big enough to be quick, small enough to keep memory flat. */
const BATCH_CHARS = 2_000_000
const MAX_BATCH = 200

/** Settings are JSON in a backup: a field left undefined in IndexedDB simply drops out. */
const asJson = (s: SettingRecord): SettingRecord => ({ key: s.key, value: JSON.parse(JSON.stringify(s.value ?? null)) as unknown })

/** Whole report records with ids after `after`, in id order. */
export async function readReports(db: ArchiveDatabase, after: string, limit: number): Promise<ReportRecord[]> {
  return db.transaction('r', db.summaries, db.reports, db.editorStates, async () => {
    const summaries = await db.summaries.where(':id').above(after).limit(limit).toArray()
    const ids = summaries.map((s) => s.id)
    const [contents, states] = await Promise.all([db.reports.bulkGet(ids), db.editorStates.bulkGet(ids)])
    return summaries.flatMap((s, i) => (contents[i] ? [{ ...s, report: contents[i]!.report, editorState: states[i]?.json ?? null }] : []))
  })
}

/** Batches get smaller when records are large (long reports), larger when they are small. */
function nextLimit(rows: { report?: unknown }[], limit: number): number {
  if (rows.length === 0) return limit
  const chars = JSON.stringify(rows[0]).length
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_CHARS / Math.max(1, chars))))
}

/** Every record of the archive, table by table (reports, settings, versions), in batches. */
export async function* readArchive(db: ArchiveDatabase): AsyncGenerator<ArchiveBatch> {
  let limit = 20
  let after = ''
  for (;;) {
    const rows = await readReports(db, after, limit)
    if (rows.length === 0) break
    yield { table: 'reports', rows }
    after = rows[rows.length - 1].id
    limit = nextLimit(rows, limit)
  }
  yield { table: 'settings', rows: (await db.settings.toArray()).map(asJson) }
  let seq = 0
  limit = 20
  for (;;) {
    const rows = await db.transaction('r', db.versions, db.chunks, async () => decodeVersions(db, await db.versions.where(':id').above(seq).limit(limit).toArray()))
    if (rows.length === 0) break
    yield { table: 'versions', rows }
    seq = rows[rows.length - 1].seq!
    limit = nextLimit(rows, limit)
  }
}

/** How many records a backup of the archive holds, for its progress bar. */
export async function archiveCounts(db: ArchiveDatabase): Promise<{ reports: number; versions: number; settings: number }> {
  return db.transaction('r', db.summaries, db.versions, db.settings, async () => ({
    reports: await db.summaries.count(),
    versions: await db.versions.count(),
    settings: await db.settings.count()
  }))
}

/**
 * Reads the whole archive into `write` (main's backup writer, or anything taking batches),
 * reporting how many records are done out of how many. Returns nothing: the writer knows what it wrote.
 */
export async function backupArchive(db: ArchiveDatabase, write: (batch: ArchiveBatch) => Promise<void>, onProgress?: (done: number, total: number) => void): Promise<void> {
  const counts = await archiveCounts(db)
  const total = counts.reports + counts.versions + counts.settings
  let done = 0
  onProgress?.(0, total)
  const batches = readArchive(db)
  try {
    // The next batch is read from the database while main writes this one: the two take turns on
    // different processes, so a backup takes about the longer of the two, not their sum.
    let next = batches.next()
    for (;;) {
      const batch = await next
      if (batch.done) break
      next = batches.next()
      next.catch(() => undefined) // a write that fails ends the loop; this read's error is not news
      await write(batch.value)
      done += batch.value.rows.length
      onProgress?.(Math.min(done, total), total)
    }
  } finally {
    await batches.return(undefined)
  }
}

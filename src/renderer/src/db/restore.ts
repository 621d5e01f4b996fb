/**
 * Restoring a backup, record by record: a first pass over the file previews what a merge or a
 * replace would do; the restore itself is a second pass that plans again against the database as
 * it is then and stages what it will write, and only when the whole file has been read and
 * verified does one transaction carry the staged records into the archive. A damaged file, a
 * failure or a crash before that leaves the archive exactly as it was: all or nothing, in memory
 * that does not grow with the archive.
 */
import { UserError } from '@shared/errors'
import {
  BackupDecoder,
  MergePlanner,
  contentKey,
  type DecodedHeader,
  type DecodedRecord,
  type LocalArchive,
  type RestoreMode,
  type RestorePreview
} from '@shared/backup'
import { announce } from './changes'
import type { ArchiveDatabase, ReportRecord, SettingRecord, StagedRow, VersionRecord } from './database'
import { writeRecords } from './reports'
import { decodeVersions, encodeVersion, putVersions, type EncodedVersion } from './versionStore'

export type { RestoreMode, RestorePreview }

/** A backup being read: its records from the start, in batches, and at the end what the file said it was. */
export interface RestoreSource {
  /**
   * Reads the backup from its start. Batches carry what the header said so far (when the backup
   * was made, how many records it holds); the last one the verified header. A damaged file throws.
   */
  read(): AsyncIterable<RestoreBatch>
}

export interface RestoreBatch {
  records: DecodedRecord[]
  createdAt?: string
  total?: number
  header?: DecodedHeader
}

/** The database as the merge planner reads it. */
function localArchive(db: ArchiveDatabase): LocalArchive {
  return {
    reports: async (ids) => {
      const rows = await db.transaction('r', db.summaries, db.reports, db.editorStates, async () => {
        const [summaries, contents, states] = await Promise.all([db.summaries.bulkGet(ids), db.reports.bulkGet(ids), db.editorStates.bulkGet(ids)])
        return summaries.map((s, i) => (s && contents[i] ? ({ ...s, report: contents[i]!.report, editorState: states[i]?.json ?? null } as ReportRecord) : undefined))
      })
      return rows
    },
    versionsAt: async (keys) =>
      db.transaction('r', db.versions, db.chunks, async () => decodeVersions(db, await db.versions.where('[reportId+createdAt]').anyOf(keys).toArray())),
    versionContents: async (reportId) => {
      const versions = await db.transaction('r', db.versions, db.chunks, async () => decodeVersions(db, await db.versions.where('reportId').equals(reportId).toArray()))
      return new Set(await Promise.all(versions.map(contentKey)))
    },
    settings: (keys) => db.settings.bulkGet(keys),
    summaries: () => db.summaries.toArray(),
    counts: async () => ({ reports: await db.summaries.count(), versions: await db.versions.count(), settings: await db.settings.count() })
  }
}

const backupDate = (createdAt?: string) => (createdAt ? `，备份于 ${createdAt.slice(0, 10)}` : '')

type Stage = (rows: StagedRow[]) => Promise<void>
/** Records read so far, out of how many the backup holds (when its header said). */
export type Progress = (done: number, total?: number) => void

function totalOf(batch: RestoreBatch): number | undefined {
  if (batch.total !== undefined) return batch.total
  const c = batch.header?.counts
  return c ? c.reports + c.versions + c.settings : undefined
}

/** One pass over the backup: plans every record, and hands what to write to `stage` (none in a preview). */
async function pass(db: ArchiveDatabase, source: RestoreSource, mode: RestoreMode, stage: Stage | null, onProgress?: Progress): Promise<{ planner: MergePlanner; header: DecodedHeader }> {
  let planner: MergePlanner | null = null
  let header: DecodedHeader | undefined
  let done = 0
  for await (const batch of source.read()) {
    // The backup's date, for the note on a copy kept from it, comes before the records in the file.
    planner ??= new MergePlanner(localArchive(db), backupDate(batch.createdAt))
    const staged: StagedRow[] = []
    for (const table of ['reports', 'settings', 'versions'] as const) {
      const records = batch.records.filter((r) => r.table === table).map((r) => r.record)
      if (records.length === 0) continue
      const decisions =
        table === 'reports'
          ? await planner.reports(records as ReportRecord[])
          : table === 'settings'
            ? await planner.settings(records as SettingRecord[])
            : mode === 'replace' && stage
              ? planner.countVersions(records)
              : await planner.versions(records as VersionRecord[])
      if (!stage) continue
      records.forEach((record, i) => {
        const d = decisions[i]
        if (mode === 'replace' || d.put) staged.push(stagedRow(table, record, mode))
        if (mode === 'merge' && d.copy) staged.push({ table: 'versions', row: encodeVersion(d.copy.version), copyOf: d.copy.version.reportId })
      })
    }
    if (stage && staged.length) await stage(staged)
    done += batch.records.length
    onProgress?.(done, totalOf(batch))
    header = batch.header ?? header
  }
  if (!header) throw new UserError('备份文件不完整，没有恢复任何内容。', 'backup-damaged')
  planner ??= new MergePlanner(localArchive(db), '')
  await planner.finish(header.source)
  return { planner, header }
}

function stagedRow(table: 'reports' | 'settings' | 'versions', record: unknown, mode: RestoreMode): StagedRow {
  if (table !== 'versions') return { table, row: record }
  // A merge numbers added versions anew; a replace keeps the backup's numbers.
  const { seq, ...rest } = record as VersionRecord
  return { table, row: encodeVersion(mode === 'replace' ? { seq, ...rest } : rest) }
}

/** What a restore of the backup would add, replace and keep (see src/shared/backup/merge.ts). Reads the whole backup once. */
export async function previewRestore(db: ArchiveDatabase, source: RestoreSource, onProgress?: Progress): Promise<RestorePreview> {
  const { planner, header } = await pass(db, source, 'merge', null, onProgress)
  planner.preview.source = header.source
  return planner.preview
}

const STAGE_BATCH = 50

/** Carries the staged records into the archive: one transaction, so all of them or none. */
async function commit(db: ArchiveDatabase, mode: RestoreMode, staged: number, keepsCopy: (reportId: string) => boolean): Promise<void> {
  await db.transaction('rw', [db.summaries, db.reports, db.editorStates, db.versions, db.chunks, db.settings, db.staging], async () => {
    // Everything staged must still be there: never empty the archive for less than the whole backup.
    if ((await db.staging.count()) !== staged) throw new UserError('恢复时读入的内容不完整，没有恢复任何内容。请重试。', 'backup-damaged')
    if (mode === 'replace') await Promise.all([db.summaries, db.reports, db.editorStates, db.versions, db.chunks, db.settings].map((t) => t.clear()))
    let after = 0
    for (;;) {
      const rows = await db.staging.where(':id').above(after).limit(STAGE_BATCH).toArray()
      if (rows.length === 0) break
      after = rows[rows.length - 1].n!
      const reports = rows.filter((r) => r.table === 'reports').map((r) => r.row as ReportRecord)
      const versions = rows.filter((r) => r.table === 'versions' && (!r.copyOf || keepsCopy(r.copyOf))).map((r) => r.row as EncodedVersion)
      const settings = rows.filter((r) => r.table === 'settings').map((r) => r.row as SettingRecord)
      if (reports.length) await writeRecords(reports, db)
      if (versions.length) await putVersions(db, versions)
      if (settings.length) await db.settings.bulkPut(settings)
    }
    await db.staging.clear()
  })
}

/**
 * Restores the backup. 'merge' follows the plan the preview showed, worked out again against the
 * database as it is now (an edit saved since is taken into account); 'replace' empties the archive
 * and loads the backup's records as they are, version numbers included. Returns what it did (for
 * 'replace': measured against the archive before it was emptied).
 */
export async function applyRestore(db: ArchiveDatabase, source: RestoreSource, mode: RestoreMode, onProgress?: Progress): Promise<RestorePreview> {
  if (mode !== 'merge' && mode !== 'replace') throw new UserError('未知的恢复方式。', 'bad-input')
  restoring++
  await db.staging.clear()
  try {
    let staged = 0
    const stage: Stage = async (rows) => {
      await db.staging.bulkAdd(rows)
      staged += rows.length
    }
    const { planner, header } = await pass(db, source, mode, stage, onProgress)
    await commit(db, mode, staged, (id) => planner.keepsCopy(id))
    announce({ all: true })
    planner.preview.source = header.source
    return planner.preview
  } catch (e) {
    await db.staging.clear().catch(() => undefined)
    throw e
  } finally {
    restoring--
  }
}

/** Restores running in this window: their staged records are theirs, not leftovers. */
let restoring = 0

/** Clears what an interrupted restore left staged (a crash between reading and committing); never a restore's in progress. */
export async function clearStaging(db: ArchiveDatabase): Promise<void> {
  if (restoring === 0 && (await db.staging.count())) await db.staging.clear()
}

/** A restore source over a backup file's bytes held in memory (tests, small files), read in chunks as main reads a file. */
export function bytesSource(bytes: Uint8Array, chunk = 64 * 1024): RestoreSource {
  return {
    async *read() {
      const decoder = new BackupDecoder()
      for (let at = 0; at < bytes.length; at += chunk) {
        const records = decoder.write(bytes.subarray(at, at + chunk))
        yield { records, ...decoder.provisional }
      }
      yield { records: [], header: decoder.end() }
    }
  }
}


/**
 * A report's history: automatic snapshots every 10 minutes of editing (thinned as they age, see
 * src/shared/archive/thinning.ts), and versions taken by hand, on finalize, on export and before a
 * restore, which are kept for good. Stored as shared chunks (versionStore.ts).
 */
import Dexie, { cmp } from 'dexie'
import { THINNABLE, versionsToThin, type ThinnableVersion } from '@shared/archive/thinning'
import { announce } from './changes'
import { foregroundPause } from './foreground'
import { db, type ReportRecord, type StoredVersion, type VersionReason, type VersionRecord } from './database'
import { recordFor, reportTables, writeRecords } from './reports'
import { decodeVersions, deleteStoredVersions, encodeVersion, putVersions } from './versionStore'

/** Automatic snapshots: at most one per this much editing time. */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60 * 1000

/** What the history list shows of a version; its content is read when it is compared or restored. */
export type VersionInfo = Omit<StoredVersion, 'reportChunks' | 'stateChunks'> & { seq: number }

const versionTables = () => [db.versions, db.chunks]

const byReport = (reportId: string) => db.versions.where('[reportId+createdAt]').between([reportId, -Infinity], [reportId, Infinity])

export async function addVersion(record: Pick<ReportRecord, 'id' | 'report' | 'editorState'>, reason: VersionReason, note = '', now = Date.now()): Promise<number> {
  const encoded = encodeVersion({ reportId: record.id, createdAt: now, reason, note, report: record.report, editorState: record.editorState })
  const [seq] = await db.transaction('rw', versionTables(), () => putVersions(db, [encoded]))
  return seq
}

/** Newest first, without their content. */
export async function listVersions(reportId: string): Promise<VersionInfo[]> {
  const rows = await byReport(reportId).toArray()
  return rows.reverse().map(({ reportChunks: _r, stateChunks: _s, ...info }) => info as VersionInfo)
}

/** One version, whole. */
export async function getVersion(seq: number): Promise<VersionRecord | undefined> {
  return db.transaction('r', versionTables(), async () => {
    const stored = await db.versions.get(seq)
    return stored ? (await decodeVersions(db, [stored]))[0] : undefined
  })
}

/** Removes the automatic versions of a report that its history can do without (thinning.ts). Inside a transaction over the version tables. */
async function thinIn(reportId: string, now: number): Promise<number> {
  const rows = await byReport(reportId).toArray()
  const drop = new Set(versionsToThin(rows.map((v) => ({ seq: v.seq!, createdAt: v.createdAt, reason: v.reason })), now))
  if (drop.size) await deleteStoredVersions(db, rows.filter((v) => drop.has(v.seq!)))
  return drop.size
}

export function thinVersions(reportId: string, now = Date.now()): Promise<number> {
  return db.transaction('rw', versionTables(), () => thinIn(reportId, now))
}

/** Index keys read per transaction by the thinning pass, so a save waits behind one short read at most. */
const THIN_SCAN_PAGE = 2000
/** The thinning pass goes on once the clerk has not written for this long (foreground.ts). */
const WRITING_QUIET_MS = 1000

/**
 * Thins the history of every report (run now and then, in the background: a report no longer
 * edited still has its last day's versions to thin). The histories that need it are found from the
 * index of thinnable versions alone (reason, report and time, read a page at a time); only those
 * get a read-write transaction. A pass that read every version, or took a transaction for each
 * history with a version by hand beside an automatic one of the same day, held up the clerk's
 * saves for seconds on a large archive, at every start.
 */
export async function thinAllVersions(now = Date.now(), { pageSize = THIN_SCAN_PAGE, quietMs = WRITING_QUIET_MS } = {}): Promise<number> {
  const candidates: string[] = []
  for (const reason of THINNABLE) {
    // Keys come sorted by report, then time: a report's history is whole once the next report's starts.
    let id: string | null = null
    let times: ThinnableVersion[] = []
    const consider = () => {
      if (id !== null && versionsToThin(times, now).length) candidates.push(id)
    }
    // Each page starts at the last key read, past the entries with that key already read (two
    // versions of the same millisecond share a key).
    let after: unknown[] = [reason, '', -Infinity]
    let seen = 0
    for (;;) {
      const from = db.versions.where('[reason+reportId+createdAt]').between(after, [reason, Dexie.maxKey], true, true)
      const page = (await from.offset(seen).limit(pageSize).keys()) as unknown as [VersionReason, string, number][]
      for (const [, reportId, createdAt] of page) {
        if (reportId !== id) {
          consider()
          id = reportId
          times = []
        }
        times.push({ seq: times.length, createdAt, reason })
      }
      if (page.length < pageSize) break
      const last = page[page.length - 1]
      const same = page.length - page.findIndex((k) => cmp(k, last) === 0)
      seen = cmp(last, after) === 0 ? seen + same : same
      after = last
    }
    consider()
  }
  let removed = 0
  for (const id of candidates) {
    await foregroundPause(quietMs)
    removed += await thinVersions(id, now)
  }
  return removed
}

/** Takes an automatic snapshot when the last one of this report is older than the interval. */
export async function maybeAutoVersion(reportId: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', [...versionTables(), db.reports, db.editorStates], async () => {
    const last = await byReport(reportId).last()
    if (last && now - last.createdAt < AUTO_VERSION_INTERVAL_MS) return false
    const [content, state] = await Promise.all([db.reports.get(reportId), db.editorStates.get(reportId)])
    if (!content) return false
    await putVersions(db, [encodeVersion({ reportId, createdAt: now, reason: 'auto', note: '', report: content.report, editorState: state?.json ?? null })])
    // A new snapshot is also when older ones of this report are thinned: the history stays short as it grows.
    await thinIn(reportId, now)
    return true
  })
}

/**
 * Puts a version's text back. The current text is never lost: it becomes a version
 * itself first. Returns the restored record.
 */
export async function restoreVersion(seq: number, now = Date.now()): Promise<ReportRecord> {
  const restored = await db.transaction('rw', [...versionTables(), ...reportTables()], async () => {
    const stored = await db.versions.get(seq)
    if (!stored) throw new Error('找不到这个版本。')
    const [version] = await decodeVersions(db, [stored])
    const [summary, content, state] = await Promise.all([db.summaries.get(version.reportId), db.reports.get(version.reportId), db.editorStates.get(version.reportId)])
    if (!summary || !content) throw new Error('这份总结已不存在。')
    const current = { reportId: summary.id, report: content.report, editorState: state?.json ?? null }
    await putVersions(db, [encodeVersion({ ...current, createdAt: now, reason: 'restore', note: `恢复到 ${new Date(version.createdAt).toLocaleString('zh-CN')} 的版本之前` })])
    const record = recordFor(version.report, version.editorState, { ...summary, status: 'draft' })
    await writeRecords([record])
    return record
  })
  announce({ ids: [restored.id] })
  return restored
}

/**
 * Finalizes reports (read-only from then on), each with a 'finalize' version of its text, a batch
 * per transaction. Reports already final are left as they are. Returns how many were finalized.
 */
export async function finalizeReports(ids: string[], now = Date.now(), batch = 25): Promise<number> {
  let finalized = 0
  for (let i = 0; i < ids.length; i += batch) {
    const done = await db.transaction('rw', [...versionTables(), ...reportTables()], async () => {
      const part = ids.slice(i, i + batch)
      const [summaries, contents, states] = await Promise.all([db.summaries.bulkGet(part), db.reports.bulkGet(part), db.editorStates.bulkGet(part)])
      const drafts = part.filter((_, k) => summaries[k]?.status === 'draft' && contents[k])
      const versions = part.flatMap((id, k) =>
        drafts.includes(id) ? [encodeVersion({ reportId: id, createdAt: now, reason: 'finalize', note: '定稿', report: contents[k]!.report, editorState: states[k]?.json ?? null })] : []
      )
      await putVersions(db, versions)
      await db.summaries.where('id').anyOf(drafts).modify({ status: 'final', updatedAt: now })
      return drafts
    })
    announce({ ids: done })
    finalized += done.length
  }
  return finalized
}

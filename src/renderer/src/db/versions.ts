import { db, type ReportRecord, type VersionReason, type VersionRecord } from './database'
import { recordFor } from './reports'

/** Automatic snapshots: at most one per this much editing time. */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60 * 1000

export async function addVersion(record: Pick<ReportRecord, 'id' | 'report' | 'editorState'>, reason: VersionReason, note = '', now = Date.now()): Promise<number> {
  return (await db.versions.add({ reportId: record.id, createdAt: now, reason, note, report: record.report, editorState: record.editorState })) as number
}

/** Newest first. */
export async function listVersions(reportId: string): Promise<VersionRecord[]> {
  const rows = await db.versions.where('[reportId+createdAt]').between([reportId, 0], [reportId, Infinity]).toArray()
  return rows.reverse()
}

/** Takes an automatic snapshot when the last one of this report is older than the interval. */
export async function maybeAutoVersion(reportId: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.reports, db.versions, async () => {
    const last = await db.versions.where('[reportId+createdAt]').between([reportId, 0], [reportId, Infinity]).last()
    if (last && now - last.createdAt < AUTO_VERSION_INTERVAL_MS) return false
    const record = await db.reports.get(reportId)
    if (!record) return false
    await addVersion(record, 'auto', '', now)
    return true
  })
}

/**
 * Puts a version's text back. The current text is never lost: it becomes a version
 * itself first. Returns the restored record.
 */
export async function restoreVersion(seq: number, now = Date.now()): Promise<ReportRecord> {
  return db.transaction('rw', db.reports, db.versions, async () => {
    const version = await db.versions.get(seq)
    if (!version) throw new Error('找不到这个版本。')
    const current = await db.reports.get(version.reportId)
    if (!current) throw new Error('这份总结已不存在。')
    await addVersion(current, 'restore', `恢复到 ${new Date(version.createdAt).toLocaleString('zh-CN')} 的版本之前`, now)
    const restored = recordFor(version.report, version.editorState, { ...current, status: 'draft' })
    await db.reports.put(restored)
    return restored
  })
}

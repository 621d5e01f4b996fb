import { emptyReport, type Report, type ReportMeta } from '@shared/doc/model'
import { reportLines, reportStats } from '@shared/doc/stats'
import { db, type ReportRecord } from './database'

/** The year a report covers, from its period or title (2024年上半年 → 2024). */
export function reportYear(meta: ReportMeta): number | null {
  const m = /(19|20)\d{2}/.exec(meta.period) ?? /(19|20)\d{2}/.exec(meta.title)
  return m ? Number(m[0]) : null
}

function newId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

export function recordFor(report: Report, editorState: string | null, base?: Partial<Pick<ReportRecord, 'id' | 'status' | 'createdAt' | 'deletedAt' | 'previousId'>>): ReportRecord {
  const now = Date.now()
  return {
    id: base?.id ?? newId(),
    status: base?.status ?? 'draft',
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
    deletedAt: base?.deletedAt ?? 0,
    ...(base?.previousId ? { previousId: base.previousId } : {}),
    report,
    editorState,
    title: report.meta.title,
    kind: report.meta.kind,
    year: reportYear(report.meta),
    unit: report.meta.unit,
    characters: reportStats(report).characters
  }
}

export async function createReport(report: Report = emptyReport(), base?: Parameters<typeof recordFor>[2]): Promise<ReportRecord> {
  const record = recordFor(report, null, base)
  await db.reports.add(record)
  return record
}

export async function saveReport(id: string, report: Report, editorState: string): Promise<void> {
  await db.transaction('rw', db.reports, async () => {
    const existing = await db.reports.get(id)
    if (!existing) throw new Error('这份总结已被删除，无法保存。')
    // A final report is read-only: a save reaching it (from a window still open elsewhere) must not change it.
    if (existing.status === 'final') throw new Error('这份总结已定稿，只读。')
    await db.reports.put(recordFor(report, editorState, existing))
  })
}

export function getReport(id: string): Promise<ReportRecord | undefined> {
  return db.reports.get(id)
}

/** Changes some fields of a report (Dexie's typed update() cannot express the recursive model). */
async function patch(id: string, changes: Partial<ReportRecord>): Promise<void> {
  await db.reports.where('id').equals(id).modify((r) => void Object.assign(r, changes))
}

/** How long a report stays in the trash before it is removed for good. */
export const TRASH_DAYS = 30

/** Moves a report to the trash; it can be restored for TRASH_DAYS days. */
export async function trashReport(id: string, now = Date.now()): Promise<void> {
  await patch(id, { deletedAt: now })
}

export async function restoreFromTrash(id: string): Promise<void> {
  await patch(id, { deletedAt: 0 })
}

/** Removes reports (and their versions) that have been in the trash longer than TRASH_DAYS. */
export async function purgeTrash(now = Date.now()): Promise<number> {
  const limit = now - TRASH_DAYS * 24 * 3600 * 1000
  return db.transaction('rw', db.reports, db.versions, async () => {
    const expired = await db.reports.where('deletedAt').between(1, limit, true, true).primaryKeys()
    await db.versions.where('reportId').anyOf(expired).delete()
    await db.reports.bulkDelete(expired)
    return expired.length
  })
}

export async function listTrash(): Promise<Omit<ReportRecord, 'report' | 'editorState'>[]> {
  const rows = await db.reports.where('deletedAt').above(0).toArray()
  rows.sort((a, b) => b.deletedAt - a.deletedAt)
  return rows.map(({ report: _r, editorState: _e, ...rest }) => rest)
}

export async function setStatus(id: string, status: ReportRecord['status']): Promise<void> {
  await patch(id, { status, updatedAt: Date.now() })
}

/** Live reports newest first, without their heavy content. */
export async function listReports(): Promise<Omit<ReportRecord, 'report' | 'editorState'>[]> {
  const rows = await db.reports.orderBy('updatedAt').reverse().filter((r) => !r.deletedAt).toArray()
  return rows.map(({ report: _r, editorState: _e, ...rest }) => rest)
}

/** Deletes a draft with no title and no text at all (never worth a place in the trash); returns whether it did. */
export async function discardIfBlank(id: string): Promise<boolean> {
  return db.transaction('rw', db.reports, db.versions, async () => {
    const r = await db.reports.get(id)
    if (!r || r.status !== 'draft' || r.title.trim() || r.characters > 0) return false
    if (reportLines(r.report).some((l) => l.trim())) return false
    await db.versions.where('reportId').equals(id).delete()
    await db.reports.delete(id)
    return true
  })
}

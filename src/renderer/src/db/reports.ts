/**
 * Reports: each one a summary row (what lists read), its model and its editor state, always
 * written together in one transaction. Lists and counts read summaries only; a report's content is
 * read one report at a time, when it is opened, exported or carried forward. Every change is
 * announced (changes.ts) once it has committed.
 */
import { emptyReport, type Report, type ReportMeta } from '@shared/doc/model'
import { reportLines, reportStats } from '@shared/doc/stats'
import { summaryOf } from '@shared/archive/records'
import { announce } from './changes'
import { db, type ArchiveDatabase, type ReportRecord, type ReportSummary } from './database'
import { noteClerkWriting } from './foreground'
import { deleteStoredVersions } from './versionStore'

/** A report's summary with its model: everything but the editor state. */
export type ReportWithModel = ReportSummary & { report: Report }

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

/** The tables one report lives in; a transaction that writes a report takes all three. */
export const reportTables = () => [db.summaries, db.reports, db.editorStates]

/** Writes whole records into their three tables. Call inside a transaction over reportTables(). */
export async function writeRecords(records: ReportRecord[], into: ArchiveDatabase = db): Promise<void> {
  await into.summaries.bulkPut(records.map(summaryOf))
  await into.reports.bulkPut(records.map((r) => ({ id: r.id, report: r.report })))
  const withState = records.filter((r) => r.editorState !== null)
  if (withState.length) await into.editorStates.bulkPut(withState.map((r) => ({ id: r.id, json: r.editorState! })))
  const withoutState = records.filter((r) => r.editorState === null).map((r) => r.id)
  if (withoutState.length) await into.editorStates.bulkDelete(withoutState)
}

/** Removes reports from their three tables, with their versions. Call inside a transaction over those and the version tables. */
async function deleteRecords(ids: string[]): Promise<void> {
  await deleteStoredVersions(db, await db.versions.where('reportId').anyOf(ids).toArray())
  await db.summaries.bulkDelete(ids)
  await db.reports.bulkDelete(ids)
  await db.editorStates.bulkDelete(ids)
}

export async function createReport(report: Report = emptyReport(), base?: Parameters<typeof recordFor>[2]): Promise<ReportRecord> {
  const record = recordFor(report, null, base)
  await db.transaction('rw', reportTables(), () => writeRecords([record]))
  announce({ ids: [record.id] })
  return record
}

/**
 * Adds many reports (an import), a batch per transaction and a pause between batches so the
 * window stays responsive; `onProgress` hears how many are in. Returns the new ids in order.
 */
export async function createReports(reports: Report[], onProgress?: (done: number) => void, batch = 50): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < reports.length; i += batch) {
    const records = reports.slice(i, i + batch).map((r) => recordFor(r, null))
    await db.transaction('rw', reportTables(), () => writeRecords(records))
    ids.push(...records.map((r) => r.id))
    announce({ ids: records.map((r) => r.id) })
    onProgress?.(ids.length)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return ids
}

export async function saveReport(id: string, report: Report, editorState: string): Promise<void> {
  noteClerkWriting()
  let idbTransaction: IDBTransaction | undefined
  await db
    .transaction('rw', reportTables(), async (tx) => {
      idbTransaction = tx.idbtrans
      const existing = await db.summaries.get(id)
      if (!existing) throw new Error('这份总结已被删除，无法保存。')
      // A final report is read-only: a save reaching it (from a window still open elsewhere) must not change it.
      if (existing.status === 'final') throw new Error('这份总结已定稿，只读。')
      await writeRecords([recordFor(report, editorState, existing)])
    })
    .catch((e: unknown) => {
      // A transaction aborted by the browser (a full disk) fails its next request with "the transaction
      // has finished"; its own error says why it ended, and that is what the clerk must be told.
      const reason = idbTransaction?.error
      if (reason?.name === 'QuotaExceededError') throw reason
      throw e
    })
  announce({ ids: [id] })
}

/** The whole record, to open it in the editor. */
export async function getReport(id: string): Promise<ReportRecord | undefined> {
  return db.transaction('r', reportTables(), async () => {
    const [summary, content, state] = await Promise.all([db.summaries.get(id), db.reports.get(id), db.editorStates.get(id)])
    if (!summary || !content) return undefined
    return { ...summary, report: content.report, editorState: state?.json ?? null }
  })
}

/** A report's summary and model, without the editor state (export, carry-forward, figures). */
export async function getReportModel(id: string): Promise<ReportWithModel | undefined> {
  return db.transaction('r', db.summaries, db.reports, async () => {
    const [summary, content] = await Promise.all([db.summaries.get(id), db.reports.get(id)])
    return summary && content ? { ...summary, report: content.report } : undefined
  })
}

export function getSummary(id: string): Promise<ReportSummary | undefined> {
  return db.summaries.get(id)
}

/** Changes some summary fields of reports. */
async function patch(ids: string[], changes: Partial<ReportSummary>): Promise<void> {
  await db.summaries.where('id').anyOf(ids).modify((r) => void Object.assign(r, changes))
  announce({ ids })
}

/** How long a report stays in the trash before it is removed for good. */
export const TRASH_DAYS = 30

/** Moves reports to the trash; they can be restored for TRASH_DAYS days. */
export async function trashReports(ids: string[], now = Date.now()): Promise<void> {
  await patch(ids, { deletedAt: now })
}

export async function trashReport(id: string, now = Date.now()): Promise<void> {
  await trashReports([id], now)
}

export async function restoreFromTrash(id: string): Promise<void> {
  await patch([id], { deletedAt: 0 })
}

/** Removes reports (and their versions) that have been in the trash longer than TRASH_DAYS. */
export async function purgeTrash(now = Date.now()): Promise<number> {
  const limit = now - TRASH_DAYS * 24 * 3600 * 1000
  const expired = await db.transaction('rw', [...reportTables(), db.versions, db.chunks], async () => {
    const ids = await db.summaries.where('deletedAt').between(1, limit, true, true).primaryKeys()
    if (ids.length) await deleteRecords(ids)
    return ids
  })
  announce({ ids: expired })
  return expired.length
}

/** The trash, most recently deleted first. */
export async function listTrash(): Promise<ReportSummary[]> {
  const rows = await db.summaries.where('deletedAt').above(0).toArray()
  return rows.sort((a, b) => b.deletedAt - a.deletedAt)
}

export async function setStatuses(ids: string[], status: ReportSummary['status'], now = Date.now()): Promise<void> {
  await patch(ids, { status, updatedAt: now })
}

export async function setStatus(id: string, status: ReportSummary['status']): Promise<void> {
  await setStatuses([id], status)
}

/** Live reports, newest first. */
export async function listReports(): Promise<ReportSummary[]> {
  const rows = await db.summaries.orderBy('updatedAt').reverse().toArray()
  return rows.filter((r) => !r.deletedAt)
}

/** Deletes a draft with no title and no text at all (never worth a place in the trash); returns whether it did. */
export async function discardIfBlank(id: string): Promise<boolean> {
  const discarded = await db.transaction('rw', [...reportTables(), db.versions, db.chunks], async () => {
    const r = await db.summaries.get(id)
    if (!r || r.status !== 'draft' || r.title.trim() || r.characters > 0) return false
    const content = await db.reports.get(id)
    if (content && reportLines(content.report).some((l) => l.trim())) return false
    await deleteRecords([id])
    return true
  })
  if (discarded) announce({ ids: [id] })
  return discarded
}

/** A report's words for comparing two reports: its title and its non-blank lines, whitespace aside. */
function fingerprint(report: Report): string {
  return [report.meta.title.trim(), ...reportLines(report).map((l) => l.replace(/\s+/g, '')).filter(Boolean)].join('\n')
}

/**
 * For each report, the id of a live report in the archive with the same title and the same text
 * (an import of a file already imported), or null. Reads summaries, and the models of same-titled ones only.
 */
export async function findDuplicates(reports: Report[]): Promise<(string | null)[]> {
  const titles = new Set(reports.map((r) => r.meta.title.trim()).filter(Boolean))
  const sameTitle = new Map<string, string[]>()
  for (const s of await db.summaries.toArray()) {
    if (s.deletedAt || !titles.has(s.title.trim())) continue
    sameTitle.set(s.title.trim(), [...(sameTitle.get(s.title.trim()) ?? []), s.id])
  }
  const prints = new Map<string, string>()
  for (const id of [...sameTitle.values()].flat()) {
    const content = await db.reports.get(id)
    if (content) prints.set(fingerprint(content.report), id)
  }
  return reports.map((r) => prints.get(fingerprint(r)) ?? null)
}

import { emptyReport, type Report } from '@shared/doc/model'
import type { OfficeStatus, PublishedReport } from '@shared/office/ipc'
import { createReport, getReport, saveReport, setStatus } from '../../db/reports'
import { officeDb } from './officeDb'

/**
 * Brings this desk in step with the office server: the reports shared with the clerk (each gets a
 * local record and a link, so it shows among the drafts and opens as a shared report), and the
 * office archive (published reports come in as final, read-only records marked 办公室).
 * Answers the ids of the records it added or changed.
 */
export async function syncWithOffice(status: OfficeStatus): Promise<string[]> {
  if (!status.signedIn || !status.server || !status.user) return []
  const server = status.server
  const changed: string[] = []

  const { reports } = await window.api.officeSharedReports()
  const listed = new Set(reports.map((r) => r.id))
  for (const r of reports) {
    const link = { reportId: r.id, server, role: r.role, ownerId: r.ownerId, ownerName: r.ownerName, limited: r.limited, title: r.title }
    const known = await officeDb.links.get(r.id)
    if (JSON.stringify(known) !== JSON.stringify(link)) await officeDb.links.put(link)
    // A report shared with this clerk and never opened here: an empty record, filled from the shared document on opening.
    if (!(await getReport(r.id)) && !(await officeDb.received.get(r.id))) {
      await createReport(emptyReport({ title: r.title || '共享报告' }), { id: r.id })
      changed.push(r.id)
    }
  }
  // No longer shared with this clerk: the local copy stays, as an ordinary report of their own.
  for (const link of await officeDb.links.where('server').equals(server).toArray()) {
    if (!listed.has(link.reportId)) await officeDb.links.delete(link.reportId)
  }

  const cursorKey = `archive:${server}:${status.user.id}`
  let cursor = (await officeDb.state.get(cursorKey))?.value ?? 0
  for (let page = 0; page < 100; page++) {
    const feed = await window.api.officeArchive({ since: cursor })
    for (const item of feed.items) if (await receive(server, status.user.id, item)) changed.push(item.reportId)
    cursor = feed.cursor
    await officeDb.state.put({ key: cursorKey, value: cursor })
    if (!feed.more) break
  }
  return changed
}

/** A published report into the local archive, final and marked 办公室; this desk's own reports are left alone. */
async function receive(server: string, userId: string, item: PublishedReport): Promise<boolean> {
  const existing = await getReport(item.reportId)
  const link = await officeDb.links.get(item.reportId)
  const ours = existing && !(await officeDb.received.get(item.reportId)) && (!link || link.ownerId === userId)
  if (ours) return false
  const report: Report = { ...item.report, meta: { ...item.report.meta, title: item.report.meta.title || item.title } }
  if (!existing) await createReport(report, { id: item.reportId, status: 'final' })
  else {
    // Published again, or finalised by the owner of a report shared with this clerk: the published text replaces it.
    if (existing.status === 'final') await setStatus(item.reportId, 'draft')
    await saveReport(item.reportId, report, '')
    await setStatus(item.reportId, 'final')
  }
  await officeDb.transaction('rw', officeDb.links, officeDb.received, async () => {
    await officeDb.links.delete(item.reportId)
    await officeDb.received.put({ reportId: item.reportId, server, seq: item.seq, publisher: item.publisher, publishedAt: item.publishedAt })
  })
  return true
}

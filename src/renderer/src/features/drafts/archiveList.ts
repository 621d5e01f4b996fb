import type { ReportSummary } from '@shared/archive/records'
import { onArchiveChange } from '../../db/changes'
import { db } from '../../db/database'
import { listReports, listTrash } from '../../db/reports'

export interface ArchiveLists {
  /** Live reports, most recently changed first. */
  reports: ReportSummary[]
  /** The trash, most recently deleted first. */
  trash: ReportSummary[]
}

/** Where `row` goes in `rows` sorted by `key` descending (binary search: the lists hold thousands). */
function insertionPoint(rows: ReportSummary[], row: ReportSummary, key: 'updatedAt' | 'deletedAt'): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (rows[mid][key] > row[key]) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The lists with these reports replaced by their current summaries (or removed, when gone). */
export function patchLists(lists: ArchiveLists, ids: ReadonlySet<string>, current: (ReportSummary | undefined)[]): ArchiveLists {
  const reports = lists.reports.filter((r) => !ids.has(r.id))
  const trash = lists.trash.filter((r) => !ids.has(r.id))
  for (const row of current) {
    if (!row) continue
    if (row.deletedAt) trash.splice(insertionPoint(trash, row, 'deletedAt'), 0, row)
    else reports.splice(insertionPoint(reports, row, 'updatedAt'), 0, row)
  }
  return { reports, trash }
}

/**
 * The archive's summaries for every list (the sidebar, the library, the new-report dialog): read
 * once from the summary table, then kept current from the archive's change announcements, reading
 * only the summaries of the reports that changed. A save touches one row, never the table.
 * Returns the unsubscribe.
 */
export function followArchive(publish: (lists: ArchiveLists) => void, current: () => ArchiveLists, after: Promise<unknown> = Promise.resolve()): () => void {
  let live = true
  const refresh = async () => {
    const [reports, trash] = await Promise.all([listReports(), listTrash()])
    if (live) publish({ reports, trash })
  }
  // The first read waits for `after` (the last draft opening), so its thousands of rows do not
  // queue ahead of the one the clerk waits for. Changes arriving before it is done are applied
  // after it, in order.
  let ready: Promise<void> = after
    .catch(() => undefined)
    .then(refresh)
    .catch((e: unknown) => console.error('archive list', e))
  const off = onArchiveChange((change) => {
    // Each change waits for the one before; a failed read is logged and the next one still runs.
    ready = ready
      .then(async () => {
        if (!live) return
        if ('all' in change) return refresh()
        const rows = await db.summaries.bulkGet(change.ids)
        if (live) publish(patchLists(current(), new Set(change.ids), rows))
      })
      .catch((e: unknown) => console.error('archive list', e))
  })
  return () => {
    live = false
    off()
  }
}

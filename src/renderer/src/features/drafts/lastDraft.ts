import { db } from '../../db/database'
import { purgeTrash } from '../../db/reports'
import { clearStaging } from '../../db/restore'
import { loadSession, type SessionState } from '../../db/session'
import { thinAllVersions } from '../../db/versions'

/** Housekeeping waits this long after start, so it never competes with opening the draft. */
const HOUSEKEEPING_DELAY_MS = 15_000

/** The report to reopen: the session's, if it is still there and not in the trash, else the most recently changed one. */
export async function draftToReopen(): Promise<{ id: string; session?: SessionState } | null> {
  const session = await loadSession()
  if (session.reportId) {
    const summary = await db.summaries.get(session.reportId)
    if (summary && !summary.deletedAt) return { id: summary.id, session }
  }
  const newest = await db.summaries.orderBy('updatedAt').reverse().filter((s) => !s.deletedAt).first()
  return newest ? { id: newest.id } : null
}

/**
 * Housekeeping after start: emptying the trash, thinning old versions and clearing what an
 * interrupted restore left, run once the last draft is open and the clerk has started (see
 * openReport.start). Returns the cancel.
 */
export function scheduleHousekeeping(delay = HOUSEKEEPING_DELAY_MS): () => void {
  const later = setTimeout(() => {
    void (async () => {
      await clearStaging(db)
      await purgeTrash()
      await thinAllVersions()
    })().catch((e: unknown) => console.error('housekeeping', e))
  }, delay)
  return () => clearTimeout(later)
}

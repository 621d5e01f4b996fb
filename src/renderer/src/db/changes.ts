/**
 * What changed in the archive, announced by the functions that change it once their transaction
 * has committed. The lists (features/drafts/useArchiveList) re-read just those summaries; the
 * search client passes the ids to its worker, which re-reads just those reports.
 */
export type ArchiveChange =
  /** These reports were added, saved, trashed, restored, finalized or removed. */
  | { ids: string[] }
  /** Anything may have changed (a backup was restored): read everything again. */
  | { all: true }

type Listener = (change: ArchiveChange) => void

const listeners = new Set<Listener>()

export function announce(change: ArchiveChange): void {
  if ('ids' in change && change.ids.length === 0) return
  for (const listener of [...listeners]) {
    try {
      listener(change)
    } catch (e) {
      console.error('archive change listener', e)
    }
  }
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function onArchiveChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * What the search worker does with each message, one at a time in arrival order (a search always
 * sees every change sent before it), around one ArchiveIndex. Kept apart from the worker file so
 * it runs in Node tests over fake-indexeddb.
 */
import type { SearchRequest, SearchResponse } from '@shared/search/protocol'
import type { ArchiveDatabase } from '../../db/database'
import { ArchiveIndex } from './archiveIndex'

/** After this long without a change, a snapshot is saved if enough changed. */
const SAVE_WHEN_IDLE_MS = 10_000
/** The idle work starts this long after the index is loaded, once the window's own start is over. */
const SETTLE_AFTER_MS = 1500

export function createWorkerHandler(db: ArchiveDatabase, post: (response: SearchResponse) => void, options: { saveWhenIdleMs?: number; settleAfterMs?: number } = {}): (req: SearchRequest) => Promise<void> {
  const archive = new ArchiveIndex(db, (p) => post({ type: 'progress', requestId: 0, ...p }))
  const started = archive.start().catch(async (e: unknown) => {
    console.error('search index: the saved index could not be loaded; rebuilding', e)
    await archive.rebuild()
  })
  let queue: Promise<unknown> = started
  let saveTimer: ReturnType<typeof setTimeout> | undefined

  // The loaded index's idle work, a short step at a time between requests: a search waits for one step at most.
  const settle = () => {
    queue = queue.then(() => {
      try {
        if (archive.settle()) setTimeout(settle, 0)
      } catch (e) {
        // Never in the queue's way: a text not yet made is made when a search needs it.
        console.error('search index: idle work failed', e)
      }
    })
  }
  // A start that failed (the database closed under it) has nothing to settle; the requests report the failure.
  void started.then(
    () => setTimeout(settle, options.settleAfterMs ?? SETTLE_AFTER_MS),
    () => undefined
  )

  const scheduleSave = () => {
    clearTimeout(saveTimer)
    if (!archive.wantsSave) return
    saveTimer = setTimeout(() => {
      queue = queue.then(() => archive.save()).catch((e: unknown) => console.error('search index: save failed', e))
    }, options.saveWhenIdleMs ?? SAVE_WHEN_IDLE_MS)
  }

  const answer = async (req: SearchRequest): Promise<SearchResponse> => {
    const t0 = performance.now()
    switch (req.type) {
      case 'changed':
        await archive.changed(req.ids)
        scheduleSave()
        return { type: 'done', requestId: req.requestId, tookMs: performance.now() - t0, docs: archive.index.size }
      case 'rebuild':
        await archive.rebuild()
        return { type: 'done', requestId: req.requestId, tookMs: performance.now() - t0, docs: archive.index.size }
      case 'search': {
        const { hits, total } = archive.search(req.query, req.filter, req.limit)
        return { type: 'results', requestId: req.requestId, query: req.query, hits, total, tookMs: performance.now() - t0 }
      }
    }
  }

  return (req) => {
    const done = queue.then(() => answer(req)).then(post, (e: unknown) => post({ type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) }))
    queue = done
    return done
  }
}

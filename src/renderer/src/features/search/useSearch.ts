import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { createStore, type Store } from '../../app/store'
import { onArchiveChange } from '../../db/changes'
import { takeSearchWorker } from './earlyWorker'
import { createSearchClient, type IndexProgress, type SearchClient } from './searchClient'

export interface SearchIndexHandle {
  client: () => SearchClient | null
  /**
   * While the worker builds or catches up its index (after an upgrade or a restore): how far it is.
   * A store, so its many steps re-render only what shows them, not the app.
   */
  progress: Store<{ building: IndexProgress | null }>
}

/**
 * One search worker for the app. It reads the archive itself, from IndexedDB, and loads its saved
 * index: nothing here reads a report. Every change to the archive (db/changes.ts) is passed on, so
 * the index follows saves, imports, trash and restores report by report.
 */
export function useSearchIndex(): SearchIndexHandle {
  const ref = useRef<SearchClient | null>(null)
  const [progress] = useState(() => createStore<{ building: IndexProgress | null }>({ building: null }))
  useEffect(() => {
    const client = createSearchClient(takeSearchWorker)
    ref.current = client
    const offProgress = client.onProgress((p) => progress.set({ building: p.done < p.total ? p : null }))
    const offChanges = onArchiveChange((change) => {
      const done = 'all' in change ? client.rebuild() : client.changed(change.ids)
      done.catch((e: unknown) => console.error('search index', e))
    })
    return () => {
      offChanges()
      offProgress()
      client.dispose()
      ref.current = null
    }
  }, [progress])
  // Stable: the search box searches again when its client changes, and App re-renders often.
  const client = useCallback(() => ref.current, [])
  return useMemo(() => ({ client, progress }), [client, progress])
}

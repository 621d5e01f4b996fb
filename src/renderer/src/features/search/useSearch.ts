import { useCallback, useEffect, useRef } from 'react'
import { db } from '../../db/database'
import { createSearchClient, searchDocFromRecord, type SearchClient } from './searchClient'

export interface SearchIndexHandle {
  client: () => SearchClient | null
  /** Re-reads one report after it changed (saved, restored from the trash…). */
  refresh: (id: string) => Promise<void>
  remove: (id: string) => Promise<void>
  /** Rebuilds from the whole archive (after an import or a restore). */
  reloadAll: () => Promise<void>
}

/**
 * One search worker for the app, fed from the archive. The index lives in the worker, so
 * building it (a few seconds for thousands of reports) never freezes the window.
 */
export function useSearchIndex(): SearchIndexHandle {
  const ref = useRef<SearchClient | null>(null)
  const reloadAll = useCallback(async () => {
    const c = ref.current
    if (!c) return
    const records = await db.reports.where('deletedAt').equals(0).toArray()
    await c.load(records.map(searchDocFromRecord))
  }, [])
  useEffect(() => {
    ref.current = createSearchClient()
    void reloadAll().catch((e: unknown) => console.error('search index', e))
    return () => {
      ref.current?.dispose()
      ref.current = null
    }
  }, [reloadAll])
  const refresh = useCallback(async (id: string) => {
    const record = await db.reports.get(id)
    if (!ref.current) return
    if (record && !record.deletedAt) await ref.current.upsert(searchDocFromRecord(record))
    else await ref.current.remove(id)
  }, [])
  const remove = useCallback(async (id: string) => {
    await ref.current?.remove(id)
  }, [])
  return { client: () => ref.current, refresh, remove, reloadAll }
}

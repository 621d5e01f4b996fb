/**
 * A typed wrapper around the search worker.
 *
 * Latest query wins: at most one search is with the worker at a time. A search asked for while
 * another runs waits; if a newer one comes before it starts, it is never run, and every caller
 * still waiting resolves with the newest search's result (its `query` says which query the hits
 * are for). So no promise is left hanging, a stale result never arrives after a fresh one, and
 * the worker never works through a backlog of half-typed queries.
 */
import type { SearchRequest, SearchResponse } from '@shared/search/protocol'
import type { SearchFilter, SearchHit } from '@shared/search/types'

export type { SearchFilter, SearchHit } from '@shared/search/types'

export interface SearchOutcome {
  /** The query these hits answer: a newer one than asked for when the search was superseded. */
  query: string
  hits: SearchHit[]
  /** Matching reports before the limit. */
  total: number
  /** Time the worker spent on the query. */
  tookMs: number
}

/** The worker building or catching up its index: reports indexed so far, out of how many. */
export interface IndexProgress {
  done: number
  total: number
}

export interface SearchClient {
  /** These reports changed in the database; resolves once the worker has indexed them. */
  changed(ids: string[]): Promise<void>
  /** Everything may have changed (a restore): the worker rebuilds from the database. */
  rebuild(): Promise<void>
  search(query: string, filter?: SearchFilter, limit?: number): Promise<SearchOutcome>
  /** Progress of a build or catch-up (a search waits for it); returns the unsubscribe function. */
  onProgress(listener: (p: IndexProgress) => void): () => void
  /** Stops the worker; pending promises reject. */
  dispose(): void
}

/** The part of Worker the client uses (a fake stands in for it in tests). */
export interface WorkerLike {
  postMessage(message: SearchRequest): void
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

interface Waiter<T> {
  resolve: (value: T) => void
  reject: (error: Error) => void
}

type SearchArgs = { query: string; filter?: SearchFilter; limit?: number }

export function createSearchClient(makeWorker: () => WorkerLike): SearchClient {
  const worker = makeWorker()
  let nextId = 1
  let disposed = false
  const pending = new Map<number, Waiter<void>>()
  let searchInFlight: number | null = null
  let queuedSearch: SearchArgs | null = null
  let searchWaiters: Waiter<SearchOutcome>[] = []
  const progressListeners = new Set<(p: IndexProgress) => void>()

  const send = (req: SearchRequest): void => worker.postMessage(req)

  const startSearch = (args: SearchArgs): void => {
    searchInFlight = nextId++
    send({ type: 'search', requestId: searchInFlight, ...args })
  }

  /** The in-flight search answered: run the queued one if any, else settle everyone waiting. */
  const searchFinished = (settle: (w: Waiter<SearchOutcome>) => void): void => {
    searchInFlight = null
    if (queuedSearch) {
      const args = queuedSearch
      queuedSearch = null
      startSearch(args)
      return
    }
    const waiters = searchWaiters
    searchWaiters = []
    waiters.forEach(settle)
  }

  worker.onmessage = (event) => {
    const msg = event.data
    if (msg.type === 'progress') {
      for (const l of progressListeners) l({ done: msg.done, total: msg.total })
      return
    }
    if (msg.requestId === searchInFlight) {
      if (msg.type === 'results') searchFinished((w) => w.resolve({ query: msg.query, hits: msg.hits, total: msg.total, tookMs: msg.tookMs }))
      else if (msg.type === 'error') searchFinished((w) => w.reject(new Error(msg.message)))
      return
    }
    const waiter = pending.get(msg.requestId)
    if (!waiter) return
    pending.delete(msg.requestId)
    if (msg.type === 'error') waiter.reject(new Error(msg.message))
    else waiter.resolve()
  }

  const failAll = (error: Error): void => {
    for (const w of pending.values()) w.reject(error)
    pending.clear()
    for (const w of searchWaiters) w.reject(error)
    searchWaiters = []
    searchInFlight = null
    queuedSearch = null
  }

  // A worker that failed to load or crashed answers nothing more.
  worker.onerror = (event) => failAll(new Error(`search worker failed: ${event.message}`))

  const request = (make: (requestId: number) => SearchRequest): Promise<void> => {
    if (disposed) return Promise.reject(new Error('search client disposed'))
    const requestId = nextId++
    return new Promise<void>((resolve, reject) => {
      pending.set(requestId, { resolve, reject })
      send(make(requestId))
    })
  }

  return {
    changed: (ids) => request((requestId) => ({ type: 'changed', requestId, ids })),
    rebuild: () => request((requestId) => ({ type: 'rebuild', requestId })),
    onProgress(listener) {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
    },
    search(query, filter, limit) {
      if (disposed) return Promise.reject(new Error('search client disposed'))
      return new Promise<SearchOutcome>((resolve, reject) => {
        searchWaiters.push({ resolve, reject })
        if (searchInFlight === null) startSearch({ query, filter, limit })
        else queuedSearch = { query, filter, limit }
      })
    },
    dispose() {
      if (disposed) return
      disposed = true
      worker.terminate()
      failAll(new Error('search client disposed'))
    }
  }
}

/**
 * What the library's search box shows and when it asks the search worker. In: the box's text, an
 * IME's composition, the library's filter. Out: the answer to the latest question only.
 *
 * When: a key after a pause is searched at once, the keys of a burst once it ends (queryPacing.ts);
 * an IME's pinyin never (only its committed word); a new filter at once. An answer to a question
 * since superseded is dropped, so a slow early answer never replaces a later one on screen.
 */
import { createStore, type Store } from '../../app/store'
import { createQueryPacer, type QueryPacer } from './queryPacing'
import type { SearchClient, SearchFilter, SearchOutcome } from './searchClient'

/** Hits asked for and shown: more than a clerk reads, few enough to show at once. */
export const HITS_SHOWN = 50

export interface SearchBoxState {
  query: string
  /** True while an IME composes: the box then holds pinyin, not the words to search. */
  composing: boolean
  result: SearchOutcome | null
  error: string | null
}

export interface SearchController {
  store: Store<SearchBoxState>
  /** The box's text changed: a key, a paste, a deletion. */
  type(value: string): void
  /** An IME started composing, or committed `value`. */
  compose(composing: boolean, value?: string): void
  /** The library's filter changed, or the way to the worker's client (asked at each search: null until it is there). */
  setContext(client: () => SearchClient | null, filter: SearchFilter): void
  /** Forgets any question not yet answered (the box is going away). */
  cancel(): void
}

interface Timers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) }

export function createSearchController(pacer: QueryPacer = createQueryPacer(), timers: Timers = realTimers): SearchController {
  const store = createStore<SearchBoxState>({ query: '', composing: false, result: null, error: null })
  let client: () => SearchClient | null = () => null
  let filter: SearchFilter = {}
  let pending: unknown
  /** Bumped by every new question: an answer carrying an older number is dropped. */
  let asked = 0

  const cancel = () => {
    asked++
    if (pending !== undefined) timers.clear(pending)
    pending = undefined
  }

  const ask = (wait: number) => {
    cancel()
    const { query, composing } = store.get()
    const q = query.trim()
    const c = client()
    if (!q || !c) return store.set({ result: null, error: null })
    if (composing) return
    const mine = asked
    const f = filter
    const send = () => {
      pending = undefined
      c.search(q, f, HITS_SHOWN).then(
        (r) => {
          if (mine === asked && r.query === q) store.set({ result: r, error: null })
        },
        (e: unknown) => {
          if (mine === asked) store.set({ error: e instanceof Error ? e.message : String(e) })
        }
      )
    }
    // Nothing to wait for: sent now, not a timer's turn later.
    if (wait > 0) pending = timers.set(send, wait)
    else send()
  }

  const type = (value: string) => {
    if (store.get().composing) return store.set({ query: value })
    const wait = pacer.delayFor()
    store.set({ query: value })
    ask(wait)
  }

  return {
    store,
    type,
    compose(composing, value) {
      if (composing) {
        cancel()
        store.set({ composing: true })
        return
      }
      store.set({ composing: false })
      type(value ?? store.get().query)
    },
    setContext(nextClient, nextFilter) {
      client = nextClient
      filter = nextFilter
      ask(0)
    },
    cancel
  }
}

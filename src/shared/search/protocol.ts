/**
 * The messages between the renderer and the search worker, in one place so both ends are
 * typed from the same source. Every request carries a requestId; the worker answers each with
 * exactly one response of the same requestId (`results`, `done` or `error`). `progress` comes
 * unasked while the worker builds or catches up its index.
 */
import type { Report } from '../doc/model'
import type { SearchFacets, SearchFilter, SearchHit } from './types'

export interface SearchDoc {
  id: string
  report: Report
  facets: SearchFacets
}

export type SearchRequest =
  /** These reports changed in the database: the worker reads them again itself. */
  | { type: 'changed'; requestId: number; ids: string[] }
  /** Anything may have changed (a backup was restored): rebuild from the database. */
  | { type: 'rebuild'; requestId: number }
  | { type: 'search'; requestId: number; query: string; filter?: SearchFilter; limit?: number }

export type SearchResponse =
  | { type: 'results'; requestId: number; query: string; hits: SearchHit[]; total: number; tookMs: number }
  /** Answer to changed/rebuild: the index reflects the change. */
  | { type: 'done'; requestId: number; tookMs: number; docs: number }
  | { type: 'error'; requestId: number; message: string }
  /** Unasked: reports indexed so far while the index is being built or brought up to date. */
  | { type: 'progress'; requestId: 0; done: number; total: number }

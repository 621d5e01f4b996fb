/**
 * The messages between the renderer and the search worker, in one place so both ends are
 * typed from the same source. Every request carries a requestId; the worker answers each with
 * exactly one response of the same requestId (`results`, `done` or `error`).
 */
import type { Report } from '../doc/model'
import type { SearchFacets, SearchFilter, SearchHit } from './types'

export interface SearchDoc {
  id: string
  report: Report
  facets: SearchFacets
}

export type SearchRequest =
  /** Replaces the whole index with these reports. */
  | { type: 'load'; requestId: number; docs: SearchDoc[] }
  | { type: 'upsert'; requestId: number; doc: SearchDoc }
  | { type: 'remove'; requestId: number; id: string }
  | { type: 'search'; requestId: number; query: string; filter?: SearchFilter; limit?: number }

export type SearchResponse =
  | { type: 'results'; requestId: number; query: string; hits: SearchHit[]; total: number; tookMs: number }
  /** Answer to load/upsert/remove: the index reflects the change. */
  | { type: 'done'; requestId: number; tookMs: number; docs: number }
  | { type: 'error'; requestId: number; message: string }

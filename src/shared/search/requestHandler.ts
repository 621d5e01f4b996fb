import type { SearchRequest, SearchResponse } from './protocol'
import { SearchIndex } from './searchIndex'

/**
 * What the search worker does with each message, without the worker: one index, one answer
 * per request. Kept apart from the worker file so it runs (and is tested) in Node too.
 */
export function createRequestHandler(): (req: SearchRequest) => SearchResponse {
  let index = new SearchIndex()
  const answer = (req: SearchRequest): SearchResponse => {
    const t0 = performance.now()
    const done = (): SearchResponse => ({ type: 'done', requestId: req.requestId, tookMs: performance.now() - t0, docs: index.size })
    switch (req.type) {
      case 'load': {
        const next = new SearchIndex()
        next.load(req.docs)
        index = next
        return done()
      }
      case 'upsert':
        index.upsert(req.doc.id, req.doc.report, req.doc.facets)
        return done()
      case 'remove':
        index.remove(req.id)
        return done()
      case 'search': {
        const { hits, total } = index.query(req.query, { filter: req.filter, limit: req.limit })
        return { type: 'results', requestId: req.requestId, query: req.query, hits, total, tookMs: performance.now() - t0 }
      }
    }
  }
  return (req) => {
    try {
      return answer(req)
    } catch (err) {
      return { type: 'error', requestId: req.requestId, message: err instanceof Error ? err.message : String(err) }
    }
  }
}

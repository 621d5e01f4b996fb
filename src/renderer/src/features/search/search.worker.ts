/**
 * The search index lives here, off the renderer's main thread: building it over an office's
 * whole archive takes seconds, and no keystroke should wait for that. Messages are handled one
 * at a time in arrival order, so a search always sees every upsert sent before it.
 */
import { SearchIndex } from '@shared/search/searchIndex'
import type { SearchRequest, SearchResponse } from '@shared/search/protocol'

// The web tsconfig has the DOM lib, not the worker one: type just the two members used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null
  postMessage(message: SearchResponse): void
}

let index = new SearchIndex()

function handle(req: SearchRequest): SearchResponse {
  const t0 = performance.now()
  switch (req.type) {
    case 'load': {
      const next = new SearchIndex()
      for (const doc of req.docs) next.upsert(doc.id, doc.report, doc.facets)
      index = next
      return { type: 'done', requestId: req.requestId, tookMs: performance.now() - t0, docs: index.size }
    }
    case 'upsert':
      index.upsert(req.doc.id, req.doc.report, req.doc.facets)
      return { type: 'done', requestId: req.requestId, tookMs: performance.now() - t0, docs: index.size }
    case 'remove':
      index.remove(req.id)
      return { type: 'done', requestId: req.requestId, tookMs: performance.now() - t0, docs: index.size }
    case 'search': {
      const { hits, total } = index.query(req.query, { filter: req.filter, limit: req.limit })
      return { type: 'results', requestId: req.requestId, query: req.query, hits, total, tookMs: performance.now() - t0 }
    }
  }
}

scope.onmessage = (event) => {
  const req = event.data
  try {
    scope.postMessage(handle(req))
  } catch (err) {
    scope.postMessage({ type: 'error', requestId: req.requestId, message: err instanceof Error ? err.message : String(err) })
  }
}

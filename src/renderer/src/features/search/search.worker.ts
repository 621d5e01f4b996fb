/**
 * The search index lives here, off the renderer's main thread: building it over an office's
 * whole archive takes seconds, and no keystroke should wait for that. Messages are handled one
 * at a time in arrival order, so a search always sees every upsert sent before it.
 */
import type { SearchRequest, SearchResponse } from '@shared/search/protocol'
import { createRequestHandler } from '@shared/search/requestHandler'

// The web tsconfig has the DOM lib, not the worker one: type just the two members used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null
  postMessage(message: SearchResponse): void
}

const handle = createRequestHandler()

scope.onmessage = (event) => scope.postMessage(handle(event.data))

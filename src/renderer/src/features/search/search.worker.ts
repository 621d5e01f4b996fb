/**
 * The search index lives here, off the renderer's main thread: it reads the reports it needs from
 * IndexedDB itself (their models, never the editor states), loads its saved snapshot at start
 * instead of building it again, and keeps itself current as the app says what changed.
 */
import type { SearchRequest, SearchResponse } from '@shared/search/protocol'
import { ArchiveDatabase, DB_NAME } from '../../db/database'
import { createWorkerHandler } from './workerHandler'

// The web tsconfig has the DOM lib, not the worker one: type just the two members used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null
  postMessage(message: SearchResponse): void
}

const handle = createWorkerHandler(new ArchiveDatabase(DB_NAME), (r) => scope.postMessage(r))

scope.onmessage = (event) => void handle(event.data)

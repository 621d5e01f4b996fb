/**
 * The search worker, started as soon as the page's script runs instead of after the first render:
 * it reads its saved index at start (half a second at 5,000 reports), so the sooner it starts, the
 * sooner a first search is answered. The app's search client takes it over (useSearch.ts).
 */
import type { WorkerLike } from './searchClient'

let early: WorkerLike | null = null

function startSearchWorker(): WorkerLike {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike
}

/** Starts the worker now, for takeSearchWorker to hand over later. */
export function startSearchWorkerEarly(): void {
  early ??= startSearchWorker()
}

/** The worker started early, or a new one (a second client, or none was started). */
export function takeSearchWorker(): WorkerLike {
  const w = early ?? startSearchWorker()
  early = null
  return w
}

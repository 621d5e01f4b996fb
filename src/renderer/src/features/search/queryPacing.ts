/**
 * When the search box searches. Keys closer together than BURST_MS belong to one burst (a word
 * typed in one go, a held key) and are searched once, BURST_MS after the last of them; a key after
 * a pause is searched at once. So the first character a clerk types, or an IME's committed word,
 * shows results as soon as the worker answers (3–15 ms on 5,000 reports), and a burst never queues
 * a search per key (the worker also drops superseded queries itself).
 */
export const BURST_MS = 50

export interface QueryPacer {
  /** Called at each change of the query: how long to wait before searching it. */
  delayFor(): number
}

export function createQueryPacer(now: () => number = () => performance.now()): QueryPacer {
  let last = -Infinity
  return {
    delayFor() {
      const t = now()
      const gap = t - last
      last = t
      return gap > BURST_MS ? 0 : BURST_MS
    }
  }
}

/**
 * The clerk's own writes come first. A save marks the moment; a background pass over the archive
 * (thinning old versions) waits for a pause in them before each of its transactions, so a save
 * never queues behind a run of them (the first pass after restoring 5,000 reports thins thousands
 * of histories, and saves made meanwhile took three times as long).
 */
let lastWrite = -Infinity

/** A write the clerk is waiting for (an autosave) is starting. */
export function noteForegroundWrite(now = performance.now()): void {
  lastWrite = now
}

/** Resolves once no foreground write has started for `quietMs`. */
export async function foregroundPause(quietMs: number): Promise<void> {
  for (let wait = lastWrite + quietMs - performance.now(); wait > 0; wait = lastWrite + quietMs - performance.now()) {
    await new Promise<void>((resolve) => setTimeout(resolve, wait))
  }
}

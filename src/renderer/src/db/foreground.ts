/**
 * The clerk's own writes come first. Each change to the text (a save follows within a second) and
 * each save marks the moment; a background pass over the archive (thinning old versions) waits for
 * a pause before each of its transactions, so a save does not queue behind them or share the
 * database with them. The first pass after restoring a large archive thins a history per report,
 * and saves made meanwhile took up to three times as long.
 */
let lastWrite = -Infinity

/** The clerk changed the text (a save is coming) or a save is starting. */
export function noteClerkWriting(now = performance.now()): void {
  lastWrite = now
}

/** Resolves once the clerk has not written for `quietMs`. */
export async function foregroundPause(quietMs: number): Promise<void> {
  for (;;) {
    const wait = lastWrite + quietMs - performance.now()
    if (wait <= 0) return
    await new Promise<void>((resolve) => setTimeout(resolve, wait))
  }
}

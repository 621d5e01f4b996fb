/**
 * The child side of the crash tests (see crash-harness.ts): node:fs/promises that reports each
 * open on stdout (synchronous to a pipe on Linux, so the parent sees it before anything else
 * happens) and, in 'slow' mode, writes in 64 KB pieces 4 ms apart — a USB stick, which widens
 * the window in which a kill lands mid-write.
 */
import * as fs from 'node:fs/promises'

export type WriteSpeed = 'slow' | 'fast'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

export function instrumentedFs(speed: WriteSpeed): typeof fs {
  return {
    ...fs,
    open: (async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args)
      say('open')
      if (speed === 'slow') {
        handle.writeFile = async (data: string | Uint8Array) => {
          const bytes = typeof data === 'string' ? Buffer.from(data) : data
          for (let off = 0; off < bytes.length; off += 65536) {
            await handle.write(bytes.subarray(off, off + 65536))
            await sleep(4)
          }
        }
      }
      return handle
    }) as typeof fs.open
  }
}

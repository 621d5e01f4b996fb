/**
 * Memory of the app under the archive bench: the renderer process (resident set, from /proc, which
 * includes the search worker's thread), the page's and the worker's JavaScript heaps (CDP), the
 * bench's own process (it hosts main's services, so a backup or restore shows there), and the
 * bytes IndexedDB keeps on disk.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { BrowserContext, Page } from '@playwright/test'

const MB = 1024 * 1024

async function cmdline(pid: string): Promise<string> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (s) => s.replace(/\0/g, ' '),
    () => ''
  )
}

async function parentOf(pid: string): Promise<string | null> {
  const s = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  return s ? s.slice(s.lastIndexOf(')') + 2).split(' ')[1] : null
}

async function statusKb(pid: string, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const s = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(s)
  return m ? Number(m[1]) : 0
}

/** The renderer processes of the browser using `profile`, largest first (the page's; a spare renderer is tiny). */
async function rendererPids(profile: string): Promise<string[]> {
  const pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p))
  const browser: string[] = []
  const renderers: string[] = []
  for (const pid of pids) {
    const cmd = await cmdline(pid)
    if (cmd.includes(`--user-data-dir=${profile}`) && !cmd.includes('--type=')) browser.push(pid)
    else if (cmd.includes('--type=renderer')) renderers.push(pid)
  }
  const ours: string[] = []
  for (const pid of renderers) {
    for (let p: string | null = pid, hops = 0; p && hops < 4; hops++) {
      p = await parentOf(p)
      if (p && browser.includes(p)) {
        ours.push(pid)
        break
      }
    }
  }
  const sizes = await Promise.all(ours.map((p) => statusKb(p, 'VmRSS')))
  return ours.map((p, i) => [p, sizes[i]] as const).sort((a, b) => b[1] - a[1]).map(([p]) => p)
}

export async function rendererRss(profile: string): Promise<{ rss: number; peak: number }> {
  const [pid] = await rendererPids(profile)
  if (!pid) return { rss: NaN, peak: NaN }
  return { rss: (await statusKb(pid, 'VmRSS')) / 1024, peak: (await statusKb(pid, 'VmHWM')) / 1024 }
}

/**
 * The renderer's own memory, MB: its private pages (what Chromium's task manager calls the memory
 * footprint). The resident set also counts pages it shares with the browser's other processes:
 * the fonts (Noto CJK alone is tens of megabytes), libraries, shared buffers.
 */
export async function rendererPrivate(profile: string): Promise<number> {
  const [pid] = await rendererPids(profile)
  const s = pid ? await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '') : ''
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN)
  return (kb('Private_Clean') + kb('Private_Dirty')) / 1024
}

interface HeapUsage {
  usedSize: number
  backingStorageSize?: number
}

/** The page's JavaScript heap (with ArrayBuffer backing stores), MB. */
export async function pageHeap(page: Page, gc = false): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    if (gc) await cdp.send('HeapProfiler.collectGarbage')
    const u = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage
    return (u.usedSize + (u.backingStorageSize ?? 0)) / MB
  } finally {
    await cdp.detach()
  }
}

/** The search worker's JavaScript heap (with ArrayBuffer backing stores), MB: through the page target's auto-attached worker. */
export async function workerHeap(page: Page, gc = false): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const attached = new Promise<string>((resolve) => {
      cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
        if (e.targetInfo.type === 'worker' && e.targetInfo.url.includes('search')) resolve(e.sessionId)
      })
    })
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false })
    const sessionId = await Promise.race([attached, new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no search worker')), 5000))])
    let next = 1
    const call = (method: string) =>
      new Promise<unknown>((resolve) => {
        const id = next++
        const onMessage = (e: { sessionId: string; message: string }) => {
          const msg = JSON.parse(e.message) as { id?: number; result?: unknown }
          if (e.sessionId !== sessionId || msg.id !== id) return
          cdp.off('Target.receivedMessageFromTarget', onMessage)
          resolve(msg.result)
        }
        cdp.on('Target.receivedMessageFromTarget', onMessage)
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
      })
    if (gc) await call('HeapProfiler.collectGarbage')
    const u = (await call('Runtime.getHeapUsage')) as HeapUsage
    return (u.usedSize + (u.backingStorageSize ?? 0)) / MB
  } catch {
    return NaN
  } finally {
    await cdp.detach()
  }
}

export interface MemorySample {
  /** Peak resident set of the renderer process while sampling, MB. */
  rendererPeak: number
  /** Peak of the page's JS heap, MB (garbage not yet collected included). */
  pageHeapPeak: number
  /** Peak growth of the bench process (main's services) over its level before, MB (garbage included). */
  mainGrowth: number
  /** What stays once it is over: the page's and main's heaps after a garbage collection, minus before, MB. */
  pageRetained: number
  mainRetained: number
}

// The bench process's own collector, to tell what main keeps from what it has not yet collected.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
const mainHeapAfterGc = () => {
  collectGarbage()
  return process.memoryUsage().heapUsed / MB
}

/**
 * Samples memory every 250 ms until stop(): for a backup or a restore, which must not grow with the
 * archive. Peaks include garbage the collectors have not got to (they collect later on a longer
 * run); what stays after a collection is the memory the work really holds on to.
 */
export function sampleMemory(app: { page: Page; profile: string }): { stop(): Promise<MemorySample> } {
  const base = process.memoryUsage().rss
  const before = { main: mainHeapAfterGc(), page: pageHeap(app.page, true).catch(() => NaN) }
  const peak = { renderer: 0, heap: 0, main: base }
  let running = true
  const loop = (async () => {
    while (running) {
      const [r, h] = await Promise.all([rendererRss(app.profile), pageHeap(app.page).catch(() => 0)])
      peak.renderer = Math.max(peak.renderer, r.rss)
      peak.heap = Math.max(peak.heap, h)
      peak.main = Math.max(peak.main, process.memoryUsage().rss)
      await new Promise((r2) => setTimeout(r2, 250))
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      const pageAfter = await pageHeap(app.page, true).catch(() => NaN)
      return {
        rendererPeak: peak.renderer,
        pageHeapPeak: peak.heap,
        mainGrowth: (peak.main - base) / MB,
        pageRetained: pageAfter - (await before.page),
        mainRetained: mainHeapAfterGc() - before.main
      }
    }
  }
}

/** How a backup's or restore's memory reads in a note. */
export function describeMemory(m: MemorySample): string {
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`
  return `peak memory: renderer ${m.rendererPeak.toFixed(0)} MB, page heap ${m.pageHeapPeak.toFixed(0)} MB, main ${signed(m.mainGrowth)} MB; kept after a garbage collection: page ${signed(m.pageRetained)} MB, main ${signed(m.mainRetained)} MB`
}

/** Bytes in the profile's IndexedDB folder (the database and its blob files). */
/** Bytes on disk below a folder. */
async function dirBytes(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name)
    const s = await stat(path).catch(() => null)
    if (!s) continue
    total += s.isDirectory() ? await dirBytes(path) : s.size
  }
  return total
}

export const idbBytes = (profile: string): Promise<number> => dirBytes(join(profile, 'Default', 'IndexedDB'))

/** The origin private file system: the search index file (features/search/snapshotOpfs.ts). */
export const fileSystemBytes = (profile: string): Promise<number> => dirBytes(join(profile, 'Default', 'File System'))

export async function memoryOf(app: { page: Page; profile: string; context: BrowserContext }): Promise<{ pageHeap: number; workerHeap: number; rendererRss: number; rendererPrivate: number }> {
  const [p, w] = [await pageHeap(app.page, true), await workerHeap(app.page, true)]
  await new Promise((r) => setTimeout(r, 500))
  return { pageHeap: p, workerHeap: w, rendererRss: (await rendererRss(app.profile)).rss, rendererPrivate: await rendererPrivate(app.profile) }
}

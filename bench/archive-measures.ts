/**
 * The archive bench's measures on one archive size (see archive.bench.ts). In-page steps run as
 * page functions timed on the page's clock, to the first frame that shows their result.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { readyWhen } from './bare-lexical/blocks'
import type { ProbeHost } from './bare-lexical/probe'
import { describeMemory, fileSystemBytes, idbBytes, memoryOf, sampleMemory } from './archive-memory'
import { CACHE, indexSaved, openApp, restoreArchive, RUNS, SEED_DOC, sleep, type App, type Launch, type Row } from './archive.bench'
import { reportPassages } from '../src/shared/search/passages'
import { seededRandom } from '../src/shared/random'
import { syntheticArchive } from './search.bench'

type Env = Parameters<typeof openApp>[0] & { launch: Launch }

/** Phrases a clerk would look for, cut from the archive's own text (2–6 characters, no punctuation). */
function phrases(size: number, count: number): string[] {
  const docs = syntheticArchive(Math.min(size, 200), 5000, 20251120)
  const next = seededRandom(11)
  const out: string[] = []
  while (out.length < count) {
    const passages = reportPassages(docs[Math.floor(next() * docs.length)].report).filter((p) => p.kind === 'section')
    const text = passages[Math.floor(next() * passages.length)].text
    const len = 2 + Math.floor(next() * 5)
    const at = Math.floor(next() * Math.max(1, text.length - len))
    const s = text.slice(at, at + len)
    if (s.length === len && !/[\s，。：、%0-9A-Za-z]/.test(s)) out.push(s)
  }
  return out
}

/**
 * The page half, as plain JavaScript injected at document start (bench/ compiles without the DOM
 * library). Each step returns milliseconds on the page's clock, to the end of the first frame in
 * which its result shows.
 */
const PAGE_HELPERS = `
(() => {
  const frameWhen = (ready, timeout = 120000) => new Promise((resolve, reject) => {
    const t0 = performance.now()
    const check = () => {
      if (ready()) {
        const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now()); ch.port2.postMessage(null)
      } else if (performance.now() - t0 > timeout) reject(new Error('timed out'))
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
  const setValue = (el, value, event) => {
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value)
    el.dispatchEvent(new Event(event, { bubbles: true }))
  }
  const results = (q) => document.querySelector('.search-results[data-query="' + q + '"]') !== null
  window.__bench = {
    // Navigation start → the library opened and a phrase's results shown (called right after the draft is editable).
    async firstSearch(q) {
      await frameWhen(() => !!document.querySelector('.library-link'))
      document.querySelector('.library-link').click()
      await frameWhen(() => !!document.querySelector('.search-input'))
      setValue(document.querySelector('.search-input'), q, 'input')
      return frameWhen(() => results(q))
    },
    async openLibrary() {
      const link = document.querySelector('.library-link')
      if (document.querySelector('.library')) {
        link.click()
        await frameWhen(() => !document.querySelector('.library'))
        await new Promise((r) => setTimeout(r, 300))
      }
      const t0 = performance.now()
      link.click()
      return (await frameWhen(() => !!document.querySelector('.library-table tbody tr.row'))) - t0
    },
    async filter(year) {
      const count = () => document.querySelector('.library-filters .muted')?.textContent ?? ''
      const before = count()
      const t0 = performance.now()
      setValue(document.querySelector('select[aria-label="年度"]'), year, 'change')
      return (await frameWhen(() => count() !== before)) - t0
    },
    async query(q) {
      const input = document.querySelector('.search-input')
      const prefix = q.slice(0, -1)
      setValue(input, prefix, 'input')
      await frameWhen(() => results(prefix))
      await new Promise((r) => setTimeout(r, 200))
      const t0 = performance.now()
      setValue(input, q, 'input')
      return (await frameWhen(() => results(q))) - t0
    },
    // The next save as the status bar shows it: 正在保存… → 已保存.
    nextSave() {
      return new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('no save within 10 s')), 10000)
        const el = document.querySelector('[data-testid="save-status"]')
        let start = 0
        const obs = new MutationObserver(() => {
          const t = el.textContent || ''
          if (t.startsWith('正在保存')) start = performance.now()
          else if (start && t.startsWith('已保存')) {
            obs.disconnect()
            resolve(performance.now() - start)
          }
        })
        obs.observe(el, { childList: true, characterData: true, subtree: true })
      })
    }
  }
})()
`

interface BenchHost {
  __bench: {
    firstSearch(q: string): Promise<number>
    openLibrary(): Promise<number>
    filter(year: string): Promise<number>
    query(q: string): Promise<number>
    nextSave(): Promise<number>
  }
}
/** Navigation start → the last draft editable; then → the first search answered (library opened, a phrase typed). */
async function startOnce(page: Page, phrase: string): Promise<{ editable: number; search: number }> {
  await page.goto(page.url())
  const started = await page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.started)
  if (!started || 'error' in started) {
    await page.screenshot({ path: join(CACHE, 'start-failed.png') })
    throw new Error(`start: ${started?.error ?? 'no start probe'}`)
  }
  const search = await page.evaluate((q) => (globalThis as unknown as BenchHost).__bench.firstSearch(q), phrase)
  return { editable: started.ms, search }
}

const openLibrary = (page: Page) => page.evaluate(() => (globalThis as unknown as BenchHost).__bench.openLibrary())
const filterOnce = (page: Page, year: string) => page.evaluate((y) => (globalThis as unknown as BenchHost).__bench.filter(y), year)
const queryOnce = (page: Page, phrase: string) => page.evaluate((q) => (globalThis as unknown as BenchHost).__bench.query(q), phrase)

/** One autosave, as the status bar shows it. */
async function autosaveOnce(page: Page, key: string): Promise<number> {
  const timing = page.evaluate(() => (globalThis as unknown as BenchHost).__bench.nextSave())
  await sleep(50)
  await page.keyboard.press(key)
  return timing
}

/** A backup of the whole archive to a file: click → the message. */
async function backupOnce(app: App, n: number): Promise<number> {
  await app.page.getByRole('button', { name: '设置与备份' }).click()
  app.dialogs.save.push(join(app.dir, `备份${n}.zjbak`))
  const t0 = Date.now()
  await app.page.getByRole('button', { name: '备份到文件…' }).click()
  // This run's message (the one of the run before may still be on screen).
  await app.page.getByRole('status').filter({ hasText: `备份${n}.zjbak` }).waitFor({ timeout: 20 * 60_000 })
  const ms = Date.now() - t0
  await app.page.getByRole('button', { name: '设置与备份' }).click()
  return ms
}

const spread = (s: number[]) => `${Math.min(...s).toFixed(0)}–${Math.max(...s).toFixed(0)}`

export async function measureSize(env: Env, size: number, file: string): Promise<Row[]> {
  const rows: Row[] = []
  const t0 = Date.now()
  const stage = (what: string) => process.stderr.write(`bench: ${size}: ${what} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`)
  const row = (measure: string, samples: number[], unit: string, note = '') => rows.push({ size, measure, samples, unit, note: `${samples.length} runs, spread ${spread(samples)}${note ? `; ${note}` : ''}` })

  // Restore: into a fresh app each run; the last one goes on to the other measures.
  const restores: number[] = []
  const restoreMemory: string[] = []
  let app: App | null = null
  // A restore of the largest archive takes minutes in this harness (window.api's transport, not the app): once, unless asked.
  const restoreRuns = Number(process.env.BENCH_RESTORE_RUNS ?? (size >= 1000 ? 1 : RUNS))
  for (let run = 0; run < restoreRuns; run++) {
    app = await openApp(env, readyWhen(SEED_DOC.report))
    const r = await restoreArchive(app, file)
    restores.push(r.ms)
    restoreMemory.push(describeMemory(r.memory))
    if (run < restoreRuns - 1) await app.close()
  }
  if (!app) throw new Error('no app')
  stage('restored')
  row('restore a backup (replace), click → done', restores, 'ms', `the last: ${restoreMemory[restoreMemory.length - 1]}`)
  process.stderr.write(`bench: ${size}: waiting for the search index…\n`)
  await indexSaved(app.page)
  const bytes = await idbBytes(app.profile)
  const indexFile = await fileSystemBytes(app.profile)

  stage('index saved')
  // The draft the start measures wait for: the session names it (opening a report after the restore moved it).
  await app.page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('zongjie')
    open.onsuccess = () => {
      const tx = open.result.transaction('settings', 'readwrite')
      tx.objectStore('settings').put({ key: 'session', value: { reportId: ${JSON.stringify(SEED_DOC.id)} } })
      tx.oncomplete = () => { open.result.close(); resolve(null) }
      tx.onerror = () => reject(tx.error)
    }
    open.onerror = () => reject(open.error)
  })`)
  // The rest in a new browser session on the same profile, as an archive is used after the day of its
  // restore. In the restore's own session a save took 72 ms against 22 in a later one, likely the
  // database still settling the restore's half a gigabyte of writes.
  await app.relaunch([PAGE_HELPERS])
  const page = app.page
  const queries = phrases(size, 42)
  const starts: { editable: number; search: number }[] = []
  // Starts are short and vary most from run to run on a shared machine: at least five.
  const startRuns = Math.max(RUNS, 5)
  for (let run = 0; run < startRuns + 1; run++) {
    const s = await startOnce(page, queries[run])
    if (run > 0) starts.push(s) // the first start after the restore warms the HTTP-less route and the disk cache
    await sleep(2000)
  }
  stage('started')
  row('start → last draft editable', starts.map((s) => s.editable), 'ms', 'navigation start → first frame with the draft editable')
  row('start → first search answered', starts.map((s) => s.search), 'ms', 'navigation start → library opened, a phrase typed, its results shown')

  const libraryOpens: number[] = []
  for (let run = 0; run < RUNS + 2; run++) libraryOpens.push(await openLibrary(page))
  row('open the library → rows shown', libraryOpens, 'ms')

  const years = ['2015', '2020', '2024', '']
  const filters: number[] = []
  for (let run = 0; run < RUNS + 3; run++) filters.push(await filterOnce(page, years[run % years.length]))
  row('filter by year → rows shown', filters, 'ms')
  await filterOnce(page, '2024')
  await filterOnce(page, '')
  if (size >= 1000) await page.screenshot({ path: join(CACHE, `library-${size}.png`) })

  const keys: number[] = []
  for (const q of queries.slice(startRuns + 1)) keys.push(await queryOnce(page, q))
  row('phrase query, last key (after a pause) → results shown', keys, 'ms', `${keys.length} phrases of 2–6 characters from the archive, the last character typed 200 ms after the rest; a key after a pause is searched at once, the keys of a burst 50 ms after its last (queryPacing.ts)`)

  stage('library, filters, queries')
  const memory = await memoryOf(app)

  // Autosave: the editor on the last draft, one letter at a time.
  await page.locator('.library-link').click()
  await page.locator('.library').waitFor({ state: 'detached' })
  await page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.placeCaretMid())
  await sleep(1500)
  const saves: number[] = []
  for (let run = 0; run < RUNS + 2; run++) {
    saves.push(await autosaveOnce(page, String.fromCharCode(97 + run)))
    await sleep(1500)
  }
  row('one autosave (正在保存… → 已保存)', saves, 'ms', 'the save of a ~5,000-character draft: model, summary and editor state, an automatic version when due, the session')

  stage('autosaves')
  const backups: number[] = []
  const sampler = sampleMemory(app)
  // A backup of the larger archives takes minutes: once, unless asked.
  const backupRuns = Number(process.env.BENCH_BACKUP_RUNS ?? (size >= 1000 ? 1 : RUNS))
  for (let run = 0; run < backupRuns; run++) backups.push(await backupOnce(app, run))
  const backupMemory = await sampler.stop()
  row('back up the archive to a file, click → done', backups, 'ms', describeMemory(backupMemory))

  rows.push(
    { size, measure: 'renderer process memory (resident, search worker included)', samples: [memory.rendererRss], unit: 'MB', note: 'after start, first search, library, filters and queries' },
    { size, measure: 'renderer process memory (private, search worker included)', samples: [memory.rendererPrivate], unit: 'MB', note: 'the same moment; its own pages only, without what it shares with the other processes of the browser (fonts, libraries)' },
    { size, measure: 'page JavaScript heap (with array buffers)', samples: [memory.pageHeap], unit: 'MB', note: 'after a garbage collection' },
    { size, measure: 'search worker JavaScript heap (with array buffers)', samples: [memory.workerHeap], unit: 'MB', note: 'after a garbage collection' },
    { size, measure: 'IndexedDB bytes per report', samples: [bytes / size / 1024], unit: 'KB', note: `${(bytes / 2 ** 20).toFixed(0)} MB on disk for ${size} reports with 3 versions each` },
    { size, measure: 'search index file bytes per report', samples: [indexFile / size / 1024], unit: 'KB', note: `${(indexFile / 2 ** 20).toFixed(0)} MB: the saved search index, in the origin private file system` }
  )
  await app.close()
  return rows
}

/**
 * `npm run bench -- archive`: the app on an archive of 100, 1,000 and 5,000 reports (BENCH_SIZES to
 * choose), in Chromium with the real renderer and the real services behind window.api, served from
 * a local HTTP server (archive-server.ts), in a persistent profile so IndexedDB is on disk as in the app. Each archive is a
 * backup file (archive-data.ts: ~5,000-character reports with editor states, three versions each)
 * that the app restores, which is the restore measure. Then, each at least three times: start →
 * draft editable, start → first search answered, opening the library, a filter, a phrase query from
 * key to results, one autosave, a backup; and the renderer's and the worker's memory, and IndexedDB
 * bytes per report. Times are on the page's clock (performance.now()), to the first frame showing
 * the result. Collected by the bench runner; never part of the tests' pass/fail.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import type { ReadyWhen } from './bare-lexical/blocks'
import { buildBarePages } from './bare-lexical/build'
import { buildRenderer } from './editor.bench'
import { idbBytes, memoryOf, sampleMemory, type MemorySample } from './archive-memory'
import { BenchDialogs, serveApp } from './archive-server'
import { syntheticArchive } from './search.bench'

const ROOT = resolve(import.meta.dirname, '..')
const CACHE = join(ROOT, 'bench/.cache')
const ORIGIN = 'http://zongjie.test'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number)
/** The draft the app reopens after the restore (the backup's session names it; archive-data.ts). */
const SEED_DOC = (() => {
  const docs = syntheticArchive(30, 5000, 20251120)
  return docs[docs.findIndex((d) => d.facets.status !== 'final')]
})()
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

interface Launch {
  DialogAnswers: new () => { save: (string | null)[]; openFiles: string[][]; folder: (string | null)[] }
  serveFolder(context: BrowserContext, origin: string, dir: string): Promise<void>
  installApi(page: Page, options: { dir: string; dialogs: object; opened: string[] }): Promise<void>
}
interface PlaywrightConfig {
  default: { projects?: { name?: string; use?: { launchOptions?: { args?: string[] } } }[] }
}

export interface Row {
  size: number
  measure: string
  samples: number[]
  unit: string
  note?: string
}

/** The archive's backup file, made once per size and kept in bench/.cache. */
async function archiveFile(size: number): Promise<string> {
  const file = join(CACHE, `archive-${size}.zjbak`)
  if (existsSync(file)) return file
  process.stderr.write(`bench: writing an archive of ${size} reports…\n`)
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'bench/archive-data.ts'), String(size), file], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.web.json') },
    maxBuffer: 1 << 24
  })
  return file
}

interface App {
  page: Page
  context: BrowserContext
  profile: string
  dir: string
  dialogs: BenchDialogs
  /**
   * Quits the browser and starts it again on the same profile and origin, as a clerk opens the app
   * the next day: the archive, its index file and the session stay; `initScripts` run in the new page.
   */
  relaunch(initScripts?: string[]): Promise<void>
  close(): Promise<void>
}

/** A fresh app in a profile of its own; the probe is in the page from document start. */
async function openApp(env: { launch: Launch; rendererDir: string; probeScript: string; args: string[] }, startWhen?: ReadyWhen): Promise<App> {
  const profile = await mkdtemp(join(tmpdir(), 'zongjie-archive-profile-'))
  const dir = await mkdtemp(join(tmpdir(), 'zongjie-archive-files-'))
  const dialogs = new BenchDialogs()
  const server = await serveApp(env.rendererDir, dir, dialogs)
  const launch = async (initScripts: string[]) => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: env.args,
      locale: 'zh-CN',
      viewport: { width: 1366, height: 768 }
    })
    const page = context.pages()[0] ?? (await context.newPage())
    await server.attach(page)
    if (startWhen) await page.addInitScript((w) => void ((globalThis as { __probeStartWhen?: unknown }).__probeStartWhen = w), startWhen)
    for (const content of [env.probeScript, ...initScripts]) await page.addInitScript({ content })
    await page.goto(`${server.origin}/index.html`)
    await page.locator('.editor-content').waitFor()
    return { context, page }
  }
  const app: App = {
    ...(await launch([])),
    profile,
    dir,
    dialogs,
    relaunch: async (initScripts = []) => {
      await app.context.close()
      Object.assign(app, await launch(initScripts))
    },
    close: async () => {
      await app.context.close()
      await server.close()
      // BENCH_KEEP=1 keeps the last profile for a closer look (its path is printed).
      if (process.env.BENCH_KEEP) process.stderr.write(`bench: profile kept in ${profile} (origin ${server.origin})\n`)
      else await rm(profile, { recursive: true, force: true })
      await rm(dir, { recursive: true, force: true })
    }
  }
  return app
}

/**
 * Resolves once the search worker has saved its index: its file in the origin private file system
 * (features/search/snapshotOpfs.ts), or where there is none the snapshot's meta row.
 */
async function indexSaved(page: Page, timeoutMs = 15 * 60_000): Promise<void> {
  const t0 = Date.now()
  for (;;) {
    // Plain JavaScript: bench/ compiles without the DOM library.
    const inFile = (await page.evaluate(`navigator.storage.getDirectory()
      .then((root) => root.getFileHandle('search-index.bin'))
      .then((handle) => handle.getFile())
      .then((file) => file.size > 0, () => false)`)) as boolean
    const saved = inFile || (await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('zongjie')
      open.onerror = () => resolve(false)
      open.onsuccess = () => {
        const db = open.result
        if (!db.objectStoreNames.contains('searchIndex')) { db.close(); return resolve(false) }
        const get = db.transaction('searchIndex').objectStore('searchIndex').get('meta')
        get.onsuccess = () => { db.close(); resolve(!!get.result) }
        get.onerror = () => { db.close(); resolve(false) }
      }
    })`)) as boolean
    if (saved) return
    if (Date.now() - t0 > timeoutMs) throw new Error('the search index was never saved')
    await sleep(1000)
  }
}

/** Restores the archive's backup into the app (replace), timed from the click to the message. */
async function restoreArchive(app: App, file: string): Promise<{ ms: number; memory: MemorySample }> {
  const page = app.page
  await page.getByRole('button', { name: '设置与备份' }).click()
  app.dialogs.openFiles.push([file])
  const sampler = sampleMemory(app)
  const t0 = Date.now()
  await page.getByRole('button', { name: '从备份恢复…' }).click()
  const dialog = page.getByRole('dialog', { name: '从备份恢复' })
  await dialog.waitFor({ timeout: 15 * 60_000 })
  await dialog.getByRole('radio', { name: /替换/ }).check()
  await dialog.getByRole('button', { name: '替换恢复' }).click()
  await page.getByRole('status').filter({ hasText: '恢复完成' }).waitFor({ timeout: 20 * 60_000 })
  const ms = Date.now() - t0
  return { ms, memory: await sampler.stop() }
}

export { openApp, restoreArchive, indexSaved, archiveFile, ORIGIN, RUNS, SIZES, SEED_DOC, sleep, CACHE }
export type { App, Launch }

export async function benchArchive(): Promise<Row[]> {
  const [rendererDir, bare] = await Promise.all([buildRenderer(), buildBarePages()])
  const launch = (await import(pathToFileURL(join(ROOT, 'e2e/fixtures/launch.ts')).href)) as Launch
  const config = (await import(pathToFileURL(join(ROOT, 'playwright.config.ts')).href)) as PlaywrightConfig
  const args = config.default.projects?.find((p) => p.name === 'renderer')?.use?.launchOptions?.args ?? []
  const env = { launch, rendererDir, probeScript: bare.probeScript, args }
  const { measureSize } = await import('./archive-measures')
  const rows: Row[] = []
  for (const size of SIZES) {
    const file = await archiveFile(size)
    process.stderr.write(`bench: archive of ${size} reports…\n`)
    rows.push(...(await measureSize(env, size, file)))
  }
  return rows
}

export { memoryOf, idbBytes }

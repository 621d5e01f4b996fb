/**
 * The editor in Chromium (CHROMIUM_PATH or Debian's /usr/bin/chromium, with the e2e flags), each
 * measure beside the same measure on bare Lexical rich text (bench/bare-lexical: no React, no
 * plugins, the same lexical packages) showing the same text in the app's page layout:
 * - keystroke → next frame at 18k, 60k and 180k characters, caret mid-document;
 * - opening a 30- and a 100-page report from the draft list → editable;
 * - renderer start → the last draft editable.
 *
 * The app runs as in the e2e tests (e2e/fixtures/launch.ts): the renderer, built afresh into
 * bench/.cache/app, served by a route with the real services behind window.api. Both pages get
 * the same in-page probe (bare-lexical/probe.ts) at document start and are timed by it, on the
 * page's clock. Reports come from sampleReport and are written straight into the app's IndexedDB
 * (the app's Dexie module is inside its bundle, out of reach), then opened by the app itself.
 * Collected by the bench runner; never part of the tests' pass/fail.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import type { Report } from '../src/shared/doc/model'
import { reportStats } from '../src/shared/doc/stats'
import { sampleReport } from '../src/shared/export/sample-report'
import { bareBlocks, readyWhen, type BareBlock, type ReadyWhen } from './bare-lexical/blocks'
import { buildBarePages, type BarePages } from './bare-lexical/build'
import type { BareHost } from './bare-lexical/main'
import type { KeySample, ProbeHost } from './bare-lexical/probe'

/**
 * What the bench uses of e2e/fixtures/launch.ts (the fixture's page setup). tsconfig.node.json is a
 * composite project whose files must all be listed, and e2e/ is not: the module is loaded at run
 * time by a path TypeScript does not follow, and typed here by what is called.
 */
interface Launch {
  DialogAnswers: new () => object
  rendererPage(
    browser: Browser,
    options: { dir: string; dialogs: object; opened: string[]; rendererDir?: string }
  ): Promise<{ page: Page; context: BrowserContext; url: string; close: () => Promise<void> }>
  serveFolder(context: BrowserContext, origin: string, dir: string): Promise<void>
}

/** The Chromium flags of playwright.config.ts's renderer project, read from it for the same reason. */
interface PlaywrightConfig {
  default: { projects?: { name?: string; use?: { launchOptions?: { args?: string[] } } }[] }
}

const ROOT = resolve(import.meta.dirname, '..')
const fromRoot = (path: string) => pathToFileURL(join(ROOT, path)).href

interface Result {
  name: string
  samples: number[]
  goal?: string
  note?: string
}

const BARE_ORIGIN = 'http://bare-lexical.test'
/** The app's IndexedDB (src/renderer/src/db/database.ts: DB_NAME and its tables). */
const DB = { name: 'zongjie', reports: 'reports', settings: 'settings' } as const

const WARMUP_KEYS = 10
const KEYS = 100
const OPEN_WARMUP = 2
const OPEN_RUNS = 10
const START_WARMUP = 2
const START_RUNS = 10

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))]
}

const ms = (v: number) => `${v.toFixed(1)} ms`

/** A sample report of about `chars` characters (as the status bar counts them), under its own title. */
function reportOfChars(chars: number, title: string): Report {
  let lo = 1
  let hi = 1000
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (reportStats(sampleReport({ pages: mid })).characters < chars) lo = mid + 1
    else hi = mid
  }
  const near = [lo - 1, lo].filter((p) => p > 0).map((pages) => sampleReport({ pages }))
  const report = near.sort((a, b) => Math.abs(reportStats(a).characters - chars) - Math.abs(reportStats(b).characters - chars))[0]
  report.meta.title = title
  return report
}

function titled(report: Report, title: string): Report {
  report.meta.title = title
  return report
}

/** An archive record as the app stores it (ReportRecord in src/renderer/src/db/database.ts). */
function record(id: string, report: Report, editorState: string | null, updatedAt: number) {
  const year = /(19|20)\d{2}/.exec(report.meta.period)?.[0]
  return {
    id,
    status: 'draft' as const,
    report,
    editorState,
    title: report.meta.title,
    kind: report.meta.kind,
    year: year ? Number(year) : null,
    unit: report.meta.unit,
    characters: reportStats(report).characters,
    createdAt: updatedAt,
    updatedAt,
    deletedAt: 0
  }
}
type StoredReport = ReturnType<typeof record>

/**
 * Typing rhythm: bursts of 6–14 keys 80–200 ms apart, then a pause of 0.3–1.5 s (a clerk
 * thinking), so keys also land while the editor's delayed work (the model rebuilt 150 ms
 * after typing, the autosave after 1 s) runs. Seeded: both editors get the same rhythm.
 */
function typingGaps(n: number, seed = 7): number[] {
  let s = seed
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32)
  const gaps: number[] = []
  let burst = 0
  while (gaps.length < n) {
    if (burst <= 0) burst = 6 + Math.floor(next() * 9)
    burst--
    gaps.push(burst === 0 ? 300 + next() * 1200 : 80 + next() * 120)
  }
  return gaps
}

interface Env {
  launch: Launch
  browser: Browser
  rendererDir: string
  bare: BarePages
}

interface OpenPage {
  page: Page
  url: string
  close: () => Promise<void>
}

async function addProbe(page: Page, env: Env, startWhen?: ReadyWhen): Promise<void> {
  // Read by the probe at document start: what the page must show for its start to count as done.
  if (startWhen) await page.addInitScript((w) => void ((globalThis as { __probeStartWhen?: unknown }).__probeStartWhen = w), startWhen)
  await page.addInitScript({ content: env.bare.probeScript })
}

/** The app with an empty archive (it starts a blank draft), the probe in its page. */
async function openApp(env: Env, startWhen?: ReadyWhen): Promise<OpenPage> {
  const dir = await mkdtemp(join(tmpdir(), 'zongjie-bench-'))
  const app = await env.launch.rendererPage(env.browser, { dir, dialogs: new env.launch.DialogAnswers(), opened: [], rendererDir: env.rendererDir })
  await addProbe(app.page, env, startWhen)
  await app.page.goto(app.url)
  await app.page.locator('.editor-content').waitFor()
  return {
    page: app.page,
    url: app.url,
    close: async () => {
      await app.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** The bare Lexical page; with `content`, it loads those blocks on start. */
async function openBare(env: Env, options: { content?: BareBlock[]; startWhen?: ReadyWhen } = {}): Promise<OpenPage> {
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 880 } })
  await env.launch.serveFolder(context, BARE_ORIGIN, env.bare.pageDir)
  const body = options.content && JSON.stringify(options.content)
  // Registered after the folder's route, so it answers first.
  if (body) await context.route(`${BARE_ORIGIN}/content.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }))
  const page = await context.newPage()
  await addProbe(page, env, options.startWhen)
  const url = `${BARE_ORIGIN}/index.html`
  await page.goto(url)
  await page.locator('.editor-content').waitFor()
  return { page, url, close: () => context.close() }
}

async function seed(page: Page, reports: StoredReport[], sessionId: string): Promise<void> {
  await page.evaluate(
    async ([db, records, reportId]) => {
      const probe = (globalThis as unknown as ProbeHost).__probe
      await probe.idbPut(db.name, db.reports, records)
      // The session setting (src/renderer/src/db/session.ts) names the draft the app reopens.
      await probe.idbPut(db.name, db.settings, [{ key: 'session', value: { reportId } }])
    },
    [DB, reports, sessionId] as const
  )
}

function whenReady(page: Page, when: ReadyWhen): Promise<number> {
  return page.evaluate((w) => (globalThis as unknown as ProbeHost).__probe.whenReady(w), when)
}

/** Restarts the app on the seeded archive and waits for the draft it reopens. */
async function restartApp(app: OpenPage, when: ReadyWhen): Promise<void> {
  await app.page.goto(app.url)
  await whenReady(app.page, when)
}

/**
 * Types 110 letters at the typing rhythm into the middle of the text; the last 100 are the samples.
 * With BENCH_PROFILE set, the page's JavaScript is sampled meanwhile into bench/.cache/<profile>.cpuprofile
 * (open it in Chrome DevTools' Performance panel) to see where a keystroke's time goes. With BENCH_TRACE
 * set, a Chromium trace with style, layout and paint goes to bench/.cache/<profile>.trace.json
 * (for both editors: the time outside JavaScript shows there only).
 */
async function typeMidDocument(page: Page, profile: string): Promise<KeySample[]> {
  const block = await page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.placeCaretMid())
  await sleep(500)
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  const browser = page.context().browser()
  const tracing = process.env.BENCH_TRACE ? browser : null
  if (tracing) {
    await tracing.startTracing(page, { path: join(ROOT, 'bench/.cache', `${profile}.trace.json`), categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline.invalidationTracking'] })
  }
  await page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.armKeys())
  const gaps = typingGaps(WARMUP_KEYS + KEYS)
  let typed = ''
  for (let i = 0; i < gaps.length; i++) {
    const key = String.fromCharCode(97 + (i % 26))
    await page.keyboard.press(key)
    typed += key
    await sleep(gaps[i])
  }
  await sleep(1500)
  if (tracing) await tracing.stopTracing()
  if (cdp) {
    const { profile: data } = await cdp.send('Profiler.stop')
    await writeFile(join(ROOT, 'bench/.cache', `${profile}.cpuprofile`), JSON.stringify(data))
    await cdp.detach()
  }
  const keys = await page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.takeKeys())
  // Every key must have landed where the caret was put, or the figures time something else.
  const text = await page.evaluate((i) => (globalThis as unknown as ProbeHost).__probe.blockText(i), block)
  if (!text.includes(typed)) throw new Error(`typed text did not land in the middle paragraph: ${text.slice(0, 80)}…`)
  if (keys.length !== gaps.length) throw new Error(`${keys.length} keydowns recorded for ${gaps.length} keys`)
  return keys.slice(WARMUP_KEYS)
}

function keyNote(app: KeySample[], bare: KeySample[]): string {
  const total = (k: KeySample[]) => k.map((s) => s.total)
  const a = total(app)
  const b = total(bare)
  const ratio = (q: number) => (quantile(a, q) / quantile(b, q)).toFixed(2)
  const delays = app.map((s) => s.delay)
  return `${ratio(0.95)}× bare Lexical at p95, ${ratio(0.5)}× at the median; worst ${ms(Math.max(...a))}; input waited ${ms(quantile(delays, 0.5))} median, ${ms(Math.max(...delays))} worst, behind other work`
}

async function benchKeystrokes(env: Env): Promise<Result[]> {
  const results: Result[] = []
  const sizes = [
    { label: '18k', chars: 18_000, goal: 16 },
    { label: '60k', chars: 60_000, goal: 33 },
    { label: '180k', chars: 180_000, goal: 50 }
  ]
  // BENCH_SIZES=18k,180k runs only those sizes (quick runs; the full bench runs all three).
  const only = process.env.BENCH_SIZES?.split(',')
  for (const size of sizes.filter((s) => !only || only.includes(s.label))) {
    const report = reportOfChars(size.chars, `某县教育局2025年度教育工作总结（${size.label}字）`)
    const chars = reportStats(report).characters
    const when = readyWhen(report)
    process.stderr.write(`bench: editor keystrokes, ${chars} characters…\n`)

    const app = await openApp(env)
    let appKeys: KeySample[]
    try {
      await seed(app.page, [record('bench-keys', report, null, Date.now())], 'bench-keys')
      await restartApp(app, when)
      // The daily automatic backup check runs 5 s after start: let it pass before typing.
      await sleep(6000)
      if (process.env.BENCH_APP_CSS) await app.page.addStyleTag({ content: process.env.BENCH_APP_CSS })
      appKeys = await typeMidDocument(app.page, `keystrokes-${size.label}`)
    } finally {
      await app.close()
    }

    const bare = await openBare(env)
    let bareKeys: KeySample[]
    try {
      await bare.page.evaluate((blocks) => (globalThis as unknown as BareHost).__bare.load(blocks), bareBlocks(report))
      await whenReady(bare.page, when)
      await sleep(1000)
      bareKeys = await typeMidDocument(bare.page, `bare-keystrokes-${size.label}`)
    } finally {
      await bare.close()
    }

    results.push(
      {
        name: `keystroke → next frame, ${chars}-character report, caret mid-document (ms)`,
        samples: appKeys.map((k) => k.total),
        goal: `p95 ≤ ${size.goal} ms; ≤ 1.5× bare Lexical`,
        note: keyNote(appKeys, bareKeys)
      },
      {
        name: `keystroke → next frame, same ${chars} characters (reference: bare Lexical rich text, no plugins) (ms)`,
        samples: bareKeys.map((k) => k.total),
        goal: 'reference for the row above',
        note: `${KEYS} keys after ${WARMUP_KEYS} warm-up, bursts 80–200 ms apart with 0.3–1.5 s pauses, the same for both`
      }
    )
  }
  return results
}

async function benchOpening(env: Env): Promise<{ results: Result[]; saved30: { report: Report; state: string } }> {
  process.stderr.write('bench: editor opening…\n')
  const placeholder = titled(sampleReport({ pages: 1, seed: 3 }), '占位草稿')
  const reports = [
    { id: 'open-30', pages: 30, report: titled(sampleReport({ pages: 30 }), '某县教育局2025年度教育工作总结（30页）'), saved: true },
    { id: 'open-100', pages: 100, report: titled(sampleReport({ pages: 100 }), '某县教育局2025年度教育工作总结（100页）'), saved: true },
    { id: 'open-30-imported', pages: 30, report: titled(sampleReport({ pages: 30 }), '某县教育局2025年度教育工作总结（30页，导入）'), saved: false },
    { id: 'open-100-imported', pages: 100, report: titled(sampleReport({ pages: 100 }), '某县教育局2025年度教育工作总结（100页，导入）'), saved: false }
  ]
  const placeholderWhen = readyWhen(placeholder)
  const now = Date.now()

  const app = await openApp(env)
  const appSamples = new Map<string, number[]>(reports.map((r) => [r.id, []]))
  const states = new Map<string, string>()
  try {
    await seed(app.page, [record('placeholder', placeholder, null, now), ...reports.map((r, i) => record(r.id, r.report, null, now - 1000 * (i + 1)))], 'placeholder')
    await restartApp(app, placeholderWhen)
    // A report written in the app reopens from its saved Lexical state: let the app make it once.
    for (const r of reports.filter((r) => r.saved)) {
      await app.page.evaluate(([t, w]) => (globalThis as unknown as ProbeHost).__probe.openDraft(t, w), [r.report.meta.title, readyWhen(r.report)] as const)
      states.set(r.id, await app.page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.editorStateJson()))
    }
    await seed(app.page, reports.filter((r) => r.saved).map((r, i) => record(r.id, r.report, states.get(r.id) ?? null, now - 1000 * (i + 1))), 'placeholder')
    await restartApp(app, placeholderWhen)
    await sleep(6000)
    for (let round = 0; round < OPEN_WARMUP + OPEN_RUNS; round++) {
      for (const r of reports) {
        await app.page.evaluate(([t, w]) => (globalThis as unknown as ProbeHost).__probe.openDraft(t, w), [placeholder.meta.title, placeholderWhen] as const)
        await sleep(1000)
        const t = await app.page.evaluate(([title, w]) => (globalThis as unknown as ProbeHost).__probe.openDraft(title, w), [r.report.meta.title, readyWhen(r.report)] as const)
        if (round >= OPEN_WARMUP) appSamples.get(r.id)?.push(t)
        await sleep(1000)
      }
    }
  } finally {
    await app.close()
  }

  // The reference: setEditorState of the same content, serialised, in bare Lexical.
  const bare = await openBare(env)
  const bareSamples = new Map<string, number[]>()
  try {
    const stateOf = async (report: Report): Promise<string> => {
      await bare.page.evaluate((blocks) => (globalThis as unknown as BareHost).__bare.load(blocks), bareBlocks(report))
      return bare.page.evaluate(() => (globalThis as unknown as BareHost).__bare.stateJson())
    }
    const placeholderState = await stateOf(placeholder)
    for (const r of reports.filter((r) => r.saved)) {
      const state = await stateOf(r.report)
      const samples: number[] = []
      for (let round = 0; round < OPEN_WARMUP + OPEN_RUNS; round++) {
        await bare.page.evaluate(([s, w]) => (globalThis as unknown as BareHost).__bare.open(s, w), [placeholderState, placeholderWhen] as const)
        await sleep(300)
        const t = await bare.page.evaluate(([s, w]) => (globalThis as unknown as BareHost).__bare.open(s, w), [state, readyWhen(r.report)] as const)
        if (round >= OPEN_WARMUP) samples.push(t)
        await sleep(300)
      }
      bareSamples.set(r.id, samples)
    }
  } finally {
    await bare.close()
  }

  const results: Result[] = []
  const row = (id: string) => reports.find((r) => r.id === id)
  for (const [id, goal] of [['open-30', 300], ['open-100', 500]] as const) {
    const r = row(id)
    if (!r) continue
    const pages = reportStats(r.report).pages
    const app = appSamples.get(id) ?? []
    const ref = bareSamples.get(id) ?? []
    results.push(
      {
        name: `open a ${pages}-page report from the draft list → editable, saved draft (ms)`,
        samples: app,
        goal: `≤ ${goal} ms`,
        note: `click → first frame with the whole report editable; ${(quantile(app, 0.5) / quantile(ref, 0.5)).toFixed(1)}× bare Lexical at the median`
      },
      {
        name: `open the same ${pages} pages (reference: bare Lexical setEditorState of the serialised state) (ms)`,
        samples: ref,
        goal: 'reference for the row above'
      }
    )
  }
  for (const [id, goal] of [['open-30-imported', 300], ['open-100-imported', 500]] as const) {
    const r = row(id)
    if (!r) continue
    results.push({
      name: `open a ${reportStats(r.report).pages}-page report imported into the archive (model only, no saved state) → editable (ms)`,
      samples: appSamples.get(id) ?? [],
      goal: `≤ ${goal} ms`,
      note: 'the editor state is built from the report model; reference as for the saved draft above'
    })
  }
  const saved30 = reports[0]
  return { results, saved30: { report: saved30.report, state: states.get(saved30.id) ?? '' } }
}

async function benchStart(env: Env, last: { report: Report; state: string }): Promise<Result[]> {
  process.stderr.write('bench: editor start…\n')
  const when = readyWhen(last.report)
  const pages = reportStats(last.report).pages
  const app = await openApp(env, when)
  const appSamples: number[] = []
  try {
    await seed(app.page, [record('last', last.report, last.state, Date.now())], 'last')
    for (let run = 0; run < START_WARMUP + START_RUNS; run++) {
      await app.page.goto(app.url)
      const r = await app.page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.started)
      if (!r || 'error' in r) throw new Error(`app start: ${r?.error ?? 'no start probe'}`)
      if (run >= START_WARMUP) appSamples.push(r.ms)
      await sleep(1000)
    }
  } finally {
    await app.close()
  }

  const bare = await openBare(env, { content: bareBlocks(last.report), startWhen: when })
  const bareSamples: number[] = []
  try {
    for (let run = 0; run < START_WARMUP + START_RUNS; run++) {
      await bare.page.goto(bare.url)
      const r = await bare.page.evaluate(() => (globalThis as unknown as ProbeHost).__probe.started)
      if (!r || 'error' in r) throw new Error(`bare start: ${r?.error ?? 'no start probe'}`)
      if (run >= START_WARMUP) bareSamples.push(r.ms)
      await sleep(500)
    }
  } finally {
    await bare.close()
  }
  return [
    {
      name: `renderer start → last draft (${pages} pages) editable, in Chromium (ms)`,
      samples: appSamples,
      goal: '≤ 1 s',
      note: `navigation start → first frame with the draft editable; scripts served by a route with the HTTP cache off, as on a cold start; ${(quantile(appSamples, 0.5) / quantile(bareSamples, 0.5)).toFixed(1)}× bare Lexical at the median`
    },
    {
      name: `renderer start (reference: bare Lexical page start, same ${pages} pages) (ms)`,
      samples: bareSamples,
      goal: 'reference for the row above'
    }
  ]
}

/** The renderer as the sources are now, built apart from out/ so a concurrent `npm run build` cannot pull it away mid-run. */
export async function buildRenderer(): Promise<string> {
  const outDir = join(ROOT, 'bench/.cache/app')
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', outDir, '--logLevel', 'warn'], { cwd: ROOT })
  return join(outDir, 'renderer')
}

export async function benchEditor(): Promise<Result[]> {
  const [rendererDir, bare] = await Promise.all([buildRenderer(), buildBarePages()])
  const launch = (await import(fromRoot('e2e/fixtures/launch.ts'))) as Launch
  const config = (await import(fromRoot('playwright.config.ts'))) as PlaywrightConfig
  const args = config.default.projects?.find((p) => p.name === 'renderer')?.use?.launchOptions?.args ?? []
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args })
  try {
    const env: Env = { launch, browser, rendererDir, bare }
    const keys = await benchKeystrokes(env)
    // BENCH_KEYS_ONLY: the keystroke rows alone, for quick runs of `npx tsx bench/editor.bench.ts`.
    if (process.env.BENCH_KEYS_ONLY) return keys
    const opening = await benchOpening(env)
    const start = await benchStart(env, opening.saved30)
    return [...keys, ...opening.results, ...start]
  } finally {
    await browser.close()
  }
}

// `npx tsx bench/editor.bench.ts` prints the figures on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { name, samples, note } of await benchEditor()) {
    console.log(`${name}: median ${quantile(samples, 0.5).toFixed(1)}, p95 ${quantile(samples, 0.95).toFixed(1)} over ${samples.length}${note ? ` — ${note}` : ''}`)
  }
}

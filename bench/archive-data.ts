/**
 * The archive the archive bench runs on, written as a backup file (the app restores it, which
 * is one of the measures): reports of about 5,000 characters (bench/search.bench.ts's synthetic
 * reports: titles, units, years and kinds of an office, four sections of three subsections, a
 * skewed vocabulary), each with the editor state the app would have saved (built by the app's
 * own converter in headless Lexical) and three versions, each one paragraph apart from the next.
 *
 * Run as a child process with the renderer's tsconfig, for its import aliases:
 *   TSX_TSCONFIG_PATH=tsconfig.web.json npx tsx bench/archive-data.ts <count> <out.zjbak>
 * Deterministic for a count. Never part of the tests.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHeadlessEditor } from '@lexical/headless'
import type { Klass, LexicalNode } from 'lexical'
import { BackupEncoder } from '../src/shared/backup/encoder'
import type { ReportRecord, VersionRecord } from '../src/shared/archive/records'
import { reportStats } from '../src/shared/doc/stats'
import { paragraph, type Report } from '../src/shared/doc/model'
import { syntheticArchive } from './search.bench'

const DAY = 24 * 3600 * 1000
/** The newest report's last change; older ones go back a day or so each. */
const NEWEST = Date.UTC(2026, 10, 20, 8, 0)

// The app's own nodes and converter. Loaded by path: tsconfig.node.json, which compiles bench/, does
// not hold the renderer; this file runs with the renderer's tsconfig (see the top) for its aliases.
const renderer = (path: string) => import(pathToFileURL(join(import.meta.dirname, '../src/renderer/src', path)).href)
const { REPORT_NODES } = (await renderer('editor/nodes/index.ts')) as { REPORT_NODES: Klass<LexicalNode>[] }
const { $loadReport } = (await renderer('editor/convert/fromModel.ts')) as { $loadReport: (report: Report) => void }
const editor = createHeadlessEditor({ nodes: REPORT_NODES, onError: (e) => { throw e } })

/** The Lexical JSON the app saves for this report (what the editor holds after loading the model). */
function editorState(report: Report): string {
  editor.update(() => $loadReport(report), { discrete: true })
  return JSON.stringify(editor.getEditorState().toJSON())
}

/** The report with one body paragraph rewritten: an earlier draft of it. */
function earlier(report: Report, n: number): Report {
  const copy = structuredClone(report)
  const top = copy.sections[n % copy.sections.length]
  const sub = top.children[n % top.children.length]
  sub.blocks[0] = paragraph(`（第${n}稿）${sub.blocks[0].type === 'paragraph' ? sub.blocks[0].runs.map((r) => r.text).join('').slice(40) : ''}`)
  return copy
}

/** The first report the archive holds as a draft. */
export function firstDraft(docs: { facets: { status: string } }[]): number {
  return Math.max(0, docs.findIndex((d) => d.facets.status !== 'final'))
}

/** Appends text to a stream, waiting when it is full. */
function writer(stream: NodeJS.WritableStream): (text: string) => Promise<void> {
  return (text) => new Promise<void>((resolve, reject) => void stream.write(text, (e) => (e ? reject(e) : resolve())))
}

const ended = (stream: NodeJS.WritableStream) => new Promise<void>((resolve) => stream.end(resolve))

export async function writeArchiveBackup(count: number, out: string): Promise<void> {
  const docs = syntheticArchive(count, 5000, 20251120)
  const encoder = new BackupEncoder({ appVersion: 'bench', now: NEWEST })
  // The file's header comes first but is known last; versions come after every report: both wait in side files.
  const payload = createWriteStream(`${out}.payload`)
  const pending = createWriteStream(`${out}.versions`)
  const write = writer(payload)
  const park = writer(pending)
  for (let i = 0; i < docs.length; i++) {
    const { id, report, facets } = docs[i]
    const updatedAt = NEWEST - Math.floor((i * 7 * DAY) / Math.max(1, docs.length / 100))
    const record: ReportRecord = {
      id,
      status: facets.status === 'final' ? 'final' : 'draft',
      report,
      editorState: editorState(report),
      title: report.meta.title,
      kind: report.meta.kind,
      year: facets.year,
      unit: report.meta.unit,
      characters: reportStats(report).characters,
      createdAt: updatedAt - 30 * DAY,
      updatedAt,
      deletedAt: 0
    }
    await write(encoder.add('reports', [record]))
    // Three versions: two automatic drafts before it and the last one taken by hand.
    for (let v = 0; v < 3; v++) {
      const text = v === 2 ? report : earlier(report, v + 1)
      const version: VersionRecord = { reportId: id, createdAt: updatedAt - (3 - v) * 3600_000, reason: v === 2 ? 'manual' : 'auto', note: v === 2 ? '送审稿' : '', report: text, editorState: editorState(text) }
      await park(`${JSON.stringify(version)}\n`)
    }
  }
  await ended(pending)
  // The app reopens the newest draft (a final report opens read-only, and a bench types into it).
  await write(encoder.add('settings', [{ key: 'session', value: { reportId: docs[firstDraft(docs)].id } }]))
  for await (const line of createInterface({ input: createReadStream(`${out}.versions`), crlfDelay: Infinity })) {
    if (line) await write(encoder.add('versions', [JSON.parse(line) as VersionRecord]))
  }
  await write(encoder.tail())
  await ended(payload)
  await writeFile(out, encoder.head())
  await pipeline(createReadStream(`${out}.payload`), createWriteStream(out, { flags: 'a' }))
  await rm(`${out}.payload`)
  await rm(`${out}.versions`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [count, out] = process.argv.slice(2)
  const t0 = performance.now()
  await writeArchiveBackup(Number(count), out)
  process.stdout.write(`wrote ${count} reports to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
}

/**
 * Every released schema version opens under the current one with its data intact. Each fixture
 * (fixtures/README.md) is a database as a release left it; it is recreated in fake-indexeddb with
 * that release's exact schema and rows, then opened by the current app code: every row must come
 * back as it was, plus exactly the fields the upgrades add, through the app's own queries, and
 * every stored editor state must still open in the editor in full (never read-only).
 *
 * Run: npx vitest run src/renderer/src/db/schema-fixtures.test.ts
 */
import 'fake-indexeddb/auto'
import { createHeadlessEditor } from '@lexical/headless'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { REPORT_NODES } from '../editor/nodes'
import { initialStateLoader, type LoadOutcome } from '../editor/loadRecord'
import { summaryOf } from '@shared/archive/records'
import { ArchiveDatabase, DB_NAME, db, type ReportRecord } from './database'
import { archiveOf } from './testing'
import { getReport, listReports, listTrash } from './reports'
import { loadSession } from './session'
import { listVersions } from './versions'

interface StoreDump {
  keyPath: string | string[] | null
  autoIncrement: boolean
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[]
  rows: Record<string, unknown>[]
}

interface Fixture {
  release: string
  schemaVersion: number
  name: string
  idbVersion: number
  stores: Record<string, StoreDump>
}

const fixtures: Fixture[] = Object.entries(import.meta.glob<Fixture>('./fixtures/*.json', { eager: true, import: 'default' }))
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, f]) => f)

/** Each released version's schema exactly as its Dexie declaration read. */
const RELEASED_SCHEMAS: Record<number, Record<string, string>> = {
  1: { reports: 'id, status, updatedAt, year, kind, unit', settings: 'key' },
  2: { reports: 'id, status, updatedAt, year, kind, unit, deletedAt, previousId', settings: 'key', versions: '++seq, reportId, [reportId+createdAt]' }
}

/** What the upgrades after a version add to its rows (and nothing else may change). */
const UPGRADES: Record<number, Record<string, (row: Record<string, unknown>) => Record<string, unknown>>> = {
  1: { reports: (r) => ({ ...r, deletedAt: 0 }) },
  2: {}
}

/** The schema of a database as IndexedDB holds it, comparable with a fixture's. */
function schemaOf(idb: IDBDatabase): Record<string, Omit<StoreDump, 'rows'>> {
  const out: Record<string, Omit<StoreDump, 'rows'>> = {}
  const tx = idb.transaction(Array.from(idb.objectStoreNames))
  for (const name of Array.from(idb.objectStoreNames)) {
    const store = tx.objectStore(name)
    out[name] = {
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: Array.from(store.indexNames)
        .map((i) => store.index(i))
        .map((i) => ({ name: i.name, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry }))
    }
  }
  return out
}

const withoutRows = (f: Fixture) => Object.fromEntries(Object.entries(f.stores).map(([n, { rows: _rows, ...s }]) => [n, s]))

/** Recreates a fixture: the release's IndexedDB version, stores, indexes and rows, written with the plain API. */
function restore(name: string, f: Fixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, f.idbVersion)
    req.onupgradeneeded = () => {
      for (const [storeName, s] of Object.entries(f.stores)) {
        const store = req.result.createObjectStore(storeName, { keyPath: s.keyPath, autoIncrement: s.autoIncrement })
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry })
        for (const row of s.rows) store.add(row)
      }
    }
    req.onsuccess = () => {
      req.result.close()
      resolve()
    }
    req.onerror = () => reject(req.error)
  })
}

afterEach(async () => {
  // The app's own db must open again on its next query, on the next fixture.
  db.close({ disableAutoOpen: false })
  await Dexie.delete(DB_NAME)
  await Dexie.delete('zongjie-schema-check')
})

describe('released database versions', () => {
  it('there is a fixture for every released schema version', () => {
    expect(fixtures.map((f) => f.schemaVersion)).toEqual(Object.keys(RELEASED_SCHEMAS).map(Number))
  })

  describe.each(fixtures.map((f) => [`version ${f.schemaVersion} (${f.release})`, f] as const))('%s', (_label, fixture) => {
    it("its schema is exactly that version's declaration", async () => {
      const check = new Dexie('zongjie-schema-check')
      check.version(fixture.schemaVersion).stores(RELEASED_SCHEMAS[fixture.schemaVersion])
      await check.open()
      expect(check.backendDB().version).toBe(fixture.idbVersion)
      expect(schemaOf(check.backendDB())).toEqual(withoutRows(fixture))
      check.close()
    })

    it('opens under the current schema with every record intact, and the summary table filled from them', async () => {
      await restore(DB_NAME, fixture)
      const current = new ArchiveDatabase(DB_NAME)
      await current.open()
      expect(current.verno).toBeGreaterThanOrEqual(fixture.schemaVersion)
      const upgrade = (table: string) => UPGRADES[fixture.schemaVersion][table] ?? ((r: Record<string, unknown>) => r)
      const expected = Object.fromEntries(['reports', 'versions', 'settings'].map((t) => [t, (fixture.stores[t]?.rows ?? []).map(upgrade(t))]))
      // Every record, whole, as the app and a backup read it: reports with their model and editor state, versions with their content.
      const records = await archiveOf(current)
      const byKey = (rows: Record<string, unknown>[], key: string) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])))
      expect(records.reports).toEqual(byKey(expected.reports, 'id'))
      expect(records.versions).toEqual(expected.versions)
      expect(records.settings).toEqual(byKey(expected.settings, 'key'))
      // The summary table: one light row per report, exactly the report without its content.
      expect(await current.summaries.toArray()).toEqual(byKey(expected.reports, 'id').map((r) => summaryOf(r as unknown as ReportRecord)))
      // New writes work on the upgraded database: a version snapshot gets the next number.
      const seqs = (fixture.stores.versions?.rows ?? []).map((r) => r.seq as number)
      const added = await current.versions.add({ reportId: 'x', createdAt: 1, reason: 'manual', note: '', reportChunks: [], stateChunks: null })
      expect(added).toBe(Math.max(0, ...seqs) + 1)
      current.close()
    })

    it("the app's own queries find everything: drafts, trash, links, versions, the session", async () => {
      await restore(DB_NAME, fixture)
      const reports = fixture.stores.reports.rows
      const live = reports.filter((r) => !r.deletedAt)
      const listed = await listReports()
      expect(listed.map((r) => r.id).sort()).toEqual(live.map((r) => r.id as string).sort())
      // Newest first, as the drafts list shows them.
      expect(listed.map((r) => r.updatedAt)).toEqual([...listed.map((r) => r.updatedAt)].sort((a, b) => b - a))
      expect((await listTrash()).map((r) => r.id).sort()).toEqual(reports.filter((r) => r.deletedAt).map((r) => r.id as string).sort())
      for (const r of reports) {
        const got = await getReport(r.id as string)
        expect(got?.report).toEqual(r.report)
        expect(got?.editorState).toBe(r.editorState)
        expect(got?.previousId).toBe(r.previousId)
        expect(await db.summaries.where('deletedAt').equals(0).count()).toBe(live.length)
        const versions = (fixture.stores.versions?.rows ?? []).filter((v) => v.reportId === r.id)
        expect((await listVersions(r.id as string)).map((v) => v.seq)).toEqual(versions.map((v) => v.seq).reverse())
      }
      const session = fixture.stores.settings.rows.find((s) => s.key === 'session')?.value as { reportId: string }
      expect((await loadSession()).reportId).toBe(session.reportId)
    })

    it('every stored editor state opens in the editor in full, never read-only', () => {
      const states = [...fixture.stores.reports.rows, ...(fixture.stores.versions?.rows ?? [])].filter((r) => typeof r.editorState === 'string')
      expect(states.length).toBeGreaterThan(0)
      for (const row of states) {
        const outcome: LoadOutcome = { problem: null }
        const editor = createHeadlessEditor({ nodes: REPORT_NODES, onError: (e) => { throw e } })
        editor.update(() => initialStateLoader(row.editorState as string, row.report as never, outcome)(editor), { discrete: true })
        expect(outcome.problem, `${row.id ?? row.seq}`).toBeNull()
        expect(JSON.stringify(editor.getEditorState().toJSON())).toBe(row.editorState)
      }
    })
  })
})

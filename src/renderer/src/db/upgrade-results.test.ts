/**
 * The move to schema version 3 changes where lists and search read from (the summary table, the
 * worker's own reads and its saved index), not what they show: on an archive seeded in the
 * version-2 layout, the lists, every filter and every search give the same results before the
 * upgrade (computed the way the app computed them from full records) and after it.
 */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { summaryOf, type ReportRecord } from '@shared/archive/records'
import { sampleArchive } from '@shared/backup/sample-archive'
import { SearchIndex } from '@shared/search/searchIndex'
import { REPORT_KINDS } from '@shared/doc/model'
import { matchesFilter, NO_FILTER, sortReports, type LibraryFilter } from '../features/library/libraryFilter'
import { ArchiveIndex } from '../features/search/archiveIndex'
import { DB_NAME, db } from './database'
import { listReports, listTrash } from './reports'

const NAME = DB_NAME
afterEach(async () => {
  // The app's own db must open again on its next query, on the next test.
  db.close({ disableAutoOpen: false })
  await Dexie.delete(NAME)
})

/** The archive as version 2 stored it: whole records in `reports`, versions whole. */
async function seedVersion2(records: ReportRecord[]): Promise<void> {
  const v2 = new Dexie(NAME)
  v2.version(2).stores({ reports: 'id, status, updatedAt, year, kind, unit, deletedAt, previousId', settings: 'key', versions: '++seq, reportId, [reportId+createdAt]' })
  await v2.table('reports').bulkAdd(records)
  v2.close()
}

/** A varied archive: several years, kinds, units and statuses, some in the trash, shared phrases. */
function archive(): ReportRecord[] {
  const base = sampleArchive({ reports: 40, versionsPerReport: 0, paragraphs: 2 }).reports
  const units = ['县第一中学', '实验小学', '县教育局']
  return base.map((r, i) => ({
    ...r,
    kind: REPORT_KINDS[i % 4],
    unit: units[i % 3],
    year: 2018 + (i % 6),
    updatedAt: r.updatedAt + ((i * 7919) % 40) * 1000,
    deletedAt: i % 9 === 4 ? r.updatedAt + 50_000 + i : 0,
    report: { ...r.report, meta: { ...r.report.meta, kind: REPORT_KINDS[i % 4], unit: units[i % 3] } }
  }))
}

const FILTERS: LibraryFilter[] = [
  NO_FILTER,
  { ...NO_FILTER, year: 2020 },
  { ...NO_FILTER, kind: 'half-year' },
  { ...NO_FILTER, status: 'final' },
  { ...NO_FILTER, unit: '实验小学', status: 'draft' }
]
const QUERIES = ['教育', '入园率', '安全生产大检查', '放管服', '存在的主要问题', '93.5%', '第3号', '不存在的短语']

describe('results before and after the upgrade to the summary table and the worker index', () => {
  it('lists, filters and searches give identical results', async () => {
    const records = archive()
    await seedVersion2(records)

    // Before: as the app computed them, from full records.
    const live = records.filter((r) => !r.deletedAt)
    // Newest first as version 2 listed them: IndexedDB's updatedAt index read backwards (equal times by id, backwards too).
    const beforeList = [...live].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)).map(summaryOf)
    const beforeTrash = records.filter((r) => r.deletedAt).sort((a, b) => b.deletedAt - a.deletedAt).map(summaryOf)
    const oldIndex = new SearchIndex()
    oldIndex.load(live.map((r) => ({ id: r.id, report: r.report, facets: { year: r.year, kind: r.kind, status: r.status, unit: r.unit } })))

    // After: the upgraded database, through the app's own queries and the worker's index.
    const afterList = await listReports()
    const afterTrash = await listTrash()
    expect(afterList).toEqual(beforeList)
    expect(afterTrash).toEqual(beforeTrash)
    for (const filter of FILTERS) {
      for (const key of ['updatedAt', 'title', 'year', 'characters'] as const) {
        expect(sortReports(afterList.filter((r) => matchesFilter(r, filter)), key, true)).toEqual(sortReports(beforeList.filter((r) => matchesFilter(r, filter)), key, true))
      }
    }
    const built = new ArchiveIndex(db)
    await built.start()
    // And once more from the index it saved, as the next start does.
    const loaded = new ArchiveIndex(db)
    expect(await loaded.start()).toBe(0)
    for (const q of QUERIES) {
      for (const filter of [undefined, { year: 2020 }, { kind: 'half-year' }, { unit: '实验小学', status: 'draft' }]) {
        const expected = oldIndex.query(q, { filter, limit: 50 })
        expect(built.search(q, filter, 50)).toEqual(expected)
        expect(loaded.search(q, filter, 50)).toEqual(expected)
      }
    }
  })
})

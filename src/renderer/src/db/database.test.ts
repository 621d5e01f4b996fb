import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '@shared/doc/model'
import { ArchiveDatabase } from './database'
import { archiveOf } from './testing'

const NAME = 'zongjie-upgrade-test'

afterEach(async () => {
  await Dexie.delete(NAME)
})

/** The schema exactly as version 1 shipped it. */
function openVersion1(): Dexie {
  const v1 = new Dexie(NAME)
  v1.version(1).stores({ reports: 'id, status, updatedAt, year, kind, unit', settings: 'key' })
  return v1
}

describe('database schema upgrades', () => {
  it('a version-1 database opens under the current schema with every report and setting intact', async () => {
    const v1 = openVersion1()
    const report = emptyReport({ title: '2024年工作总结', kind: 'annual' })
    report.sections = [section(1, '基本情况', [paragraph('入园率93%。')])]
    const rows = Array.from({ length: 25 }, (_, i) => ({
      id: `r${i}`,
      status: i % 5 === 0 ? 'final' : 'draft',
      report,
      editorState: i % 2 ? '{"root":{"children":[]}}' : null,
      title: `${i}号总结`,
      kind: 'annual',
      year: 2024,
      unit: '某县教育局',
      characters: 10,
      createdAt: 1000 + i,
      updatedAt: 2000 + i
    }))
    await v1.table('reports').bulkAdd(rows)
    await v1.table('settings').put({ key: 'session', value: { reportId: 'r3' } })
    v1.close()

    const db = new ArchiveDatabase(NAME)
    await db.open()
    expect(db.verno).toBeGreaterThan(1)
    const upgraded = (await archiveOf(db)).reports.sort((a, b) => a.createdAt - b.createdAt)
    expect(upgraded).toHaveLength(25)
    upgraded.forEach((r, i) => {
      expect(r).toEqual({ ...rows[i], deletedAt: 0 })
    })
    expect(await db.summaries.where('deletedAt').equals(0).count()).toBe(25)
    expect((await db.settings.get('session'))?.value).toEqual({ reportId: 'r3' })
    expect(await db.versions.count()).toBe(0)
    db.close()
  })
})

import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ReportSummary } from '@shared/archive/records'
import { emptyReport } from '@shared/doc/model'
import { db } from '../../db/database'
import { createReport, trashReport } from '../../db/reports'
import { followArchive, patchLists, type ArchiveLists } from './archiveList'

const row = (id: string, updatedAt: number, deletedAt = 0): ReportSummary => ({ id, status: 'draft', title: id, kind: 'annual', year: 2024, unit: '', characters: 0, createdAt: 0, updatedAt, deletedAt })

describe('the lists after a change', () => {
  const lists = { reports: [row('c', 30), row('b', 20), row('a', 10)], trash: [row('t', 5, 100)] }

  it('a save moves the one row to the top; the others stay as they were', () => {
    const next = patchLists(lists, new Set(['a']), [row('a', 40)])
    expect(next.reports.map((r) => r.id)).toEqual(['a', 'c', 'b'])
    expect(next.reports[1]).toBe(lists.reports[0])
    expect(next.trash).toEqual(lists.trash)
  })

  it('trash, restore and removal move rows between the lists in order', () => {
    let next = patchLists(lists, new Set(['b']), [row('b', 20, 200)])
    expect(next.reports.map((r) => r.id)).toEqual(['c', 'a'])
    expect(next.trash.map((r) => r.id)).toEqual(['b', 't'])
    next = patchLists(next, new Set(['t']), [row('t', 25)])
    expect(next.reports.map((r) => r.id)).toEqual(['c', 't', 'a'])
    next = patchLists(next, new Set(['c', 'gone']), [undefined, undefined])
    expect(next.reports.map((r) => r.id)).toEqual(['t', 'a'])
  })
})

describe('the lists at start', () => {
  it('are read once the last draft is open, not ahead of it; a change meanwhile is applied after', async () => {
    await Promise.all(db.tables.map((t) => t.clear()))
    const a = await createReport(emptyReport({ title: '甲' }))
    const b = await createReport(emptyReport({ title: '乙' }))
    let lists: ArchiveLists = { reports: [], trash: [] }
    const published: ArchiveLists[] = []
    let opened!: () => void
    const off = followArchive(
      (l) => published.push((lists = l)),
      () => lists,
      new Promise<void>((r) => (opened = r))
    )
    await trashReport(b.id)
    await new Promise((r) => setTimeout(r, 50))
    expect(published).toEqual([])
    opened()
    await expect.poll(() => published.length).toBe(2)
    expect(lists.reports.map((r) => r.id)).toEqual([a.id])
    expect(lists.trash.map((r) => r.id)).toEqual([b.id])
    off()
  })
})

import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { VERSION_REASONS } from '@shared/archive/records'
import { DAY_MS, HOUR_MS, versionsToThin } from '@shared/archive/thinning'
import { emptyReport, paragraph, section } from '@shared/doc/model'
import { db } from './database'
import { noteClerkWriting } from './foreground'
import { createReport, saveReport } from './reports'
import { addVersion, getVersion, listVersions, maybeAutoVersion, thinAllVersions } from './versions'

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
})

/** Varied text, as a report's is (a repeated phrase would cut into chunks as no real text does). */
const FILLER = Array.from({ length: 300 }, (_, i) => `第${i + 1}项工作完成率${(i * 37) % 100}%，`).join('')

function report(text: string) {
  const r = emptyReport({ title: '2024年工作总结', kind: 'annual', period: '2024年' })
  r.sections = [section(1, '主要做法', [paragraph(text)]), section(1, '存在问题', [paragraph(FILLER)])]
  return r
}

describe('thinning', () => {
  it('never removes a version taken by hand, on finalize, on export or before a restore, whatever its age', () => {
    const now = Date.UTC(2026, 0, 1)
    fc.assert(
      fc.property(fc.array(fc.record({ age: fc.integer({ min: 0, max: 400 * DAY_MS }), reason: fc.constantFrom(...VERSION_REASONS) }), { maxLength: 200 }), (specs) => {
        const versions = specs.map((s, i) => ({ seq: i + 1, createdAt: now - s.age, reason: s.reason }))
        const dropped = new Set(versionsToThin(versions, now))
        for (const v of versions) if (v.reason !== 'auto') expect(dropped.has(v.seq)).toBe(false)
        // Of the automatic ones: all of the last day, the last of each hour after that, of each day after a month.
        const kept = versions.filter((v) => v.reason === 'auto' && !dropped.has(v.seq))
        for (const v of versions.filter((x) => x.reason === 'auto' && now - x.createdAt < DAY_MS)) expect(dropped.has(v.seq)).toBe(false)
        const hourly = kept.filter((v) => now - v.createdAt >= DAY_MS && now - v.createdAt < 30 * DAY_MS).map((v) => Math.floor(new Date(v.createdAt).getTime() / HOUR_MS))
        expect(new Set(hourly).size).toBe(hourly.length)
      })
    )
  })

  it('a pass writes only to the histories it thins, so saves meanwhile are not held up', async () => {
    // Half past an hour: the busy day's six versions, five minutes apart, then share one hour.
    const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS + HOUR_MS / 2
    const quiet = await Promise.all(Array.from({ length: 30 }, (_, i) => createReport(report(`第${i}份`))))
    for (const r of quiet) await addVersion(r, 'auto', '', now - 3 * DAY_MS)
    // A draft sent for review: a version by hand beside an automatic one of the same old hour. Nothing to thin.
    const reviewed = await Promise.all(Array.from({ length: 10 }, (_, i) => createReport(report(`送审${i}`))))
    for (const r of reviewed) {
      await addVersion(r, 'auto', '', now - 40 * DAY_MS - 2 * 60 * 1000)
      await addVersion(r, 'manual', '送审稿', now - 40 * DAY_MS)
    }
    const busy = await createReport(report('改了一天'))
    for (let k = 0; k < 6; k++) await addVersion({ ...busy, report: report(`第${k}稿`) }, 'auto', '', now - 2 * DAY_MS - k * 60 * 1000)
    const writes = vi.spyOn(db, 'transaction')
    expect(await thinAllVersions(now)).toBe(5)
    const readWrite = writes.mock.calls.filter((args) => args[0] === 'rw')
    writes.mockRestore()
    expect(readWrite).toHaveLength(1)
    expect(await listVersions(busy.id)).toHaveLength(1)
    for (const r of quiet) expect(await listVersions(r.id)).toHaveLength(1)
    for (const r of reviewed) expect(await listVersions(r.id)).toHaveLength(2)
  })

  it('waits while the clerk saves and goes on once the saves pause', async () => {
    const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS + HOUR_MS / 2
    const busy = await createReport(report('改了一天'))
    for (let k = 0; k < 6; k++) await addVersion({ ...busy, report: report(`第${k}稿`) }, 'auto', '', now - 2 * DAY_MS - k * 60 * 1000)
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    noteClerkWriting()
    const pass = thinAllVersions(now, { quietMs: 300 })
    await sleep(150)
    expect(await listVersions(busy.id)).toHaveLength(6)
    noteClerkWriting() // the next autosave
    await sleep(200)
    expect(await listVersions(busy.id)).toHaveLength(6)
    expect(await pass).toBe(5)
    expect(await listVersions(busy.id)).toHaveLength(1)
  })

  it('finds every history to thin when its versions fall across pages of the scan, two of one millisecond included', async () => {
    const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS + HOUR_MS / 2
    const quiet = await Promise.all(Array.from({ length: 5 }, (_, i) => createReport(report(`第${i}份`))))
    for (const r of quiet) await addVersion(r, 'auto', '', now - 3 * DAY_MS)
    const busy = await createReport(report('改了一天'))
    for (let k = 0; k < 4; k++) await addVersion({ ...busy, report: report(`第${k}稿`) }, 'auto', '', now - 2 * DAY_MS - k * 60 * 1000)
    const twice = await createReport(report('同一毫秒'))
    for (let k = 0; k < 3; k++) await addVersion({ ...twice, report: report(`第${k}遍`) }, 'auto', '', now - 5 * DAY_MS)
    expect(await thinAllVersions(now, { pageSize: 2 })).toBe(3 + 2)
    expect(await listVersions(busy.id)).toHaveLength(1)
    expect(await listVersions(twice.id)).toHaveLength(1)
    for (const r of quiet) expect(await listVersions(r.id)).toHaveLength(1)
  })

  it('thins a long history in the database, keeps every manual version, and each kept version still opens', async () => {
    const a = await createReport(report('第0稿'))
    const now = Date.now()
    // Six weeks of editing, a snapshot every 10 minutes for 8 hours a day, a manual version every day.
    for (let day = 42; day >= 0; day--) {
      for (let k = 0; k < 48; k++) await addVersion({ ...a, report: report(`第${day}天第${k}稿`) }, 'auto', '', now - day * DAY_MS - k * 10 * 60 * 1000)
      await addVersion({ ...a, report: report(`第${day}天定稿`) }, 'manual', `第${day}天`, now - day * DAY_MS - 12 * HOUR_MS)
    }
    const before = await listVersions(a.id)
    expect(before).toHaveLength(43 * 49)
    await thinAllVersions(now)
    const after = await listVersions(a.id)
    expect(after.filter((v) => v.reason === 'manual')).toHaveLength(43)
    expect(after.length).toBeLessThan(before.length / 3)
    // Compare and restore read a version's text: every kept one is whole.
    for (const v of after) expect((await getVersion(v.seq))?.report.sections[0].blocks[0]).toMatchObject({ type: 'paragraph' })
    // Nothing is left of removed versions: every stored chunk is held by a kept version.
    const held = new Set((await db.versions.toArray()).flatMap((v) => [...v.reportChunks, ...(v.stateChunks ?? [])]))
    expect((await db.chunks.toArray()).every((c) => held.has(c.key))).toBe(true)
  })

  it('consecutive versions share their unchanged text: a small edit adds a little, not a whole report', async () => {
    const a = await createReport(report('初稿'))
    await saveReport(a.id, report('初稿'), JSON.stringify({ root: { children: [{ type: 'title', text: '2024年工作总结' }, { type: 'paragraph', text: FILLER }] } }))
    const t = Date.now()
    expect(await maybeAutoVersion(a.id, t)).toBe(true)
    const size = async () => (await db.chunks.toArray()).reduce((n, c) => n + c.text.length, 0)
    const first = await size()
    await saveReport(a.id, report('初稿，改了一句。'), JSON.stringify({ root: { children: [{ type: 'title', text: '2024年工作总结' }, { type: 'paragraph', text: FILLER }] } }))
    expect(await maybeAutoVersion(a.id, t + 11 * 60 * 1000)).toBe(true)
    const added = (await size()) - first
    expect(added).toBeGreaterThan(0)
    expect(added).toBeLessThan(first / 3)
  })
})

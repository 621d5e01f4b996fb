import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '@shared/doc/model'
import { db } from './database'
import { createReport, discardIfBlank, getReport, listReports, listTrash, purgeTrash, restoreFromTrash, saveReport, setStatus, trashReport, TRASH_DAYS } from './reports'
import { AUTO_VERSION_INTERVAL_MS, addVersion, getVersion, listVersions, maybeAutoVersion, restoreVersion } from './versions'

const DAY = 24 * 3600 * 1000

function report(text: string) {
  const r = emptyReport({ title: '2024年工作总结', kind: 'annual', period: '2024年' })
  r.sections = [section(1, '主要做法', [paragraph(text)])]
  return r
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
})

describe('trash', () => {
  it('a deleted report leaves the list, can be restored, and is purged only after 30 days', async () => {
    const a = await createReport(report('甲'))
    const b = await createReport(report('乙'))
    const now = Date.now()
    await trashReport(a.id, now)
    expect((await listReports()).map((r) => r.id)).toEqual([b.id])
    expect((await listTrash()).map((r) => r.id)).toEqual([a.id])
    await restoreFromTrash(a.id)
    expect((await listReports()).map((r) => r.id).sort()).toEqual([a.id, b.id].sort())

    await trashReport(a.id, now)
    await addVersion({ ...a }, 'manual')
    expect(await purgeTrash(now + (TRASH_DAYS - 1) * DAY)).toBe(0)
    expect(await getReport(a.id)).toBeDefined()
    expect(await purgeTrash(now + (TRASH_DAYS + 1) * DAY)).toBe(1)
    expect(await getReport(a.id)).toBeUndefined()
    expect(await listVersions(a.id)).toEqual([])
    expect(await getReport(b.id)).toBeDefined()
  })
})

describe('versions', () => {
  it('automatic snapshots come at most once per 10 minutes', async () => {
    const a = await createReport(report('甲'))
    const t = Date.now()
    expect(await maybeAutoVersion(a.id, t)).toBe(true)
    expect(await maybeAutoVersion(a.id, t + AUTO_VERSION_INTERVAL_MS - 1)).toBe(false)
    expect(await maybeAutoVersion(a.id, t + AUTO_VERSION_INTERVAL_MS)).toBe(true)
    expect((await listVersions(a.id)).map((v) => v.reason)).toEqual(['auto', 'auto'])
  })

  it('restoring a version keeps the current text as a version of its own', async () => {
    const a = await createReport(report('第一稿'))
    await addVersion(a, 'manual', '第一稿')
    await saveReport(a.id, report('第二稿'), '{}')
    const [first] = await listVersions(a.id)
    const restored = await restoreVersion(first.seq!)
    expect(restored.report.sections[0].blocks[0]).toEqual(paragraph('第一稿'))
    expect((await getReport(a.id))?.report.sections[0].blocks[0]).toEqual(paragraph('第一稿'))
    const versions = await listVersions(a.id)
    expect(versions.map((v) => v.reason)).toEqual(['restore', 'manual'])
    expect((await getVersion(versions[0].seq))?.report.sections[0].blocks[0]).toEqual(paragraph('第二稿'))
  })

  it('a final report refuses saves until it is reopened', async () => {
    const a = await createReport(report('定稿'))
    await setStatus(a.id, 'final')
    await expect(saveReport(a.id, report('改动'), '{}')).rejects.toThrow('已定稿')
    await setStatus(a.id, 'draft')
    await saveReport(a.id, report('改动'), '{}')
    expect((await getReport(a.id))?.report.sections[0].blocks[0]).toEqual(paragraph('改动'))
  })
})

describe('blank drafts', () => {
  it('an untouched blank draft is discarded, anything with a title or text is kept', async () => {
    const blank = await createReport(emptyReport())
    const titled = await createReport(emptyReport({ title: '只有标题' }))
    const withText = await createReport(report('正文'))
    expect(await discardIfBlank(blank.id)).toBe(true)
    expect(await getReport(blank.id)).toBeUndefined()
    expect(await discardIfBlank(titled.id)).toBe(false)
    expect(await discardIfBlank(withText.id)).toBe(false)
    await setStatus(withText.id, 'final')
    expect(await getReport(titled.id)).toBeDefined()
  })
})

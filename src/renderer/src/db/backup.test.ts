import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { canonicalJson, checksumOf, encodeBackup, type Archive } from '@shared/backup'
import { wholeFileChecksum } from '@shared/backup/checksums'
import { sampleArchive } from '@shared/backup/sample-archive'
import { ArchiveDatabase } from './database'
import { backupArchive, type ArchiveBatch } from './backup'
import { applyRestore, bytesSource, clearStaging, previewRestore } from './restore'
import { archiveOf, backupBytes, seedArchive } from './testing'
import { userErrorOf } from '@shared/testing/userErrors'

const opened: ArchiveDatabase[] = []
let counter = 0

/** A fresh database with a name no other test uses; deleted after the test. */
async function freshDb(rows?: Archive): Promise<ArchiveDatabase> {
  const db = new ArchiveDatabase(`zongjie-backup-test-${Date.now().toString(36)}-${++counter}`)
  opened.push(db)
  await db.open()
  if (rows) await seedArchive(db, rows)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const NOW = new Date('2025-01-15T08:30:00.000Z')
/** The exact bytes main writes (writeBackup writes encodeBackup's text as UTF-8; its test checks that). */
const fileBytes = (archive: Archive) => new TextEncoder().encode(encodeBackup(archive, { appVersion: '0.1.0', now: NOW }).text)
const source = (archive: Archive) => bytesSource(fileBytes(archive), 997)

/** The archive's content as whole records (what a clerk can see and a backup holds). */
const tablesOf = (db: ArchiveDatabase) => archiveOf(db)

describe('back up → file → replace', () => {
  it('restores a wiped database to identical records, and backs it up again to the same bytes', async () => {
    const seeded = sampleArchive({ reports: 8, versionsPerReport: 3 })
    // The database hands records out in key order.
    const original = { ...seeded, settings: [...seeded.settings].sort((a, b) => a.key.localeCompare(b.key)) }
    const db = await freshDb(original)
    const before = await tablesOf(db)
    expect(before).toEqual({ reports: original.reports, versions: original.versions, settings: original.settings })
    // Written record by record, as main writes it: the same bytes as the one-piece encoder.
    const bytes = await backupBytes(db, { appVersion: '0.1.0', now: NOW })
    expect(new TextDecoder().decode(bytes)).toBe(encodeBackup(original, { appVersion: '0.1.0', now: NOW }).text)

    // A database with other content, which the replace wipes.
    const target = await freshDb(sampleArchive({ reports: 2, versionsPerReport: 7, base: 1_600_000_000_000 }))
    await target.settings.put({ key: 'only-here', value: true })
    const result = await applyRestore(target, bytesSource(bytes, 4096), 'replace')
    expect(result.backup).toEqual({ reports: 8, versions: 24, settings: 3 })
    expect(result.reports.localOnly).toEqual([])

    expect(await tablesOf(target)).toEqual(before)
    expect(await backupBytes(target, { appVersion: '0.1.0', now: NOW })).toEqual(bytes)
    // Version numbering continues after the restored ones.
    const seq = await target.versions.add({ ...(await target.versions.toArray())[0], seq: undefined })
    expect(seq).toBeGreaterThan(24)
  })
})

describe('a backup that fails', () => {
  it('stops at the batch main could not write, and says why', async () => {
    const db = await freshDb(sampleArchive({ reports: 30, versionsPerReport: 2 }))
    const written: ArchiveBatch[] = []
    const write = async (batch: ArchiveBatch) => {
      if (written.length === 1) throw new Error('磁盘已满')
      written.push(batch)
    }
    const progress: number[] = []
    await expect(backupArchive(db, write, (done) => progress.push(done))).rejects.toThrow('磁盘已满')
    expect(written.map((b) => b.table)).toEqual(['reports'])
    // Progress counts only what was written.
    expect(progress.at(-1)).toBe(written[0].rows.length)
  })
})

describe('merge', () => {
  /**
   * The backup holds r0…r5. Since then, locally: r1 was edited (local newer), r2 was edited on another
   * computer whose copy is in the backup (backup newer), r4 was deleted, r6 is new; one setting changed
   * and one is missing; a version of r0 is new locally and one from the backup is gone locally.
   */
  async function scenario() {
    const backupArchive = sampleArchive({ reports: 6, versionsPerReport: 2 })
    const backup = structuredClone(backupArchive)
    const local = structuredClone(backupArchive)
    const r1 = local.reports[1]
    r1.report.preamble = [{ type: 'paragraph', runs: [{ text: '本机修改后的开头。' }] }]
    r1.updatedAt += 10_000
    const r2 = local.reports[2]
    r2.report.preamble = [{ type: 'paragraph', runs: [{ text: '本机较旧的开头。' }] }]
    r2.updatedAt -= 10_000
    local.reports = local.reports.filter((r) => r.id !== 'r4')
    local.reports.push({ ...local.reports[0], id: 'r6', title: '新写的总结', updatedAt: NOW.getTime() })
    local.versions = local.versions.filter((v) => v.seq !== 3)
    local.versions.push({ ...local.versions[0], seq: 100, note: '本机新版本', createdAt: NOW.getTime() })
    local.settings = [{ key: 'session', value: { reportId: 'r6' } }, { key: 'editor.fontSize', value: 16 }]
    const db = await freshDb(local)
    return { db, backup, local, backupArchive }
  }

  it('previews what it would add, replace, keep and leave alone', async () => {
    const { db, backup } = await scenario()
    const before = await tablesOf(db)
    const p = await previewRestore(db, source(backup))
    const ids = (list: { id: string }[]) => list.map((r) => r.id)
    expect(ids(p.reports.add)).toEqual(['r4'])
    expect(ids(p.reports.replace)).toEqual(['r2'])
    expect(ids(p.reports.keepLocal)).toEqual(['r1'])
    expect(ids(p.reports.unchanged)).toEqual(['r0', 'r3', 'r5'])
    expect(ids(p.reports.localOnly)).toEqual(['r6'])
    expect(p.reports.add[0]).toMatchObject({ title: '2024年第5号工作总结', inTrash: false })
    expect(p.reports.replace[0].localUpdatedAt).toBeLessThan(p.reports.replace[0].updatedAt)
    expect(p.versions).toEqual({ add: 1, unchanged: 11, savedCopies: 2 })
    expect(p.settings).toEqual({ add: ['checks.disabled'], differ: ['session'], unchanged: ['editor.fontSize'] })
    expect(p.source).toEqual({ createdAt: NOW.toISOString(), appVersion: '0.1.0' })
    expect(p.local).toEqual({ reports: 6, versions: 12, settings: 2 })
    // A preview writes nothing.
    expect(await tablesOf(db)).toEqual(before)
  })

  it('adds and replaces, never drops newer local work, and is idempotent', async () => {
    const { db, backup, local } = await scenario()
    await applyRestore(db, source(backup), 'merge')
    const records = await tablesOf(db)
    const get = (id: string) => records.reports.find((r) => r.id === id)!

    // Backup newer: the backup's copy, and the local text kept in the history.
    expect(await get('r2')).toEqual(backup.reports[2])
    const r2History = records.versions.filter((v) => v.reportId === 'r2')
    expect(r2History.find((v) => v.reason === 'restore')).toMatchObject({
      note: '恢复备份前的本机内容',
      createdAt: local.reports[2].updatedAt,
      report: local.reports[2].report
    })

    // Local newer: the local copy stays; the backup's text goes into the history.
    expect(await get('r1')).toEqual(local.reports[1])
    const r1Restore = records.versions.filter((v) => v.reportId === 'r1' && v.reason === 'restore')
    expect(r1Restore).toHaveLength(1)
    expect(r1Restore[0]).toMatchObject({ report: backup.reports[1].report, editorState: backup.reports[1].editorState, createdAt: backup.reports[1].updatedAt })
    expect(r1Restore[0].note).toContain('备份于 2025-01-15')

    expect(await get('r4')).toEqual(backup.reports[4])
    expect(await get('r6')).toEqual(local.reports.find((r) => r.id === 'r6'))
    expect(records.reports).toHaveLength(7)
    expect(records.versions).toHaveLength(12 + 1 + 2)
    expect(records.versions.filter((v) => v.note === '本机新版本')).toHaveLength(1)
    expect((await db.settings.get('session'))?.value).toEqual({ reportId: 'r6' })
    expect((await db.settings.get('checks.disabled'))?.value).toEqual(['halfwidth-punctuation'])

    // Merging the same backup again changes nothing.
    const after = await tablesOf(db)
    const again = await previewRestore(db, source(backup))
    expect(again.reports.add).toEqual([])
    expect(again.reports.replace).toEqual([])
    expect(again.versions).toMatchObject({ add: 0, savedCopies: 0 })
    await applyRestore(db, source(backup), 'merge')
    expect(await tablesOf(db)).toEqual(after)
  })

  it('keeps the local copy on equal times, and saves no copy when only the text-free fields differ', async () => {
    const archive = sampleArchive({ reports: 2, versionsPerReport: 0 })
    const local = structuredClone(archive)
    local.reports[0].report.preamble = []
    local.reports[1].status = 'final'
    local.reports[1].updatedAt += 1
    const db = await freshDb(local)
    const p = await applyRestore(db, source(archive), 'merge')
    expect(p.reports.keepLocal.map((r) => r.id)).toEqual(['r0', 'r1'])
    expect(p.versions.savedCopies).toBe(1)
    const after = await tablesOf(db)
    expect(after.reports).toEqual(local.reports)
    expect(after.versions.map((v) => v.reportId)).toEqual(['r0'])
  })
})

describe('a restore is all or nothing', () => {
  it('the start-up cleanup of an interrupted restore leaves a running restore alone', async () => {
    const db = await freshDb(sampleArchive({ reports: 1 }))
    const bytes = fileBytes(sampleArchive({ reports: 12, versionsPerReport: 2 }))
    let release!: () => void
    const paused = new Promise<void>((resolve) => (release = resolve))
    const inner = bytesSource(bytes, 2000)
    // A source that stops halfway, as a slow file does, while the cleanup runs.
    const source = {
      async *read() {
        let n = 0
        for await (const batch of inner.read()) {
          if (n++ === 3) await paused
          yield batch
        }
      }
    }
    const restoring = applyRestore(db, source, 'replace')
    await new Promise((r) => setTimeout(r, 50))
    expect(await db.staging.count()).toBeGreaterThan(0)
    await clearStaging(db)
    release()
    await restoring
    expect((await tablesOf(db)).reports).toHaveLength(12)
    expect(await db.staging.count()).toBe(0)
  })

  it('a flipped byte, a truncated file or a newer format leaves the database untouched', async () => {
    const db = await freshDb(sampleArchive())
    const before = await tablesOf(db)
    const good = fileBytes(sampleArchive({ reports: 9 }))

    const flipped = good.slice()
    flipped[Math.floor(good.length * 0.7)] ^= 0x10
    const truncated = good.slice(0, Math.floor(good.length * 0.9))
    // The version is checked before any checksum (a newer format may compute them differently).
    const newer = JSON.parse(new TextDecoder().decode(good))
    newer.version = 2
    const newerBytes = new TextEncoder().encode(JSON.stringify(newer))

    // The file is read as the restore goes; its damage shows only at the end, and nothing is applied.
    const restore = (bytes: Uint8Array) => () => applyRestore(db, bytesSource(bytes, 1000), 'replace')
    expect((await userErrorOf(restore(flipped))).message).toContain('备份文件已损坏')
    expect((await userErrorOf(restore(truncated))).message).toContain('不完整或已损坏')
    expect((await userErrorOf(restore(newerBytes))).message).toMatch(/^这个备份文件来自更新版本的程序/)
    expect(await tablesOf(db)).toEqual(before)
  })

  it('an invalid row stops the restore before anything changes', async () => {
    const db = await freshDb(sampleArchive())
    const before = await tablesOf(db)
    // A file whose checksums are right but whose last report is not a valid record.
    const doc = JSON.parse(new TextDecoder().decode(fileBytes(sampleArchive({ reports: 3 }))))
    doc.payload.reports[2].record.status = 'lost'
    doc.payload.reports[2].checksum = checksumOf(canonicalJson(doc.payload.reports[2].record))
    const { checksum: _c, ...body } = doc
    const bytes = new TextEncoder().encode(canonicalJson({ ...body, checksum: wholeFileChecksum(body) }))
    expect((await userErrorOf(applyRestore(db, bytesSource(bytes, 500), 'replace'))).code).toBe('backup-invalid')
    expect(await tablesOf(db)).toEqual(before)
    expect(await db.staging.count()).toBe(0)
  })

  it('a failure halfway through a replace rolls everything back', async () => {
    const db = await freshDb(sampleArchive())
    const before = await tablesOf(db)
    const spy = vi.spyOn(db.versions, 'bulkAdd').mockRejectedValue(new Error('disk full'))
    await expect(applyRestore(db, source(sampleArchive({ reports: 9 })), 'replace')).rejects.toThrow('disk full')
    spy.mockRestore()
    expect(await tablesOf(db)).toEqual(before)
  })
})

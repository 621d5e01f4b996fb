import * as fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeBackup, type Archive } from '../../shared/backup'
import { sampleArchive } from '../../shared/backup/sample-archive'
import { autoBackup, autoBackupDue, listRotated, loadAutoBackupSettings, readBackup, saveAutoBackupSettings, writeBackup, writeSafetyBackup } from './backup'
import { cleanupTempFiles } from './files'
import { allowedGenerations, moduleUrl, runAndKill, seededRandom } from './testing/crash-harness'
import { userErrorOf } from '../../shared/testing/userErrors'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zongjie-backup-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const NOW = new Date(2025, 0, 15, 9, 30)
const day = (d: number) => new Date(2025, 0, d, 9, 30)

describe('writeBackup / readBackup', () => {
  it('round-trips the archive through a file, writing exactly the encoded text', async () => {
    const archive = sampleArchive()
    const target = join(dir, 'a.zjbak')
    const result = await writeBackup(target, archive, { appVersion: '0.1.0', now: NOW })
    expect(result).toMatchObject({ path: target, counts: { reports: 6, versions: 12, settings: 3 }, skipped: [] })
    const bytes = await fs.readFile(target)
    expect(bytes.length).toBe(result.bytes)
    expect(bytes.toString('utf8')).toBe(encodeBackup(archive, { appVersion: '0.1.0', now: NOW }).text)
    expect(await readBackup(target)).toEqual({ ...archive, source: { createdAt: NOW.toISOString(), appVersion: '0.1.0' } })
  })

  it('asks before replacing a file', async () => {
    const target = join(dir, 'a.zjbak')
    await writeBackup(target, sampleArchive({ reports: 1 }))
    expect((await userErrorOf(writeBackup(target, sampleArchive({ reports: 2 })))).code).toBe('exists')
    expect((await readBackup(target)).reports).toHaveLength(1)
    await writeBackup(target, sampleArchive({ reports: 2 }), { overwrite: true })
    expect((await readBackup(target)).reports).toHaveLength(2)
  })

  it('refuses a file with a flipped byte, a truncated file, a missing file and an oversized one', async () => {
    const target = join(dir, 'a.zjbak')
    await writeBackup(target, sampleArchive())
    const good = await fs.readFile(target)

    const flipped = Buffer.from(good)
    flipped[Math.floor(good.length / 2)] ^= 0x04
    await fs.writeFile(target, flipped)
    expect((await userErrorOf(readBackup(target))).message).toContain('备份文件已损坏')

    await fs.writeFile(target, good.subarray(0, good.length - 1))
    expect((await userErrorOf(readBackup(target))).message).toContain('不完整或已损坏')

    expect((await userErrorOf(readBackup(join(dir, 'nope.zjbak')))).code).toBe('not-found')
    expect((await userErrorOf(readBackup(dir))).code).toBe('not-a-file')

    // A sparse file: the size is checked before anything is read.
    const huge = join(dir, 'huge.zjbak')
    await fs.writeFile(huge, '')
    await fs.truncate(huge, 401 * 1024 * 1024)
    expect(await userErrorOf(readBackup(huge))).toMatchObject({ code: 'backup-too-large', message: expect.stringContaining('太大') })
  })
})

describe('autoBackup', () => {
  it('writes at most one backup a day and keeps exactly the newest N', async () => {
    const archive = sampleArchive({ reports: 2 })
    await fs.writeFile(join(dir, '我的笔记.txt'), 'not ours')
    await fs.writeFile(join(dir, '工作总结手动备份-20250101.zjbak'), 'not ours either')

    const first = await autoBackup(dir, archive, 3, day(1))
    expect(first.written).toBe(join(dir, '工作总结备份-20250101.zjbak'))
    expect(await autoBackupDue(dir, day(1))).toBe(false)
    expect(await autoBackupDue(dir, day(2))).toBe(true)

    // Same day again, with different content: the day's first backup stays.
    const again = await autoBackup(dir, sampleArchive({ reports: 5 }), 3, new Date(2025, 0, 1, 23, 59))
    expect(again).toEqual({ written: null, removed: [], skipped: [] })
    expect((await readBackup(join(dir, '工作总结备份-20250101.zjbak'))).reports).toHaveLength(2)

    for (const d of [2, 3, 4, 5]) await autoBackup(dir, archive, 3, day(d))
    expect((await listRotated(dir)).map((f) => f.name)).toEqual(['工作总结备份-20250105.zjbak', '工作总结备份-20250104.zjbak', '工作总结备份-20250103.zjbak'])

    // Lowering N prunes on the next run even when today's file exists; other files are never touched.
    const lowered = await autoBackup(dir, archive, 1, day(5))
    expect(lowered.removed.sort()).toEqual(['工作总结备份-20250103.zjbak', '工作总结备份-20250104.zjbak'])
    expect((await fs.readdir(dir)).sort()).toEqual(['工作总结备份-20250105.zjbak', '工作总结手动备份-20250101.zjbak', '我的笔记.txt'].sort())
  })

  it('reports a missing folder clearly', async () => {
    expect((await userErrorOf(autoBackup(join(dir, 'gone'), sampleArchive(), 3, NOW))).code).toBe('not-found')
  })

  it('removes temp files an interrupted run left behind', async () => {
    const stale = join(dir, '.工作总结备份-20250101.zjbak.tmp-0123456789ab')
    await fs.writeFile(stale, 'half')
    const old = new Date(Date.now() - 3600_000)
    await fs.utimes(stale, old, old)
    await autoBackup(dir, sampleArchive({ reports: 1 }), 3, NOW)
    expect(await fs.readdir(dir)).toEqual(['工作总结备份-20250115.zjbak'])
  })
})

describe('safety backup and settings', () => {
  it('keeps the newest safety backups in their own folder', async () => {
    const safety = join(dir, 'safety')
    for (let s = 0; s < 4; s++) await writeSafetyBackup(safety, sampleArchive({ reports: 1 }), new Date(2025, 0, 15, 9, 30, s), { keep: 2 })
    expect(await fs.readdir(safety)).toEqual(['恢复前备份-20250115-093002.zjbak', '恢复前备份-20250115-093003.zjbak'])
  })

  it('stores the automatic-backup settings, with defaults for a missing or damaged file', async () => {
    const file = join(dir, 'backup-settings.json')
    expect(await loadAutoBackupSettings(file)).toEqual({ enabled: false, dir: null, keep: 10 })
    await saveAutoBackupSettings(file, { enabled: true, dir: '/backups', keep: 7 })
    expect(await loadAutoBackupSettings(file)).toEqual({ enabled: true, dir: '/backups', keep: 7 })
    await fs.writeFile(file, '{"enabled":tr')
    expect(await loadAutoBackupSettings(file)).toEqual({ enabled: false, dir: null, keep: 10 })
  })
})

/**
 * The crash case. A child process writes a large backup over an old one again and again and is
 * SIGKILLed at a random moment: half the kills are timed from the child's start (anywhere in
 * encoding, writing, fsync, rename), half from the moment it opens a temp file (inside the write).
 * Half the children write through a slowed-down file handle (a USB stick), which widens that window.
 */
describe('killed midway through a backup', () => {
  const CHILD = `
import { writeBackup } from ${moduleUrl('src/main/services/backup.ts')}
import { sampleArchive } from ${moduleUrl('src/shared/backup/sample-archive.ts')}
import { instrumentedFs, say } from ${moduleUrl('src/main/services/testing/crash-child.ts')}

const [target, mode, base] = process.argv.slice(2)
const childFs = instrumentedFs(mode)
const archive = sampleArchive({ reports: 15, paragraphs: 100, versionsPerReport: 1 })
say('ready')
for (let n = Number(base) + 1; ; n++) {
  archive.settings = [{ key: 'generation', value: n }]
  await writeBackup(target, archive, { overwrite: true, appVersion: 'child', fs: childFs })
  say('wrote ' + n)
}
`

  it('leaves the target old or complete-new every time, and the temp files are cleaned up afterwards', async () => {
    const script = join(dir, 'child.mjs')
    await fs.writeFile(script, CHILD)
    const random = seededRandom(Date.now())

    const lanes = 4
    const killsPerLane = 5
    const outcomes = { old: 0, new: 0 }
    let leftovers = 0
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const laneDir = join(dir, `lane${lane}`)
        await fs.mkdir(laneDir)
        const target = join(laneDir, '工作总结备份.zjbak')
        const old: Archive = { ...sampleArchive({ reports: 3 }), settings: [{ key: 'generation', value: 0 }] }
        await writeBackup(target, old)
        let previous = 0
        for (let k = 0; k < killsPerLane; k++) {
          const mode = (lane + k) % 2 ? 'slow' : 'fast'
          const anchor = lane % 2 ? 'open' : 'ready'
          const delay = Math.floor(random() * (anchor === 'ready' ? 1000 : mode === 'slow' ? 250 : 30))
          const base = (k + 1) * 1000
          const reported = await runAndKill(script, [target, mode, String(base)], anchor, delay)
          const names = await fs.readdir(laneDir)
          leftovers += names.filter((n) => n.includes(".tmp-")).length
          if (process.env.CRASH_DEBUG) console.info(lane, k, mode, anchor, delay, reported, names)
          // The target is always a complete, valid backup (readBackup verifies every checksum)…
          const read = await readBackup(target)
          const generation = read.settings.find((s) => s.key === 'generation')?.value as number
          // …and it is the last one the child finished (or the one whose rename beat the kill to
          // stdout), or, when it finished none, the file that was there before.
          expect(allowedGenerations(reported, previous, base), `lane ${lane} kill ${k} (${mode}, ${delay} ms after ${anchor})`).toContain(generation)
          outcomes[generation === previous ? 'old' : 'new']++
          previous = generation
        }
        const temps = (await fs.readdir(laneDir)).filter((n) => n.includes('.tmp-'))
        expect((await cleanupTempFiles(laneDir, { minAgeMs: 0 })).sort()).toEqual(temps.sort())
        expect(await fs.readdir(laneDir)).toEqual(['工作总结备份.zjbak'])
      })
    )
    expect(outcomes.old + outcomes.new).toBe(lanes * killsPerLane)
    console.info(`crash test: ${outcomes.old} kills left the old file, ${outcomes.new} a new one; ${leftovers} temp files left over`)
    // Kills landed mid-write at least once (a temp file was left), which is the case under test.
    expect(leftovers).toBeGreaterThan(0)
  }, 120_000)
})

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical'
import { checksumOf, decodeBackup, decodeBackupBytes, encodeBackup, wholeFileChecksum } from './codec'
import { BackupDecoder } from './decoder'
import type { Sha256Hex } from './sha256'
import { BACKUP_FORMAT_VERSION, type Archive } from './format'
import { sampleArchive } from './sample-archive'
import { userErrorOfSync } from '../testing/userErrors'

const NOW = new Date('2025-01-15T08:30:00.000Z')

function encode(archive: Archive = sampleArchive()): string {
  return encodeBackup(archive, { appVersion: '0.1.0', now: NOW }).text
}

/** Re-signs a hand-edited document, as a later program version would have written it. */
function resign(doc: Record<string, unknown> & { payload: object }): string {
  const { checksum: _c, ...body } = doc
  return canonicalJson({ ...body, checksum: wholeFileChecksum(body) })
}

describe('backup file format', () => {
  it('reads back exactly what it wrote, with where it came from', () => {
    const archive = sampleArchive()
    const read = decodeBackup(encode(archive))
    expect(read).toEqual({ ...archive, source: { createdAt: NOW.toISOString(), appVersion: '0.1.0' } })
  })

  it('writes the canonical JSON itself: the documented header, no whitespace, no trailing newline', () => {
    const text = encode()
    expect(canonicalJson(JSON.parse(text))).toBe(text)
    const doc = JSON.parse(text)
    expect(doc).toMatchObject({ format: 'zongjie-backup', version: 1, app: { version: '0.1.0' }, counts: { reports: 6, versions: 12, settings: 3 } })
    expect(doc.checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(doc.payload.reports[0]).toEqual({ checksum: expect.stringMatching(/^sha256:/), record: expect.objectContaining({ id: 'r0' }) })
  })

  it('still reads a pretty-printed copy (checksums are over values, not bytes)', () => {
    const archive = sampleArchive()
    expect(decodeBackup(JSON.stringify(JSON.parse(encode(archive)), null, 2)).reports).toEqual(archive.reports)
  })

  it('reads a compact copy whose records another tool wrote differently (\\u escapes), by their values', () => {
    // Laid out item by item as this program writes, so the quick check of the bytes as written is
    // tried first; it fails on every record, and the check of the values must then decide.
    const archive = sampleArchive()
    const text = encode(archive)
    const escape = (t: string) => t.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    const escaped = escape(text)
    expect(escaped).not.toBe(text)
    expect(escaped).toContain('{"checksum":"sha256:')
    expect(decodeBackup(escaped).reports).toEqual(archive.reports)
    const damagedText = escaped.replace(escape('第3号'), escape('第8号'))
    expect(damagedText).not.toBe(escaped)
    expect(userErrorOfSync(() => decodeBackup(damagedText)).message).toContain('数据与校验和不符')
  })

  it('gives the same file and the same checks with the native SHA-256 main uses', () => {
    const native: Sha256Hex = (data) => createHash('sha256').update(data).digest('hex')
    const archive = sampleArchive()
    const text = encodeBackup(archive, { appVersion: '0.1.0', now: NOW, sha256Hex: native }).text
    expect(text).toBe(encode(archive))
    const read = (bytes: Uint8Array) => {
      const decoder = new BackupDecoder({ sha256Hex: native })
      const records = decoder.write(bytes)
      decoder.end()
      return records
    }
    expect(read(new TextEncoder().encode(text)).filter((r) => r.table === 'reports').map((r) => r.record)).toEqual(archive.reports)
    const damagedText = text.replace('2022年第3号工作总结', '2022年第8号工作总结')
    expect(damagedText).not.toBe(text)
    expect(userErrorOfSync(() => read(new TextEncoder().encode(damagedText))).message).toContain('数据与校验和不符')
  })

  it('rejects every single changed byte with a clear error', () => {
    const bytes = new TextEncoder().encode(encode(sampleArchive({ reports: 1, versionsPerReport: 1 })))
    let random = 12345
    for (let i = 0; i < bytes.length; i++) {
      random = (random * 1103515245 + 12345) >>> 0
      for (const mask of [0x01, 0x20, 0x80, (random >>> 16) % 255 + 1]) {
        const copy = bytes.slice()
        copy[i] ^= mask
        const e = userErrorOfSync(() => decodeBackupBytes(copy))
        expect(e.message, `byte ${i} ^ ${mask}`).toMatch(/备份|没有恢复/)
      }
    }
  })

  it('rejects every truncation', () => {
    const text = encode(sampleArchive({ reports: 1, versionsPerReport: 1 }))
    for (let len = 0; len < text.length; len++) {
      expect(userErrorOfSync(() => decodeBackup(text.slice(0, len))).code).toBe('backup-damaged')
    }
    expect(userErrorOfSync(() => decodeBackup(text.slice(0, 100))).message).toContain('不完整或已损坏')
  })

  it('names the damaged record', () => {
    const doc = JSON.parse(encode())
    doc.payload.reports[2].record.report.sections[0].blocks[0].runs[0].text += '改'
    const e = userErrorOfSync(() => decodeBackup(JSON.stringify(doc)))
    expect(e.code).toBe('backup-damaged')
    expect(e.message).toContain('《2022年第3号工作总结》（第 3 份）')
    expect(e.message).toContain('没有恢复任何内容')

    const doc2 = JSON.parse(encode())
    doc2.payload.versions[1].record.note = '改过'
    expect(userErrorOfSync(() => decodeBackup(JSON.stringify(doc2))).message).toContain('历史版本')
  })

  it('catches a change in the header or settings with the whole-file checksum', () => {
    for (const edit of [(d: any) => (d.createdAt = '2020-01-01T00:00:00.000Z'), (d: any) => (d.payload.settings[1].value = 18), (d: any) => (d.app.version = '9')]) {
      const doc = JSON.parse(encode())
      edit(doc)
      expect(userErrorOfSync(() => decodeBackup(JSON.stringify(doc))).message).toContain('校验和不符')
    }
  })

  it('refuses a newer format version with a clear Chinese sentence', () => {
    const doc = JSON.parse(encode())
    doc.version = BACKUP_FORMAT_VERSION + 1
    const e = userErrorOfSync(() => decodeBackup(resign(doc)))
    expect(e.code).toBe('backup-newer-version')
    expect(e.message).toMatch(/^这个备份文件来自更新版本的程序/)
    expect(e.message).toContain('升级')
  })

  it('reads a file with fields a later minor version added', () => {
    const doc = JSON.parse(encode())
    doc.compression = 'none'
    doc.payload.extra = []
    doc.payload.reports[0].record.tags = ['重点']
    doc.payload.reports[0].checksum = checksumOf(canonicalJson(doc.payload.reports[0].record))
    const read = decodeBackup(resign(doc))
    expect(read.reports[0]).toMatchObject({ id: 'r0', tags: ['重点'] })
  })

  it('says so when the file is not a backup at all', () => {
    expect(userErrorOfSync(() => decodeBackup('{"hello":1}')).code).toBe('backup-not-a-backup')
    expect(userErrorOfSync(() => decodeBackupBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]))).code).toBe('backup-damaged')
    expect(userErrorOfSync(() => decodeBackup('')).message).toContain('文件是空的')
  })

  it('refuses a checksummed file whose records are invalid or duplicated', () => {
    const doc = JSON.parse(encode())
    doc.payload.reports[1].record.kind = 'poem'
    doc.payload.reports[1].checksum = checksumOf(canonicalJson(doc.payload.reports[1].record))
    expect(userErrorOfSync(() => decodeBackup(resign(doc))).code).toBe('backup-invalid')

    const dup = JSON.parse(encode())
    dup.payload.reports[1] = dup.payload.reports[0]
    expect(userErrorOfSync(() => decodeBackup(resign(dup))).message).toContain('r0')
  })

  it('leaves out a record that would not restore, and says which', () => {
    const archive = sampleArchive()
    ;(archive.reports[1] as { kind: string }).kind = 'poem'
    archive.settings.push({ key: 'when', value: new Date(0) })
    const encoded = encodeBackup(archive, { appVersion: '0.1.0', now: NOW })
    expect(encoded.counts).toEqual({ reports: 5, versions: 12, settings: 3 })
    expect(encoded.skipped.map((s) => [s.table, s.id])).toEqual([
      ['reports', 'r1'],
      ['settings', 'when']
    ])
    expect(decodeBackup(encoded.text).reports.map((r) => r.id)).toEqual(['r0', 'r2', 'r3', 'r4', 'r5'])
  })
})

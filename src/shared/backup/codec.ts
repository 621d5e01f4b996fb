/**
 * A whole archive ⇄ backup file text, in one piece: for tests, the CLI and small archives. The app
 * writes and reads backups as streams (encoder.ts, decoder.ts); these are the same code run over
 * the whole text at once, so both ways give the same bytes and the same checks.
 */
import { UserError } from '../errors'
import { describeError, tooLarge } from './checksums'
import { BackupDecoder } from './decoder'
import { BackupEncoder, type EncodeOptions, type SkippedRecord } from './encoder'
import { ArchiveSchema, MAX_BACKUP_BYTES, type Archive, type BackupCounts } from './format'

export { checksumOf, tooLarge, wholeFileChecksum } from './checksums'
export type { EncodeOptions, SkippedRecord }

export interface EncodedBackup {
  /** The file's complete text (write it as UTF-8, without a BOM or trailing newline). */
  text: string
  counts: BackupCounts
  skipped: SkippedRecord[]
}

/** The backup file for `archive`; records that would not restore are left out and listed (see BackupEncoder.add). */
export function encodeBackup(archive: Archive, opts: EncodeOptions): EncodedBackup {
  const encoder = new BackupEncoder(opts)
  const payload = encoder.add('reports', archive.reports) + encoder.add('settings', archive.settings) + encoder.add('versions', archive.versions)
  const tail = encoder.tail()
  return { text: encoder.head() + payload + tail, counts: encoder.counts, skipped: encoder.skipped }
}

/** Decodes and verifies a backup file's bytes. Throws a UserError on any problem; never returns part of an archive. */
export function decodeBackupBytes(bytes: Uint8Array): Archive {
  if (bytes.length > MAX_BACKUP_BYTES) throw tooLarge(bytes.length)
  const decoder = new BackupDecoder()
  const archive: Archive = { reports: [], versions: [], settings: [] }
  for (const item of decoder.write(bytes)) {
    if (item.table === 'reports') archive.reports.push(item.record)
    else if (item.table === 'versions') archive.versions.push(item.record)
    else archive.settings.push(item.record)
  }
  const { source } = decoder.end()
  return { ...archive, source }
}

/** Parses and verifies a backup file's text. Throws a UserError on any problem. */
export function decodeBackup(text: string): Archive {
  return decodeBackupBytes(new TextEncoder().encode(text))
}

/** Validates an archive that crossed a process boundary before it is written or restored. */
export function parseArchive(value: unknown): Archive {
  const r = ArchiveSchema.safeParse(value)
  if (!r.success) throw new UserError(`要备份或恢复的数据无效：${describeError(r.error)}`, 'backup-invalid')
  return r.data
}

/**
 * Writes a backup file record by record (the format: format.ts). The file is canonical JSON, whose
 * header (counts, whole-file checksum) comes before the payload; so the payload is produced first,
 * as records arrive, and the header once the last one is in:
 *
 *   file = head() + every add()'s text, in order + tail()
 *
 * Memory: one record at a time, plus a checksum (80 bytes) per record for the whole-file checksum.
 */
import { CanonicalFragment, canonicalJson } from './canonical'
import { checksumOf, describeError, wholeFileChecksum } from './checksums'
import type { Sha256Hex } from './sha256'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, ReportRecordSchema, SettingRecordSchema, VersionRecordSchema, type BackupCounts } from './format'

export type BackupTable = 'reports' | 'settings' | 'versions'
/** The payload's tables in the order canonical JSON puts them (keys sorted). */
export const TABLE_ORDER: readonly BackupTable[] = ['reports', 'settings', 'versions']

/** A record left out of a backup because it would not restore; the UI lists these. */
export interface SkippedRecord {
  table: BackupTable
  /** Report id, the version's report id, or the setting key. */
  id: string
  title: string
  reason: string
}

export interface EncodeOptions {
  appVersion: string
  now?: Date | number
  /** A faster SHA-256 where there is one (main passes node:crypto's); the same digests either way. */
  sha256Hex?: Sha256Hex
}

const validators: Record<BackupTable, (r: unknown) => unknown> = {
  reports: (r) => ReportRecordSchema.parse(r),
  settings: (r) => SettingRecordSchema.parse(r),
  versions: (r) => VersionRecordSchema.parse(r)
}

function describe(table: BackupTable, row: unknown): { id: string; title: string } {
  const r = (row ?? {}) as { id?: unknown; title?: unknown; key?: unknown; reportId?: unknown; report?: { meta?: { title?: unknown } } }
  if (table === 'reports') return { id: String(r.id), title: String(r.title ?? '') }
  if (table === 'settings') return { id: String(r.key), title: String(r.key) }
  return { id: String(r.reportId), title: String(r.report?.meta?.title ?? '') }
}

export class BackupEncoder {
  readonly counts: BackupCounts = { reports: 0, settings: 0, versions: 0 }
  readonly skipped: SkippedRecord[] = []
  private table = -1
  private first = true
  private closed = false
  private readonly digests: Record<'reports' | 'versions', { checksum: string }[]> = { reports: [], versions: [] }
  private readonly settings: CanonicalFragment[] = []
  private readonly createdAt: string

  constructor(private readonly opts: EncodeOptions) {
    this.createdAt = new Date(opts.now ?? Date.now()).toISOString()
  }

  /**
   * The file text for these records of `table`. Tables come in TABLE_ORDER (reports, settings,
   * versions), each in as many calls as wanted. A record that would fail the reader's checks (a
   * row of unknown age in a shape the schema rejects) is left out and listed in `skipped`: one
   * odd row must not stop the daily backup of everything else.
   */
  add(table: BackupTable, rows: readonly unknown[]): string {
    let out = this.moveTo(TABLE_ORDER.indexOf(table))
    for (const row of rows) {
      let json: string
      try {
        validators[table](row)
        json = canonicalJson(row)
      } catch (e) {
        this.skipped.push({ table, ...describe(table, row), reason: describeError(e) })
        continue
      }
      let item: string
      if (table === 'settings') {
        this.settings.push(new CanonicalFragment(json))
        item = json
      } else {
        const checksum = checksumOf(json, this.opts.sha256Hex)
        this.digests[table].push({ checksum })
        item = `{"checksum":${JSON.stringify(checksum)},"record":${json}}`
      }
      out += this.first ? item : `,${item}`
      this.first = false
      this.counts[table]++
    }
    return out
  }

  /** Closes the payload: the text to write after the last add(). */
  tail(): string {
    const out = this.moveTo(TABLE_ORDER.length - 1) + ']'
    this.closed = true
    return `${out}},"version":${BACKUP_FORMAT_VERSION}}`
  }

  /** The text to put before everything else, once tail() was taken. */
  head(): string {
    if (!this.closed) throw new Error('head() before tail()')
    const body = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: this.createdAt,
      app: { version: this.opts.appVersion },
      counts: this.counts,
      payload: { reports: this.digests.reports, settings: this.settings, versions: this.digests.versions }
    }
    const { payload: _payload, version: _version, ...before } = body
    // Canonical key order: app, checksum, counts, createdAt, format, payload, version.
    return `${canonicalJson({ ...before, checksum: wholeFileChecksum(body, this.opts.sha256Hex) }).slice(0, -1)},"payload":{`
  }

  /** Opens `next` and closes every table before it (an absent table is written empty). */
  private moveTo(next: number): string {
    if (this.closed) throw new Error('the backup is already closed')
    if (next < this.table) throw new Error(`backup tables must come in the order ${TABLE_ORDER.join(', ')}`)
    let out = ''
    while (this.table < next) {
      if (this.table >= 0) out += '],'
      this.table++
      out += `${JSON.stringify(TABLE_ORDER[this.table])}:[`
      this.first = true
    }
    return out
  }
}

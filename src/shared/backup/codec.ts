/**
 * Archive ⇄ backup file text. Pure: main writes and reads the bytes, the renderer never needs to.
 * Reading checks, in order: size, UTF-8, JSON, that it is our format, its version, its structure,
 * every record's checksum (so damage is named), the whole-file checksum, then every record's shape.
 * Any failure is one UserError and no archive: a restore is all or nothing.
 */
import { UserError } from '../errors'
import { CanonicalFragment, canonicalJson } from './canonical'
import {
  ArchiveSchema,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupEnvelopeSchema,
  MAX_BACKUP_BYTES,
  ReportRecordSchema,
  SettingRecordSchema,
  VersionRecordSchema,
  type Archive,
  type BackupCounts,
  type ReportRecordData,
  type SettingRecordData,
  type VersionRecordData
} from './format'
import { sha256Hex } from './sha256'

const NOTHING_RESTORED = '没有恢复任何内容。'

export function checksumOf(canonical: string): string {
  return `sha256:${sha256Hex(canonical)}`
}

/** A record left out of a backup because it would not restore; the UI lists these. */
export interface SkippedRecord {
  table: 'reports' | 'versions' | 'settings'
  /** Report id, the version's report id, or the setting key. */
  id: string
  title: string
  reason: string
}

export interface EncodedBackup {
  /** The file's complete text (write it as UTF-8, without a BOM or trailing newline). */
  text: string
  counts: BackupCounts
  skipped: SkippedRecord[]
}

export interface EncodeOptions {
  appVersion: string
  now?: Date | number
}

function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray(e.issues)) {
    return e.issues
      .slice(0, 3)
      .map((i: { path?: PropertyKey[]; message?: string }) => `${(i.path ?? []).map(String).join('.') || '(记录)'}: ${i.message ?? ''}`)
      .join('；')
  }
  return e instanceof Error ? e.message : String(e)
}

/** The record as it will be written (validated, then serialized once), or why it would not restore. */
function encodeRecord(record: unknown, validate: (r: unknown) => unknown): { json: string } | { error: string } {
  try {
    validate(record)
    return { json: canonicalJson(record) }
  } catch (e) {
    return { error: describeError(e) }
  }
}

/**
 * The backup file for `archive`. A record that would fail the reader's checks (a row of unknown
 * age in a shape the schema rejects) is left out and listed in `skipped` rather than failing the
 * whole backup: one odd row must not stop the daily backup of everything else.
 */
export function encodeBackup(archive: Archive, opts: EncodeOptions): EncodedBackup {
  const skipped: SkippedRecord[] = []
  const items = <T>(rows: T[], table: 'reports' | 'versions', validate: (r: unknown) => unknown, describe: (r: T) => { id: string; title: string }) =>
    rows.flatMap((row) => {
      const encoded = encodeRecord(row, validate)
      if ('error' in encoded) {
        skipped.push({ table, ...describe(row), reason: encoded.error })
        return []
      }
      return [{ checksum: checksumOf(encoded.json), record: new CanonicalFragment(encoded.json) }]
    })

  const reports = items<ReportRecordData>(archive.reports, 'reports', (r) => ReportRecordSchema.parse(r), (r) => ({ id: String(r?.id), title: String(r?.title ?? '') }))
  const versions = items<VersionRecordData>(archive.versions, 'versions', (r) => VersionRecordSchema.parse(r), (r) => ({
    id: String(r?.reportId),
    title: String(r?.report?.meta?.title ?? '')
  }))
  const settings: unknown[] = []
  for (const s of archive.settings) {
    const encoded = encodeRecord(s, (r) => SettingRecordSchema.parse(r))
    if ('error' in encoded) skipped.push({ table: 'settings', id: String(s?.key), title: String(s?.key), reason: encoded.error })
    else settings.push(new CanonicalFragment(encoded.json))
  }

  const counts: BackupCounts = { reports: reports.length, versions: versions.length, settings: settings.length }
  const body = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: new Date(opts.now ?? Date.now()).toISOString(),
    app: { version: opts.appVersion },
    counts,
    payload: { reports, versions, settings }
  }
  return { text: canonicalJson({ ...body, checksum: wholeFileChecksum(body) }), counts, skipped }
}

/**
 * The whole-file checksum: over the canonical JSON of the document without `checksum`, each record
 * standing in by its own checksum (which already covers it). Same protection as hashing every
 * record twice, at half the cost on a large archive.
 */
export function wholeFileChecksum(body: Record<string, unknown> & { payload: object }): string {
  const payload = body.payload as Record<string, unknown> & { reports: object[]; versions: object[] }
  const digest = (items: object[]) => items.map((item) => ({ ...item, record: undefined }))
  return checksumOf(canonicalJson({ ...body, payload: { ...payload, reports: digest(payload.reports), versions: digest(payload.versions) } }))
}

function damaged(detail: string): UserError {
  return new UserError(`备份文件已损坏${detail}，无法读取。${NOTHING_RESTORED}请换用其他备份文件。`, 'backup-damaged')
}

/** A name for a record in an error message, from whatever of it is still readable. */
function recordLabel(record: unknown, index: number, table: 'reports' | 'versions'): string {
  const r = (record && typeof record === 'object' ? record : {}) as { title?: unknown; report?: { meta?: { title?: unknown } }; createdAt?: unknown }
  const title = typeof r.title === 'string' && r.title ? r.title : typeof r.report?.meta?.title === 'string' ? r.report.meta.title : ''
  const name = title ? `《${title.slice(0, 60)}》` : ''
  return table === 'reports' ? `总结${name}（第 ${index + 1} 份）` : `总结${name}的一个历史版本（第 ${index + 1} 个）`
}

function newerVersionError(version: number): UserError {
  return new UserError(
    `这个备份文件来自更新版本的程序（备份格式第 ${version} 版，本程序只能读取第 ${BACKUP_FORMAT_VERSION} 版）。` +
      `请先把“工作总结”升级到最新版本，再恢复这个备份。${NOTHING_RESTORED}`,
    'backup-newer-version'
  )
}

/** Parses and verifies a backup file's text. Throws a UserError on any problem. */
export function decodeBackup(text: string): Archive {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // a BOM some editors add
  if (text.trim() === '') throw damaged('（文件是空的）')
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw new UserError(`备份文件不完整或已损坏，无法读取，可能是保存时被中断了。${NOTHING_RESTORED}请换用其他备份文件。`, 'backup-damaged')
  }
  if (!doc || typeof doc !== 'object' || (doc as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new UserError(`这不是“工作总结”的备份文件（.zjbak），或者文件已损坏。${NOTHING_RESTORED}`, 'backup-not-a-backup')
  }
  const version = (doc as { version?: unknown }).version
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) throw newerVersionError(version)
  if (version !== BACKUP_FORMAT_VERSION) throw damaged('（格式版本无法识别）')

  const parsed = BackupEnvelopeSchema.safeParse(doc)
  if (!parsed.success) throw damaged('（结构不完整）')
  const env = parsed.data

  // Every record's own checksum first, so the message names the damaged one. The raw items are
  // used (not the parsed ones) so fields a later minor version adds still count in the checksums.
  const raw = doc as Record<string, unknown> & { payload: { reports: Record<string, unknown>[]; versions: Record<string, unknown>[] } }
  const verify = (items: Record<string, unknown>[], table: 'reports' | 'versions') =>
    items.forEach((item, i) => {
      if (checksumOf(canonicalJson(item.record)) !== item.checksum) throw damaged(`：${recordLabel(item.record, i, table)}的数据与校验和不符`)
    })
  verify(raw.payload.reports, 'reports')
  verify(raw.payload.versions, 'versions')

  // Then the whole file: header, settings, and the list of records.
  const { checksum, ...body } = raw
  if (wholeFileChecksum(body) !== checksum) throw damaged('（校验和不符）')

  const { counts } = env
  if (counts.reports !== env.payload.reports.length || counts.versions !== env.payload.versions.length || counts.settings !== env.payload.settings.length) {
    throw damaged('（记录数目与文件头不符）')
  }

  const records = <T>(items: { record: unknown }[], table: 'reports' | 'versions', schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
    items.map((item, i) => {
      const r = schema.safeParse(item.record)
      if (!r.success) throw new UserError(`备份文件中${recordLabel(item.record, i, table)}的数据无效，无法恢复。${NOTHING_RESTORED}`, 'backup-invalid')
      return r.data
    })
  const reports = records<ReportRecordData>(env.payload.reports, 'reports', ReportRecordSchema)
  const versions = records<VersionRecordData>(env.payload.versions, 'versions', VersionRecordSchema)
  const settings = env.payload.settings.map((s): SettingRecordData => {
    const r = SettingRecordSchema.safeParse(s)
    if (!r.success) throw new UserError(`备份文件中的一项设置无效，无法恢复。${NOTHING_RESTORED}`, 'backup-invalid')
    return r.data
  })

  // Keys the database would reject: refuse here rather than fail halfway into a restore.
  const duplicate = (keys: unknown[]): unknown => {
    const seen = new Set<unknown>()
    for (const k of keys) {
      if (k === undefined) continue
      if (seen.has(k)) return k
      seen.add(k)
    }
    return undefined
  }
  const dupReport = duplicate(reports.map((r) => r.id))
  if (dupReport !== undefined) throw damaged(`（总结编号 ${String(dupReport)} 出现了两次）`)
  if (duplicate(versions.map((v) => v.seq)) !== undefined || duplicate(settings.map((s) => s.key)) !== undefined) {
    throw damaged('（有重复的记录）')
  }

  const archive: Archive = { reports, versions, settings, source: { createdAt: env.createdAt, appVersion: env.app.version } }
  return archive
}

/**
 * Size-checks and decodes the file's bytes. Invalid UTF-8 is never accepted; the lenient decoding
 * is only to find the most useful message (a cut-off file is "incomplete", damage inside a record
 * names the record).
 */
export function decodeBackupBytes(bytes: Uint8Array): Archive {
  if (bytes.length > MAX_BACKUP_BYTES) throw tooLarge(bytes.length)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    decodeBackup(new TextDecoder('utf-8').decode(bytes)) // throws the specific error, almost surely
    throw damaged('（含有无效的文字编码）')
  }
  return decodeBackup(text)
}

export function tooLarge(bytes: number): UserError {
  const mb = (n: number) => Math.ceil(n / 1024 / 1024)
  return new UserError(`备份文件太大（${mb(bytes)} MB），超过了 ${mb(MAX_BACKUP_BYTES)} MB 的上限。`, 'backup-too-large')
}

/** Validates an archive that crossed a process boundary (IPC) before it is written or restored. */
export function parseArchive(value: unknown): Archive {
  const r = ArchiveSchema.safeParse(value)
  if (!r.success) throw new UserError(`要备份或恢复的数据无效：${describeError(r.error)}`, 'backup-invalid')
  return r.data
}

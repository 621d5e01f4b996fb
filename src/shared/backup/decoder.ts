/**
 * Reads a backup file as its bytes arrive, record by record, in memory bounded by the largest
 * record (plus a checksum per record for the whole-file checksum, and the ids to catch duplicates).
 *
 * Records are handed out as they are read and verified (their own checksum, their shape). Whether
 * the file as a whole is sound is known only at its end, so a reader must treat what it received
 * as provisional until end() returns: a restore stages the records and commits them only then.
 * Once a problem is seen no more records are handed out, and end() throws the one that matters
 * most, in this order: not JSON, not a backup, a newer format, a broken structure, a damaged record
 * (named), the whole-file checksum, the counts, an invalid record, a duplicate.
 */
import type { UserError } from '../errors'
import { UserError as UserErrorClass } from '../errors'
import { canonicalJson } from './canonical'
import { checksumOf, damaged, incomplete, newerVersionError, notABackup, NOTHING_RESTORED, recordLabel, wholeFileChecksum } from './checksums'
import type { BackupTable } from './encoder'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupEnvelopeSchema, ReportRecordSchema, SettingRecordSchema, VersionRecordSchema, type BackupCounts, type BackupSource, type ReportRecord, type SettingRecord, type VersionRecord } from './format'
import type { Sha256Hex } from './sha256'
import { JsonScanner, JsonSyntaxError, type JsonPath } from './jsonScan'

export type DecodedRecord =
  | { table: 'reports'; record: ReportRecord }
  | { table: 'versions'; record: VersionRecord }
  | { table: 'settings'; record: SettingRecord }

export interface DecodedHeader {
  source: BackupSource
  counts: BackupCounts
}

/** Problems by rank: the lowest rank found is the one reported. */
const RANK = { structure: 0, record: 1, invalid: 2, duplicate: 3 } as const
type Rank = keyof typeof RANK

const fatal = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')
const CHECKSUM = /^sha256:[0-9a-f]{64}$/

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** How a record item starts in a file this program wrote (canonical JSON: checksum, then record). */
const ITEM_HEAD = new TextEncoder().encode('{"checksum":"sha256:')
const ITEM_RECORD = new TextEncoder().encode('","record":')
const HEX_LENGTH = 64

/**
 * The bytes of an item's record as the file holds them, when the item is laid out as this program
 * writes it; null otherwise (a file reformatted by another tool, which is then checked the slow way).
 */
function recordBytes(raw: Uint8Array): Uint8Array | null {
  const start = ITEM_HEAD.length + HEX_LENGTH + ITEM_RECORD.length
  if (raw.length <= start || raw[raw.length - 1] !== 0x7d) return null
  for (let i = 0; i < ITEM_HEAD.length; i++) if (raw[i] !== ITEM_HEAD[i]) return null
  for (let i = 0; i < ITEM_RECORD.length; i++) if (raw[ITEM_HEAD.length + HEX_LENGTH + i] !== ITEM_RECORD[i]) return null
  return raw.subarray(start, raw.length - 1)
}

export interface DecodeOptions {
  /** A faster SHA-256 where there is one (main passes node:crypto's); the same digests either way. */
  sha256Hex?: Sha256Hex
}

export class BackupDecoder {
  private readonly scanner = new JsonScanner((path) => this.select(path), (path, raw) => this.take(path, raw))
  private readonly header = new Map<string, unknown>()
  private readonly payloadExtra = new Map<string, unknown>()
  private readonly tables = new Set<string>()
  private readonly digests: Record<'reports' | 'versions', object[]> = { reports: [], versions: [] }
  private readonly settings: unknown[] = []
  private readonly seen = { ids: new Set<string>(), seqs: new Set<number>(), keys: new Set<string>() }
  private readonly problems = new Map<Rank, UserError>()
  private syntax = false
  /** Bytes that are not UTF-8: reported last, so a damaged record is still named. */
  private badEncoding = false
  private started = false
  private out: DecodedRecord[] = []

  constructor(private readonly opts: DecodeOptions = {}) {}

  /**
   * What the header said so far, before the file is verified: when it was made and how many
   * records it holds (a backup written by this program has both before its records), for notes and
   * progress while reading.
   */
  get provisional(): { createdAt?: string; total?: number } {
    const createdAt = this.header.get('createdAt')
    const counts = this.header.get('counts') as Partial<Record<keyof BackupCounts, unknown>> | undefined
    const total = counts && [counts.reports, counts.versions, counts.settings].every((n) => typeof n === 'number') ? (counts.reports as number) + (counts.versions as number) + (counts.settings as number) : undefined
    return { ...(typeof createdAt === 'string' ? { createdAt } : {}), ...(total !== undefined ? { total } : {}) }
  }

  /** Feeds the next bytes of the file; returns the records they completed, in file order. */
  write(bytes: Uint8Array): DecodedRecord[] {
    if (!this.started && bytes.length > 0) {
      this.started = true
      // A BOM some editors add.
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    }
    if (!this.syntax) {
      try {
        this.scanner.write(bytes)
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e
        this.syntax = true
      }
    }
    const out = this.out
    this.out = []
    return this.problems.size || this.syntax ? [] : out
  }

  /** The end of the file: throws the problem that matters most, or says where the backup came from. */
  end(): DecodedHeader {
    if (!this.syntax) {
      try {
        this.scanner.end()
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e
        if (this.scanner.isEmpty) throw damaged('（文件是空的）')
        this.syntax = true
      }
    }
    if (this.syntax) throw incomplete()
    if (this.header.get('format') !== BACKUP_FORMAT) throw notABackup()
    const version = this.header.get('version')
    if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) throw newerVersionError(version)
    if (version !== BACKUP_FORMAT_VERSION) throw damaged('（格式版本无法识别）')

    const stub = { ...Object.fromEntries(this.header), payload: { ...Object.fromEntries(this.payloadExtra), reports: [], versions: [], settings: [] } }
    const envelope = BackupEnvelopeSchema.safeParse(stub)
    if (!envelope.success || !['reports', 'versions', 'settings'].every((t) => this.tables.has(t)) || this.problems.has('structure')) throw damaged('（结构不完整）')
    if (this.problems.has('record')) throw this.problems.get('record')!

    const { checksum, ...body } = Object.fromEntries(this.header) as Record<string, unknown>
    const payload = { ...Object.fromEntries(this.payloadExtra), reports: this.digests.reports, versions: this.digests.versions, settings: this.settings }
    if (wholeFileChecksum({ ...body, payload }, this.opts.sha256Hex) !== checksum) throw damaged('（校验和不符）')

    const counts = envelope.data.counts
    if (counts.reports !== this.digests.reports.length || counts.versions !== this.digests.versions.length || counts.settings !== this.settings.length) {
      throw damaged('（记录数目与文件头不符）')
    }
    for (const rank of ['invalid', 'duplicate'] as const) if (this.problems.has(rank)) throw this.problems.get(rank)!
    if (this.badEncoding) throw damaged('（含有无效的文字编码）')
    return { source: { createdAt: envelope.data.createdAt, appVersion: envelope.data.app.version }, counts: { reports: counts.reports, versions: counts.versions, settings: counts.settings } }
  }

  private problem(rank: Rank, error: UserError): void {
    if (!this.problems.has(rank)) this.problems.set(rank, error)
  }

  private select(path: JsonPath): 'take' | 'enter' {
    if (path.length === 0) return 'enter'
    if (path[0] !== 'payload') return 'take'
    if (path.length === 1) return 'enter'
    if (path.length === 2 && (path[1] === 'reports' || path[1] === 'versions' || path[1] === 'settings')) {
      this.tables.add(path[1])
      return 'enter'
    }
    return 'take'
  }

  private take(path: JsonPath, raw: Uint8Array): void {
    if (this.syntax) return
    let text: string
    try {
      text = fatal.decode(raw)
    } catch {
      // Read on with the replacement characters: the checksum then names the damaged record.
      text = lenient.decode(raw)
      this.badEncoding = true
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      this.syntax = true
      return
    }
    // A document that is not an object (a bare value, an array) has no format member: not a backup.
    if (path.length === 0 || typeof path[0] === 'number') return
    if (path[0] !== 'payload') {
      this.header.set(path[0], value)
      return
    }
    if (path.length === 1) {
      this.problem('structure', damaged('（结构不完整）'))
      return
    }
    const table = path[1]
    if (path.length === 2) {
      if (table === 'reports' || table === 'versions' || table === 'settings') this.problem('structure', damaged('（结构不完整）'))
      else if (typeof table === 'string') this.payloadExtra.set(table, value)
      return
    }
    const index = path[2] as number
    if (table === 'settings') this.takeSetting(value)
    else if (table === 'reports' || table === 'versions') this.takeItem(table, index, value, raw)
  }

  /**
   * A record's checksum is over its canonical JSON. A file this program wrote holds exactly that
   * text, so its bytes are hashed as they are; only when they do not match (a file reformatted
   * since, or damaged) is the canonical text made again from the parsed record and hashed.
   */
  private verified(item: { checksum: string; record: unknown }, raw: Uint8Array): boolean {
    const bytes = recordBytes(raw)
    if (bytes && checksumOf(bytes, this.opts.sha256Hex) === item.checksum) return true
    return checksumOf(canonicalJson(item.record), this.opts.sha256Hex) === item.checksum
  }

  private takeItem(table: 'reports' | 'versions', index: number, item: unknown, raw: Uint8Array): void {
    if (!isObject(item) || typeof item.checksum !== 'string' || !CHECKSUM.test(item.checksum) || !('record' in item)) {
      this.problem('structure', damaged('（结构不完整）'))
      return
    }
    this.digests[table].push({ ...item, record: undefined })
    if (this.problems.size) return // a pass already void: only the structure and the checksums are followed
    if (!this.verified(item as { checksum: string; record: unknown }, raw)) {
      this.problem('record', damaged(`：${recordLabel(item.record, index, table)}的数据与校验和不符`))
      return
    }
    const parsed = (table === 'reports' ? ReportRecordSchema : VersionRecordSchema).safeParse(item.record)
    if (!parsed.success) {
      this.problem('invalid', new UserErrorClass(`备份文件中${recordLabel(item.record, index, table)}的数据无效，无法恢复。${NOTHING_RESTORED}`, 'backup-invalid'))
      return
    }
    if (table === 'reports') {
      const record = parsed.data as ReportRecord
      if (this.seen.ids.has(record.id)) return this.problem('duplicate', damaged(`（总结编号 ${record.id} 出现了两次）`))
      this.seen.ids.add(record.id)
      this.out.push({ table, record })
    } else {
      const record = parsed.data as VersionRecord
      if (record.seq !== undefined) {
        if (this.seen.seqs.has(record.seq)) return this.problem('duplicate', damaged('（有重复的记录）'))
        this.seen.seqs.add(record.seq)
      }
      this.out.push({ table, record })
    }
  }

  private takeSetting(value: unknown): void {
    this.settings.push(value)
    if (this.problems.size) return
    const parsed = SettingRecordSchema.safeParse(value)
    if (!parsed.success) return this.problem('invalid', new UserErrorClass(`备份文件中的一项设置无效，无法恢复。${NOTHING_RESTORED}`, 'backup-invalid'))
    if (this.seen.keys.has(parsed.data.key)) return this.problem('duplicate', damaged('（有重复的记录）'))
    this.seen.keys.add(parsed.data.key)
    this.out.push({ table: 'settings', record: parsed.data })
  }
}

export type { BackupTable }

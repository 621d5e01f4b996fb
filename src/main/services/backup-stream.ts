/**
 * Backup files written and read as streams, so that neither main nor the renderer ever holds the
 * archive: the renderer sends records in batches and main appends them to the file; a restore
 * pulls them back the same way.
 *
 * Writing: a backup file's header (counts, whole-file checksum) comes before its records, so the
 * records go to a hidden payload file first; finishing writes the real file atomically (temp file,
 * fsync, rename — writeFileAtomic) as header + payload + tail, and removes the payload file. A
 * crash leaves the old file or the complete new one, and hidden temp files that cleanupTempFiles
 * removes on the next start.
 */
import { createHash, randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { BackupDecoder, BackupEncoder, type Sha256Hex, type BackupCounts, type BackupTable, type DecodedHeader, type DecodedRecord, type SkippedRecord } from '../../shared/backup'
import { UserError, isUserError } from '../../shared/errors'
import { exists, userErrorFor, writeFileAtomic, type AtomicFs } from './files'

const COPY_CHUNK = 1 << 20

/** node:crypto's SHA-256: native, about fifteen times the script one the codec uses elsewhere. */
const sha256Hex: Sha256Hex = (data) => createHash('sha256').update(data).digest('hex')

export interface WriteSessionOptions {
  /** Replace an existing file; without it an existing target is a UserError with code 'exists'. */
  overwrite?: boolean
  appVersion?: string
  now?: Date | number
  fs?: AtomicFs
}

export interface WrittenBackup {
  path: string
  bytes: number
  counts: BackupCounts
  /** Records left out because they would not restore (see BackupEncoder.add); the UI should list them. */
  skipped: SkippedRecord[]
}

/** Writes all of `bytes` at the file's position (a write may take fewer bytes than offered). */
async function writeAll(file: nodeFs.FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length; ) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten
}

function errnoCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined
}

/** A backup being written to `target`, batch by batch. */
export class BackupWriter {
  private readonly encoder: BackupEncoder
  private payload: nodeFs.FileHandle | null = null
  private readonly payloadPath: string
  private payloadBytes = 0
  private done = false

  constructor(
    readonly target: string,
    private readonly opts: WriteSessionOptions = {}
  ) {
    this.encoder = new BackupEncoder({ appVersion: opts.appVersion ?? 'unknown', now: opts.now, sha256Hex })
    // Named like writeFileAtomic's temp files, so an interrupted backup's leftovers are cleaned up the same way.
    this.payloadPath = join(dirname(target), `.${basename(target)}.payload.tmp-${randomBytes(6).toString('hex')}`)
  }

  /** Appends records of one table; tables come in the order reports, settings, versions. */
  async write(table: BackupTable, records: readonly unknown[]): Promise<void> {
    if (this.done) throw new Error('backup already finished')
    if (!this.payload) {
      // Refused before any record is written: asking first is the caller's job, this is the safety net.
      if (!this.opts.overwrite && (await exists(this.opts.fs ?? nodeFs, this.target))) throw new UserError(`文件已存在：${this.target}`, 'exists')
      try {
        this.payload = await nodeFs.open(this.payloadPath, 'wx+')
      } catch (e) {
        throw userErrorFor(e, this.target)
      }
    }
    const text = this.encoder.add(table, records)
    if (!text) return
    const bytes = Buffer.from(text, 'utf8')
    try {
      for (let at = 0; at < bytes.length; ) at += (await this.payload.write(bytes, at, bytes.length - at, this.payloadBytes + at)).bytesWritten
    } catch (e) {
      throw userErrorFor(e, this.target)
    }
    this.payloadBytes += bytes.length
  }

  /** Writes the file, atomically; the payload file is removed whatever happens. */
  async finish(): Promise<WrittenBackup> {
    if (this.done) throw new Error('backup already finished')
    try {
      if (!this.payload) await this.write('reports', [])
      const tail = Buffer.from(this.encoder.tail(), 'utf8')
      const head = Buffer.from(this.encoder.head(), 'utf8')
      const payload = this.payload!
      await writeFileAtomic(
        this.target,
        async (out) => {
          await writeAll(out, head)
          const chunk = Buffer.allocUnsafe(COPY_CHUNK)
          for (let at = 0; at < this.payloadBytes; ) {
            const { bytesRead } = await payload.read(chunk, 0, Math.min(COPY_CHUNK, this.payloadBytes - at), at)
            if (bytesRead === 0) throw new Error('payload file ended early')
            await writeAll(out, chunk.subarray(0, bytesRead))
            at += bytesRead
          }
          await writeAll(out, tail)
        },
        { overwrite: this.opts.overwrite, fs: this.opts.fs }
      )
      return { path: this.target, bytes: head.length + this.payloadBytes + tail.length, counts: { ...this.encoder.counts }, skipped: [...this.encoder.skipped] }
    } finally {
      await this.abort()
    }
  }

  /** Drops what was written (the target is untouched). */
  async abort(): Promise<void> {
    this.done = true
    const handle = this.payload
    this.payload = null
    await handle?.close().catch(() => undefined)
    await nodeFs.unlink(this.payloadPath).catch(() => undefined)
  }
}

export interface ReadBatch {
  records: DecodedRecord[]
  /** What the header said so far: when the backup was made, how many records it holds. */
  createdAt?: string
  total?: number
  /** On the last batch: the verified header. */
  header?: DecodedHeader
  done: boolean
}

/** Opens a backup file for reading, with a clear message for a missing or unreadable one. */
export async function openBackupFile(path: string, maxBytes = Infinity): Promise<nodeFs.FileHandle> {
  try {
    const info = await nodeFs.stat(path)
    if (!info.isFile()) throw new UserError(`这不是一个文件：${path}`, 'not-a-file')
    if (info.size > maxBytes) {
      const { tooLarge } = await import('../../shared/backup/checksums')
      throw tooLarge(info.size)
    }
    return await nodeFs.open(path, 'r')
  } catch (e) {
    if (isUserError(e)) throw e
    const code = errnoCode(e)
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`找不到备份文件：${path}`, 'not-found')
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限读取备份文件：${path}`, 'read-only')
    if (code === 'EISDIR') throw new UserError(`这不是一个文件：${path}`, 'not-a-file')
    throw e
  }
}

/**
 * A backup file read in batches of records, from the start as often as asked (a restore reads it
 * twice: to preview, then to restore). Every read verifies every checksum again.
 */
export class BackupReader {
  private handle: nodeFs.FileHandle | null = null
  private decoder = new BackupDecoder({ sha256Hex })
  private position = 0
  private pending: DecodedRecord[] = []
  private finished = false
  private readonly buffer = Buffer.allocUnsafe(COPY_CHUNK)

  constructor(readonly path: string) {}

  /** Starts over from the beginning of the file. */
  restart(): void {
    this.decoder = new BackupDecoder({ sha256Hex })
    this.position = 0
    this.pending = []
    this.finished = false
  }

  /** The next batch: the records in about `maxChars` bytes of the file (small: the renderer plans each batch between frames). The last one (done) carries the verified header; a damaged file throws. */
  async next(maxChars = 1_000_000): Promise<ReadBatch> {
    if (this.finished) return { records: [], done: true }
    this.handle ??= await openBackupFile(this.path)
    let chars = 0
    while (chars < maxChars) {
      const { bytesRead } = await this.handle.read(this.buffer, 0, this.buffer.length, this.position)
      if (bytesRead === 0) {
        this.finished = true
        const header = this.decoder.end()
        return { records: this.take(), ...this.decoder.provisional, header, done: true }
      }
      this.position += bytesRead
      chars += bytesRead
      this.pending.push(...this.decoder.write(this.buffer.subarray(0, bytesRead)))
    }
    return { records: this.take(), ...this.decoder.provisional, done: false }
  }

  private take(): DecodedRecord[] {
    const out = this.pending
    this.pending = []
    return out
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await handle?.close().catch(() => undefined)
  }
}

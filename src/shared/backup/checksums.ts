/**
 * Checksums and the messages of a damaged backup, shared by the writer (encoder.ts) and the
 * reader (decoder.ts).
 */
import { UserError } from '../errors'
import { canonicalJson } from './canonical'
import { BACKUP_FORMAT_VERSION, MAX_BACKUP_BYTES } from './format'
import { sha256Hex, type Sha256Hex } from './sha256'

export const NOTHING_RESTORED = '没有恢复任何内容。'

/** The checksum of a record's canonical JSON (its text, or that text's UTF-8 bytes). */
export function checksumOf(canonical: string | Uint8Array, hash: Sha256Hex = sha256Hex): string {
  return `sha256:${hash(canonical)}`
}

/**
 * The whole-file checksum: over the canonical JSON of the document without `checksum`, each record
 * standing in by its own checksum (which already covers it). Same protection as hashing every
 * record twice, at half the cost on a large archive.
 */
export function wholeFileChecksum(body: Record<string, unknown> & { payload: object }, hash: Sha256Hex = sha256Hex): string {
  const payload = body.payload as Record<string, unknown> & { reports: object[]; versions: object[] }
  const digest = (items: object[]) => items.map((item) => ({ ...item, record: undefined }))
  return checksumOf(canonicalJson({ ...body, payload: { ...payload, reports: digest(payload.reports), versions: digest(payload.versions) } }), hash)
}

export function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray(e.issues)) {
    return e.issues
      .slice(0, 3)
      .map((i: { path?: PropertyKey[]; message?: string }) => `${(i.path ?? []).map(String).join('.') || '(记录)'}: ${i.message ?? ''}`)
      .join('；')
  }
  return e instanceof Error ? e.message : String(e)
}

export function damaged(detail: string): UserError {
  return new UserError(`备份文件已损坏${detail}，无法读取。${NOTHING_RESTORED}请换用其他备份文件。`, 'backup-damaged')
}

export function incomplete(): UserError {
  return new UserError(`备份文件不完整或已损坏，无法读取，可能是保存时被中断了。${NOTHING_RESTORED}请换用其他备份文件。`, 'backup-damaged')
}

export function notABackup(): UserError {
  return new UserError(`这不是“工作总结”的备份文件（.zjbak），或者文件已损坏。${NOTHING_RESTORED}`, 'backup-not-a-backup')
}

export function newerVersionError(version: number): UserError {
  return new UserError(
    `这个备份文件来自更新版本的程序（备份格式第 ${version} 版，本程序只能读取第 ${BACKUP_FORMAT_VERSION} 版）。` +
      `请先把“工作总结”升级到最新版本，再恢复这个备份。${NOTHING_RESTORED}`,
    'backup-newer-version'
  )
}

export function tooLarge(bytes: number): UserError {
  const mb = (n: number) => Math.ceil(n / 1024 / 1024)
  return new UserError(`备份文件太大（${mb(bytes)} MB），超过了 ${mb(MAX_BACKUP_BYTES)} MB 的上限。`, 'backup-too-large')
}

/** A name for a record in an error message, from whatever of it is still readable. */
export function recordLabel(record: unknown, index: number, table: 'reports' | 'versions'): string {
  const r = (record && typeof record === 'object' ? record : {}) as { title?: unknown; report?: { meta?: { title?: unknown } } }
  const title = typeof r.title === 'string' && r.title ? r.title : typeof r.report?.meta?.title === 'string' ? r.report.meta.title : ''
  const name = title ? `《${title.slice(0, 60)}》` : ''
  return table === 'reports' ? `总结${name}（第 ${index + 1} 份）` : `总结${name}的一个历史版本（第 ${index + 1} 个）`
}

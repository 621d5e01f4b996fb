/**
 * Automatic backups: file names and the settings main keeps for them. The folder is chosen in a
 * native dialog and stored by main, never sent by the renderer (architecture: no unchecked paths).
 */
import { z } from 'zod'
import { BACKUP_EXTENSION } from './format'

export const AUTO_BACKUP_PREFIX = '工作总结备份-'
/** Backups taken just before a replace-restore, so even that can be undone. */
export const SAFETY_BACKUP_PREFIX = '恢复前备份-'

export const AutoBackupSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Absolute folder path chosen in the folder dialog; null until one is chosen. */
  dir: z.string().min(1).max(4096).nullable(),
  /** How many daily backups to keep. */
  keep: z.number().int().min(1).max(365)
})
export type AutoBackupSettings = z.infer<typeof AutoBackupSettingsSchema>

export const DEFAULT_AUTO_BACKUP: AutoBackupSettings = { enabled: false, dir: null, keep: 10 }

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** YYYYMMDD of the local calendar day: the clerk's "today", not UTC's. */
export function localDay(now: Date): string {
  return `${pad(now.getFullYear(), 4)}${pad(now.getMonth() + 1)}${pad(now.getDate())}`
}

/** `工作总结备份-20250115.zjbak` */
export function autoBackupName(now: Date): string {
  return `${AUTO_BACKUP_PREFIX}${localDay(now)}.${BACKUP_EXTENSION}`
}

/** `恢复前备份-20250115-083000.zjbak` */
export function safetyBackupName(now: Date): string {
  return `${SAFETY_BACKUP_PREFIX}${localDay(now)}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.${BACKUP_EXTENSION}`
}

/** The save dialog's suggestion; differs from the automatic names so rotation never deletes it. */
export function manualBackupName(now: Date): string {
  return `工作总结手动备份-${localDay(now)}.${BACKUP_EXTENSION}`
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether `name` is exactly a file the automatic (or safety) rotation wrote, and may therefore delete. */
export function isRotatedName(name: string, prefix: typeof AUTO_BACKUP_PREFIX | typeof SAFETY_BACKUP_PREFIX): boolean {
  const time = prefix === SAFETY_BACKUP_PREFIX ? '-\\d{6}' : ''
  return new RegExp(`^${escapeRegExp(prefix)}\\d{8}${time}\\.${BACKUP_EXTENSION}$`).test(name)
}

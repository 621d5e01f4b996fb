/**
 * Backup and restore through main, record by record: the archive goes out in batches to main's
 * writer (backupBegin → backupWrite… → backupFinish), and a backup comes back in batches from
 * main's reader (backupRead). Neither side holds the archive.
 */
import type { BackupFinishResult } from '@shared/ipc'
import { db } from '../../db/database'
import { backupArchive } from '../../db/backup'
import type { RestoreSource } from '../../db/restore'
import { withOverwriteConsent } from '../../ui/overwrite'

export type BackupKind = 'manual' | 'auto' | 'safety'

/**
 * Writes a backup. Returns what was written, or null when nothing was (the clerk canceled the save
 * dialog or declined to replace a file; an automatic backup is off or already done today).
 */
export async function runBackup(kind: BackupKind, options: { onProgress?: (done: number, total: number) => void } = {}): Promise<BackupFinishResult | null> {
  const begin = await withOverwriteConsent((overwriteToken) => window.api.backupBegin({ kind, overwriteToken }))
  if (begin.status !== 'open') return null
  const { session } = begin
  try {
    await backupArchive(db, (batch) => window.api.backupWrite({ session, table: batch.table, records: batch.rows }), options.onProgress)
    return await window.api.backupFinish({ session })
  } catch (e) {
    await window.api.backupAbort({ session }).catch(() => undefined)
    throw e
  }
}

/** The backup opened in main (backupOpen), read from its start each time a restore pass asks. */
export function openedBackup(session: string): RestoreSource {
  return {
    async *read() {
      // Main reads and checks the next batch while this one is planned and staged here.
      let pending = window.api.backupRead({ session, restart: true })
      for (;;) {
        const { records, createdAt, total, header, done } = await pending
        if (!done) {
          pending = window.api.backupRead({ session, restart: false })
          pending.catch(() => undefined) // a pass that stops here hears its own error, not this one's
        }
        yield { records, createdAt, total, header }
        if (done) return
      }
    }
  }
}

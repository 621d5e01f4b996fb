/**
 * The history flows: a version by hand (with a note), Ctrl+S (save at once, and a version unless
 * the last Ctrl+S made one less than a minute ago or nothing changed since it), and restore.
 */
import type { VersionInfo } from '../../db/versions'
import { getReport } from '../../db/reports'
import { addVersion, getVersion, listVersions, restoreVersion } from '../../db/versions'
import type { UiStore } from '../../app/uiStore'
import type { OpenReport } from '../open-report/openReport'

/** The note of a version taken by Ctrl+S. */
export const SAVE_NOTE = '保存（Ctrl+S）'
export const SAVE_VERSION_GAP_MS = 60_000

export interface VersionFlow {
  saveVersion(note: string): Promise<void>
  /** Ctrl+S: returns whether a version was added. */
  saveNow(): Promise<boolean>
  restore(version: Pick<VersionInfo, 'seq'>): Promise<void>
}

export function createVersionFlow(report: OpenReport, ui: UiStore): VersionFlow {
  const openedId = () => report.store.get().opened?.record.id
  return {
    async saveVersion(note) {
      const id = openedId()
      if (!id) return
      await report.flush()
      const record = await getReport(id)
      if (record) await addVersion(record, 'manual', note)
    },
    async saveNow() {
      const id = openedId()
      if (!id || report.readOnly()) return false
      await report.flush()
      const record = await getReport(id)
      if (!record) return false
      const [last] = await listVersions(id)
      const bySave = last && last.reason === 'manual' && last.note === SAVE_NOTE
      // Not twice within a minute, and not the same text again; an automatic version of the same text does not count.
      if (bySave && Date.now() - last.createdAt < SAVE_VERSION_GAP_MS) return false
      // Versions are stored apart from their list: the text is read only when it may be the same.
      if (bySave && JSON.stringify((await getVersion(last.seq))?.report) === JSON.stringify(record.report)) return false
      await addVersion(record, 'manual', SAVE_NOTE)
      // The history list refreshes on each save status; this one changed the list without a save.
      report.saveStatus.set({ state: 'saved', at: Date.now() })
      return true
    },
    async restore(version) {
      if (!window.confirm('恢复这个版本？当前内容会先保存为一个版本，不会丢失。')) return
      await report.flush()
      report.registerFlush(null)
      const record = await restoreVersion(version.seq)
      report.reload(record)
      ui.notify('info', '已恢复到所选版本；恢复前的内容已存为一个版本。')
    }
  }
}

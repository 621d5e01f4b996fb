import { trashReports } from '../../db/reports'
import { finalizeReports } from '../../db/versions'
import type { UiStore } from '../../app/uiStore'
import type { OpenReport } from '../open-report/openReport'

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Actions on many reports at once, from the library's selection: one confirmation (asked by the
 * library) for all of them, a batch per transaction, and the open report saved first or
 * reloaded after.
 */
export function createLibraryBulk(
  report: OpenReport,
  ui: UiStore,
  /** After a 定稿 of these drafts: what happened beyond this desk (shared ones go to the office archive), as a sentence to add. */
  afterFinalize: (ids: string[]) => Promise<{ note: string; failed: boolean }> = async () => ({ note: '', failed: false })
): { trashMany(ids: string[]): void; finalizeMany(ids: string[]): void } {
  const openId = () => report.store.get().opened?.record.id ?? null
  return {
    trashMany: (ids) =>
      void (async () => {
        const id = openId()
        const includesOpen = id !== null && ids.includes(id)
        // The open report is going to the trash: its pending save is dropped, and the newest one left opens.
        if (includesOpen) report.registerFlush(null)
        await trashReports(ids)
        if (includesOpen) await report.openNewest()
        ui.notify('success', `已将 ${ids.length} 篇移到回收站，30 天内可以恢复。`)
      })().catch((e: unknown) => ui.notify('error', errorText(e))),
    finalizeMany: (ids) =>
      void (async () => {
        const id = openId()
        const includesOpen = id !== null && ids.includes(id)
        if (includesOpen) await report.flush()
        const drafts = new Set(report.store.get().drafts.filter((d) => d.status === 'draft').map((d) => d.id))
        const n = await finalizeReports(ids)
        if (id !== null && includesOpen) await report.reloadIfOpen(id)
        const beyond = await afterFinalize(ids.filter((i) => drafts.has(i)))
        ui.notify(beyond.failed ? 'error' : 'success', (n === ids.length ? `已定稿 ${n} 篇。` : `已定稿 ${n} 篇（其余 ${ids.length - n} 篇原已定稿）。`) + beyond.note)
      })().catch((e: unknown) => ui.notify('error', errorText(e)))
  }
}

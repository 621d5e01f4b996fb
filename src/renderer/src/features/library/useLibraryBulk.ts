import { useCallback, useMemo } from 'react'
import { trashReports } from '../../db/reports'
import { finalizeReports } from '../../db/versions'
import type { NoticeState } from '../../ui/Notice'

export interface LibraryBulkDeps {
  /** The report open in the editor, if any. */
  openId: string | null
  /** Saves the open report now. */
  flush: () => Promise<void>
  /** The open report is going to the trash: its pending save is dropped. */
  forgetFlush: () => void
  reloadIfOpen: (id: string) => Promise<void>
  /** The open report went to the trash: open the newest one left (or a new draft). */
  openNewest: () => void
  notify: (notice: NoticeState) => void
}

/**
 * Actions on many reports at once, from the library's selection: one confirmation (asked by the
 * library) for all of them, a batch per transaction, and the open report saved first or
 * reloaded after.
 */
export function useLibraryBulk({ openId, flush, forgetFlush, reloadIfOpen, openNewest, notify }: LibraryBulkDeps): { trashMany(ids: string[]): void; finalizeMany(ids: string[]): void } {
  const trashMany = useCallback(
    (ids: string[]) =>
      void (async () => {
        const includesOpen = openId !== null && ids.includes(openId)
        if (includesOpen) forgetFlush()
        await trashReports(ids)
        if (includesOpen) openNewest()
        notify({ kind: 'success', text: `已将 ${ids.length} 篇移到回收站，30 天内可以恢复。` })
      })().catch((e: unknown) => notify({ kind: 'error', text: e instanceof Error ? e.message : String(e) })),
    [openId, forgetFlush, openNewest, notify]
  )
  const finalizeMany = useCallback(
    (ids: string[]) =>
      void (async () => {
        const includesOpen = openId !== null && ids.includes(openId)
        if (includesOpen) await flush()
        const n = await finalizeReports(ids)
        if (includesOpen) await reloadIfOpen(openId)
        notify({ kind: 'success', text: n === ids.length ? `已定稿 ${n} 篇。` : `已定稿 ${n} 篇（其余 ${ids.length - n} 篇原已定稿）。` })
      })().catch((e: unknown) => notify({ kind: 'error', text: e instanceof Error ? e.message : String(e) })),
    [openId, flush, reloadIfOpen, notify]
  )
  return useMemo(() => ({ trashMany, finalizeMany }), [trashMany, finalizeMany])
}

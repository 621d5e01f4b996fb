import { useEffect } from 'react'
import { getReport } from '../../db/reports'
import { useStore } from '../../app/store'
import type { OpenReport } from '../open-report/openReport'

/**
 * Finds last period's report for the open one: the report it was carried forward from, or else
 * the latest earlier report of the same kind and unit in the archive. Written into the store.
 */
export function usePreviousReport(report: OpenReport): void {
  const key = useStore(report.store, (s) => {
    if (!s.opened) return ''
    const year = s.info ? (s.info.report.meta.period || s.info.report.meta.title).match(/(19|20)\d{2}/)?.[0] ?? '' : ''
    return `${s.opened.record.id}|${s.opened.record.previousId ?? ''}|${s.meta.kind}|${s.meta.unit}|${year}`
  })
  useEffect(() => {
    let live = true
    void (async () => {
      const { opened, drafts, meta } = report.store.get()
      if (!opened) return report.store.set({ previous: null })
      let id = opened.record.previousId
      if (!id) {
        const year = Number(key.split('|')[4]) || null
        const candidates = drafts.filter((d) => d.id !== opened.record.id && d.kind === meta.kind && d.unit === meta.unit && d.year !== null && year !== null && d.year < year)
        candidates.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || b.updatedAt - a.updatedAt)
        id = candidates[0]?.id
      }
      const record = id ? await getReport(id) : undefined
      if (live) report.store.set({ previous: record && !record.deletedAt ? { title: record.title, report: record.report } : null })
    })()
    return () => {
      live = false
    }
  }, [key, report])
}

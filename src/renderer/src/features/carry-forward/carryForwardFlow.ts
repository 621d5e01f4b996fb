import { carryForward } from '@shared/carry'
import { createReport, getReportModel } from '../../db/reports'
import { addVersion } from '../../db/versions'
import type { UiStore } from '../../app/uiStore'
import type { OpenReport } from '../open-report/openReport'

/**
 * Carry forward: a report becomes the draft for the next period, its figures marked until they
 * are updated. The carried text as it started is the first entry of the new draft's history.
 */
export function createCarryForwardFlow(report: OpenReport, ui: UiStore) {
  return async (id: string): Promise<void> => {
    if (report.store.get().opened?.record.id === id) await report.flush()
    const source = await getReportModel(id)
    if (!source) return
    const { report: carried, figureAnchors, to } = carryForward(source.report)
    const record = await createReport(carried, { previousId: id })
    await addVersion(record, 'auto', `结转自《${source.report.meta.title}》`)
    // Its figures are marked while they still read last period's value (StaleFigureMarks).
    await report.open(record.id)
    ui.notify('info', `已结转为${to ? `“${carried.meta.period || carried.meta.title}”` : '下一期'}的草稿。黄色标出的 ${figureAnchors.length} 个数字仍是上期的，请逐一更新。`)
  }
}

/** The panel beside the page: outline, 校对, 批注 (a shared report), 数据 and 历史, fed from the open report. */
import { useEffect, useMemo, useRef } from 'react'
import { ChecksPanel } from '../features/checks/ChecksPanel'
import { useFindings } from '../features/checks/useFindings'
import { FiguresPanel } from '../features/figures/FiguresPanel'
import { usePreviousReport } from '../features/figures/usePreviousReport'
import { StaleFigureMarks } from '../features/figures/StaleFigureMarks'
import { OutlinePanel } from '../features/outline/OutlinePanel'
import { outlineEntries, type OutlineEntry } from '../features/outline/outlineEntries'
import { VersionsPanel } from '../features/versions/VersionsPanel'
import { SidePanel } from '../ui/SidePanel'
import { useApp } from './AppContext'
import { useCollabSide } from './CollabProvider'
import { useStore } from './store'

/** Keeps last period's report and the 校对 findings of the open report in the store (the context menu reads the fixes). */
export function ReportWatchers() {
  const { report } = useApp()
  usePreviousReport(report)
  const model = useStore(report.store, (s) => s.info?.report ?? null)
  const previous = useStore(report.store, (s) => s.previous?.report ?? null)
  const checked = useFindings(model, previous)
  useEffect(() => report.store.set({ checked }), [checked, report])
  return <StaleFigureMarks report={report} />
}

export function SidePane() {
  const app = useApp()
  const { report } = app
  const info = useStore(report.store, (s) => s.info)
  const editor = useStore(report.store, (s) => s.editor)
  const opened = useStore(report.store, (s) => s.opened)
  const previous = useStore(report.store, (s) => s.previous)
  const checked = useStore(report.store, (s) => s.checked)
  const readOnly = useStore(report.store, (s) => s.loadProblem !== null || s.opened?.record.status === 'final')
  const collab = useCollabSide()
  // The last entries, so unchanged sections keep their objects (see outlineEntries).
  const lastEntries = useRef<OutlineEntry[]>([])
  const entries = useMemo(() => (lastEntries.current = info ? outlineEntries(info, lastEntries.current) : []), [info])
  return (
    <SidePanel
      tabs={[
        { id: 'outline', label: '大纲', content: <OutlinePanel entries={entries} editor={editor} extra={collab.outlineExtra} /> },
        { id: 'checks', label: '校对', badge: checked.findings.length, content: <ChecksPanel findings={checked.findings} report={checked.report} editor={editor} readOnly={readOnly} /> },
        ...collab.tabs,
        { id: 'figures', label: '数据', content: <FiguresPanel report={info?.report ?? null} previous={previous} editor={editor} /> },
        {
          id: 'versions',
          label: '历史',
          content: opened && (
            <VersionsPanel
              key={`${opened.record.id}:${opened.generation}`}
              reportId={opened.record.id}
              current={info?.report ?? null}
              readOnly={readOnly}
              saveStatus={report.saveStatus}
              onSave={app.versions.saveVersion}
              onRestore={app.versions.restore}
            />
          )
        }
      ]}
    />
  )
}

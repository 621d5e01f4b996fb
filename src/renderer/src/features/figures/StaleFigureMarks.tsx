import { useEffect, useMemo } from 'react'
import { compareFigures, extractFigures } from '@shared/figures'
import { anchorRange } from '../../editor/anchors'
import { useStore } from '../../app/store'
import type { OpenReport } from '../open-report/openReport'

const MARK = 'stale-figure'

/**
 * In a draft carried forward, the figures that still read last period's value are marked yellow.
 * The mark is derived from the text each time it settles, not stored in it: once a number is
 * retyped it is no longer last period's and its mark goes, after a reload too.
 */
export function StaleFigureMarks({ report }: { report: OpenReport }) {
  const carried = useStore(report.store, (s) => !!s.opened?.record.previousId)
  const info = useStore(report.store, (s) => s.info)
  const previous = useStore(report.store, (s) => s.previous)
  const editor = useStore(report.store, (s) => s.editor)
  const stale = useMemo(() => {
    if (!carried || !info || !previous) return []
    return compareFigures(extractFigures(info.report), extractFigures(previous.report))
      .filter((c) => c.sameAsPrevious)
      .map((c) => c.current.anchor)
  }, [carried, info, previous])

  useEffect(() => {
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null
    if (!registry) return
    if (!editor || !info || stale.length === 0) {
      registry.delete(MARK)
      return
    }
    const ranges = stale.map((a) => anchorRange(editor, info.report, a)).filter((r): r is Range => r !== null)
    registry.set(MARK, new Highlight(...ranges))
    return () => void registry.delete(MARK)
  }, [editor, info, stale])
  return null
}

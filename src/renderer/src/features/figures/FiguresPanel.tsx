import { useEffect, useMemo, useState, memo } from 'react'
import type { LexicalEditor } from 'lexical'
import type { Report } from '@shared/doc/model'
import { changeInOwnUnit, compareFigures, extractFigures, type FigureComparison } from '@shared/figures'
import { revealFinding } from '../checks/ChecksPanel'

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('zh-CN') : n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}

/** Two bars, last period's and this one's, on one scale: a change reads at a glance. */
function Bars({ previous, current }: { previous: number; current: number }) {
  const max = Math.max(Math.abs(previous), Math.abs(current)) || 1
  return (
    <span className="bars" aria-hidden="true">
      <span className="bar bar-prev" style={{ width: `${(Math.abs(previous) / max) * 100}%` }} />
      <span className="bar bar-cur" style={{ width: `${(Math.abs(current) / max) * 100}%` }} />
    </span>
  )
}

/** The change in the figure's own unit (+853.4万元, +2个百分点), and relative to last period. */
function changeText(c: FigureComparison): string {
  const change = changeInOwnUnit(c)
  if (!change) return ''
  const sign = change.value > 0 ? '+' : ''
  const relative = change.percent !== null ? `（${change.percent > 0 ? '+' : ''}${fmt(change.percent)}%）` : ''
  return `${sign}${fmt(change.value)}${change.unit}${relative}`
}

/**
 * Every figure of the report with what it measures; beside each, last period's figure for
 * the same measure and the change. Figures still equal to last period's are flagged.
 */
function FiguresPanelView({ report, previous, editor }: { report: Report | null; previous: { title: string; report: Report } | null; editor: LexicalEditor | null }) {
  const [onlyStale, setOnlyStale] = useState(false)
  const comparisons = useMemo(() => {
    if (!report) return []
    const current = extractFigures(report)
    return previous ? compareFigures(current, extractFigures(previous.report)) : current.map((f) => ({ current: f, previous: null, change: null, sameAsPrevious: false }))
  }, [report, previous])
  const stale = comparisons.filter((c) => c.sameAsPrevious).length
  useEffect(() => {
    if (stale === 0) setOnlyStale(false)
  }, [stale])
  if (!report || !editor) return null
  const shown = onlyStale ? comparisons.filter((c) => c.sameAsPrevious) : comparisons
  return (
    <section className="figures-panel" aria-label="数据">
      <p className="muted figures-source">{previous ? `对比上一期：《${previous.title}》` : '文档库中没有上一期的同类总结，只列出本期数字。'}</p>
      {stale > 0 && (
        <label className="figures-stale">
          <input type="checkbox" checked={onlyStale} onChange={(e) => setOnlyStale(e.target.checked)} /> 只看仍是上期的数字（{stale} 个）
        </label>
      )}
      {comparisons.length === 0 && <p className="muted">没有找到数字。</p>}
      <ul className="figure-list" aria-label="数字列表">
        {shown.map((c, i) => (
          <li key={i} className={c.sameAsPrevious ? 'stale' : ''}>
            <button type="button" className="figure" onClick={() => revealFinding(editor, report, c.current)}>
              <span className="figure-measure">{c.current.measure}</span>
              <span className="figure-value">{c.current.text}</span>
              {c.previous && (
                <span className="figure-prev">
                  上期 {c.previous.text}
                  {c.change && c.change.absolute !== 0 && <span className={c.change.absolute > 0 ? 'up' : 'down'}> {changeText(c)}</span>}
                </span>
              )}
              {c.sameAsPrevious && <span className="figure-stale-badge">仍是上期数字</span>}
              {c.previous && !c.current.isComparison && c.change && c.change.absolute !== 0 && <Bars previous={c.previous.normalized.value} current={c.current.normalized.value} />}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const FiguresPanel = memo(FiguresPanelView)

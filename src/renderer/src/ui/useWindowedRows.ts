import { useEffect, useState, type RefObject } from 'react'

export interface RowWindow {
  /** Rows to render: [start, end). */
  start: number
  end: number
  /** Space above and below them, standing for the rows not rendered. */
  before: number
  after: number
}

/**
 * Which of `count` rows of `rowHeight` pixels are in view in the scrolling element (plus a margin
 * of `overscan` rows): a list of thousands renders a screenful, whatever its length.
 */
export function useWindowedRows(count: number, rowHeight: number, scroller: RefObject<HTMLElement | null>, overscan = 10): RowWindow {
  const [view, setView] = useState({ top: 0, height: 800 })
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const update = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }))
    update()
    el.addEventListener('scroll', update, { passive: true })
    const resize = new ResizeObserver(update)
    resize.observe(el)
    return () => {
      el.removeEventListener('scroll', update)
      resize.disconnect()
    }
  }, [scroller])
  const start = Math.max(0, Math.min(count, Math.floor(view.top / rowHeight) - overscan))
  const end = Math.max(start, Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan))
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight }
}

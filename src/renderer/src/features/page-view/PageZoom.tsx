import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import { useStore } from '../../app/store'
import type { Zoom } from './zoom'

/** Room left beside the page in "fit" mode, in CSS pixels. */
const GUTTER = 24

/**
 * Scales the page: a transform, so the text is laid out (and lines break) exactly as at 100 %,
 * and a frame sized to the scaled page so the scroller scrolls the right distance. In "fit" mode
 * the zoom follows the window's width, so the page never needs sideways scrolling. Ctrl+wheel zooms.
 * `overlay` is drawn over the scaled page unscaled, in screen pixels (collaborators' carets, which
 * @lexical/yjs places from the text's on-screen rectangles).
 */
export function PageZoom({ zoom, children, overlay }: { zoom: Zoom; children: ReactNode; overlay?: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null)
  const percent = useStore(zoom.store, (s) => s.percent)
  const scale = percent / 100

  // Scaled, the frame follows the page's size as it grows; at 100 % it is the page's own size
  // and needs no watching (no work while the clerk types).
  useLayoutEffect(() => {
    const f = frame.current
    const page = f?.firstElementChild as HTMLElement | null
    if (!f || !page) return
    if (scale === 1) {
      f.style.width = ''
      f.style.height = ''
      return
    }
    const fit = () => {
      f.style.width = `${page.offsetWidth * scale}px`
      f.style.height = `${page.offsetHeight * scale}px`
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(page)
    return () => observer.disconnect()
  }, [scale])

  // The width there is to fit into, and Ctrl+wheel over the page.
  useEffect(() => {
    const f = frame.current
    const scroller = f?.parentElement
    const page = f?.firstElementChild as HTMLElement | null
    if (!f || !scroller || !page) return
    const measure = () => zoom.fitTo(scroller.clientWidth - 2 * GUTTER, page.offsetWidth)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(scroller)
    const onWheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return
      e.preventDefault()
      zoom.wheel(e.deltaY)
    }
    scroller.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      observer.disconnect()
      scroller.removeEventListener('wheel', onWheel)
    }
  }, [zoom])

  return (
    <div ref={frame} className="page-frame">
      {/* The transform only when zoomed: at 100 % the page is not a layer of its own. */}
      <div className="page-zoom" style={scale === 1 ? undefined : { transform: `scale(${scale})` }}>
        {children}
      </div>
      {overlay}
    </div>
  )
}

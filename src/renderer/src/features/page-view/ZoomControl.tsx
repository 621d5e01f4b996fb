import { commandTitle } from '@shared/commands'
import { useStore } from '../../app/store'
import type { Zoom } from './zoom'

/** − 100% + and 适合页宽, in the status bar; Ctrl+wheel over the page does the same. */
export function ZoomControl({ zoom }: { zoom: Zoom }) {
  const { mode, percent } = useStore(zoom.store, (s) => s)
  return (
    <span className="zoom-control" role="group" aria-label="缩放">
      <button type="button" onClick={zoom.zoomOut} aria-label="缩小" title={commandTitle('zoom-out')}>
        −
      </button>
      <span className="zoom-percent" data-testid="zoom-percent" aria-live="polite">
        {percent}%
      </span>
      <button type="button" onClick={zoom.zoomIn} aria-label="放大" title={commandTitle('zoom-in')}>
        +
      </button>
      <button type="button" onClick={zoom.fit} aria-pressed={mode === 'fit'} title="按窗口宽度缩放页面">
        适合页宽
      </button>
    </span>
  )
}

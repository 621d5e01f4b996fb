import { createStore, type Store } from '../../app/store'

/** The page view's zoom: fitted to the window's width (the default), or a percentage the clerk chose. */
export interface ZoomState {
  mode: 'fit' | 'fixed'
  /** The scale applied now, in percent. */
  percent: number
}

const STEPS = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200]
export const MIN_ZOOM = 50
export const MAX_ZOOM = 200
const KEY = 'zongjie.zoom'

export interface Zoom {
  store: Store<ZoomState>
  zoomIn(): void
  zoomOut(): void
  fit(): void
  /** Ctrl+wheel: a step of 10 % either way. */
  wheel(deltaY: number): void
  /** The page view reports the width it has; in fit mode the zoom follows it (never above 100 %). */
  fitTo(available: number, pageWidth: number): void
}

function saved(): ZoomState {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ZoomState> | null
    if (v?.mode === 'fixed' && typeof v.percent === 'number') return { mode: 'fixed', percent: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.percent)) }
  } catch {
    // A preference that cannot be read is a preference not set.
  }
  return { mode: 'fit', percent: 100 }
}

export function createZoom(): Zoom {
  const store = createStore<ZoomState>(saved())
  let lastFit = 100
  const fixed = (percent: number) => {
    const p = Math.round(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, percent)))
    store.set({ mode: 'fixed', percent: p })
    try {
      localStorage.setItem(KEY, JSON.stringify({ mode: 'fixed', percent: p }))
    } catch {
      // Not remembered: the zoom still applies now.
    }
  }
  return {
    store,
    zoomIn: () => fixed(STEPS.find((s) => s > store.get().percent) ?? MAX_ZOOM),
    zoomOut: () => fixed([...STEPS].reverse().find((s) => s < store.get().percent) ?? MIN_ZOOM),
    fit() {
      store.set({ mode: 'fit', percent: lastFit })
      try {
        localStorage.removeItem(KEY)
      } catch {
        // As above.
      }
    },
    wheel: (deltaY) => fixed(store.get().percent + (deltaY < 0 ? 10 : -10)),
    fitTo(available, pageWidth) {
      lastFit = Math.max(MIN_ZOOM, Math.min(100, Math.floor((available / pageWidth) * 100)))
      if (store.get().mode === 'fit') store.set({ percent: lastFit })
    }
  }
}

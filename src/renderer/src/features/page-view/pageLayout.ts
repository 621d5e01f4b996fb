import { createStore, type Store } from '../../app/store'

/** What the page view found: how many pages the report prints on, and which one the caret is on. */
export interface PageLayoutState {
  pages: number
  /** 1-based; 1 before the first measurement. */
  current: number
  /** False until the page has been measured once (fonts loaded). */
  measured: boolean
}

export type PageLayout = Store<PageLayoutState>

export function createPageLayout(): PageLayout {
  return createStore<PageLayoutState>({ pages: 1, current: 1, measured: false })
}

import type { NoticeState } from '../ui/Notice'
import { createStore, type Store } from './store'

export type View = 'editor' | 'library' | 'settings'
export type DialogName = 'new' | 'save-template' | 'script'

/** What the window shows around the open report: the screen, the panels, a dialog, messages. */
export interface UiState {
  view: View
  showOutline: boolean
  dialog: DialogName | null
  notice: NoticeState | null
  progress: { done: number; total: number; name: string; title: string } | null
  /** The text selected when the 简繁 dialog opened: it converts that, or the whole report. */
  scriptSelection: string
  /** What the last Ctrl+S did, shown for a moment in the status bar. */
  saveNote: string | null
}

export type UiStore = Store<UiState> & {
  notify(kind: NoticeState['kind'], text: string, path?: string): void
  toggleView(view: Exclude<View, 'editor'>): void
}

export function createUiStore(): UiStore {
  const store = createStore<UiState>({ view: 'editor', showOutline: true, dialog: null, notice: null, progress: null, scriptSelection: '', saveNote: null })
  return {
    ...store,
    notify: (kind, text, path) => store.set({ notice: { kind, text, path } }),
    toggleView: (view) => store.set((s) => ({ view: s.view === view ? 'editor' : view }))
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

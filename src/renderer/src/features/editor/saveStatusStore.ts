import { useSyncExternalStore } from 'react'
import type { SaveStatus } from '../../editor/plugins/AutosavePlugin'

/**
 * The autosave status, held outside React state: it changes several times a second while the
 * clerk types (有改动 → 正在保存… → 已保存), and only the status bar and the history list read
 * it. As App state, each change re-rendered the whole window in the middle of typing; the status
 * bar now writes it into the page without rendering at all.
 */
export interface SaveStatusStore {
  get(): SaveStatus
  set(next: SaveStatus): void
  subscribe(listener: () => void): () => void
}

export function createSaveStatusStore(initial: SaveStatus): SaveStatusStore {
  let current = initial
  const listeners = new Set<() => void>()
  return {
    get: () => current,
    set(next) {
      current = next
      for (const l of listeners) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** When the draft was last saved, or null while a save is due: changes once a save, not every keystroke. */
export function useSavedAt(store: SaveStatusStore): number | null {
  return useSyncExternalStore(store.subscribe, () => {
    const s = store.get()
    return s.state === 'saved' ? s.at : null
  })
}

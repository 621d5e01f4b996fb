import type { CommandId } from '@shared/commands'
import { createStore, type Store } from '../../app/store'

export type MenuEntry = { id: CommandId; label: string; keys?: string; disabled?: boolean } | '-'

export interface ContextMenuState {
  open: boolean
  x: number
  y: number
  entries: MenuEntry[]
}

/** The editor's context menu: where it is and what it offers; the items come from the command table. */
export interface ContextMenu {
  store: Store<ContextMenuState>
  show(x: number, y: number, entries: MenuEntry[]): void
  hide(): void
}

export function createContextMenu(): ContextMenu {
  const store = createStore<ContextMenuState>({ open: false, x: 0, y: 0, entries: [] })
  return {
    store,
    show: (x, y, entries) => store.set({ open: true, x, y, entries }),
    hide: () => store.set({ open: false })
  }
}

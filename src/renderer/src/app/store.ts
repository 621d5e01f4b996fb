import { useCallback, useRef, useSyncExternalStore } from 'react'

/**
 * A small external store: state outside React, read by components through selectors, so a change
 * re-renders only the components whose selected value changed (the save status changes several
 * times a second while typing; the outline once typing pauses).
 */
export interface Store<S> {
  get(): S
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void
  subscribe(listener: () => void): () => void
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch
      if (Object.entries(next).every(([k, v]) => Object.is(state[k as keyof S], v))) return
      state = { ...state, ...next }
      for (const l of listeners) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
  }
}

/** The selected part of a store's state; re-renders when it changes (Object.is). */
export function useStore<S, T>(store: Store<S>, select: (s: S) => T): T {
  const selectRef = useRef(select)
  selectRef.current = select
  const get = useCallback(() => selectRef.current(store.get()), [store])
  return useSyncExternalStore(store.subscribe, get)
}

import { useSyncExternalStore } from 'react'
import type { CollabSession, SessionState } from './session'

const IDLE: SessionState = { connection: 'offline', unsaved: false, peers: [], refused: null }

export function useSessionState(session: CollabSession | null): SessionState {
  return useSyncExternalStore(
    (l) => session?.subscribe(l) ?? (() => undefined),
    () => session?.state() ?? IDLE
  )
}

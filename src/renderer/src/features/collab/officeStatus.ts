import { useSyncExternalStore } from 'react'
import type { OfficeStatus } from '@shared/office/ipc'

/** The office server as main knows it, shared by every screen; refreshed after sign-in and on start. */
let status: OfficeStatus | null = null
const listeners = new Set<() => void>()

export function setOfficeStatus(next: OfficeStatus): void {
  status = next
  listeners.forEach((l) => l())
}

export async function refreshOfficeStatus(): Promise<OfficeStatus | null> {
  try {
    setOfficeStatus(await window.api.officeStatus())
  } catch {
    // Main could not say: the app works alone (shared reports open from this desk's copy).
    if (!status) setOfficeStatus({ server: null, ws: null, user: null, signedIn: false, secretStorage: 'file', certificate: null })
  }
  return status
}

export function useOfficeStatus(): OfficeStatus | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => status
  )
}

export function currentOfficeStatus(): OfficeStatus | null {
  return status
}

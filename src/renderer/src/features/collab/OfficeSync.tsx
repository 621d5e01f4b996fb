import { useEffect, useRef } from 'react'
import { refreshOfficeStatus, useOfficeStatus } from './officeStatus'
import { syncWithOffice } from './officeSync'

const EVERY_MS = 60_000
let wake: (() => void) | null = null

/** Asks for a sync now (after sharing or publishing), instead of at the next minute. */
export function syncOfficeSoon(): void {
  wake?.()
}

/**
 * Keeps this desk in step with the office server while the app runs: at start, every minute,
 * when the network comes back, and on request. Renders nothing.
 */
export function OfficeSync({ onChanged }: { onChanged: (ids: string[]) => void }): null {
  const status = useOfficeStatus()
  const changed = useRef(onChanged)
  changed.current = onChanged
  useEffect(() => {
    void refreshOfficeStatus()
  }, [])
  const signedIn = !!status?.signedIn
  useEffect(() => {
    if (!signedIn) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let running = false
    let again = false
    let stopped = false
    const run = async () => {
      clearTimeout(timer)
      if (running) return void (again = true)
      running = true
      try {
        const current = await refreshOfficeStatus()
        const ids = current && navigator.onLine ? await syncWithOffice(current) : []
        if (ids.length) changed.current(ids)
      } catch {
        // Offline or the server away: the next round tries again; the desk works on its own meanwhile.
      } finally {
        running = false
        if (!stopped) timer = setTimeout(() => void run(), again ? 0 : EVERY_MS)
        again = false
      }
    }
    wake = () => void run()
    window.addEventListener('online', wake)
    void run()
    return () => {
      stopped = true
      clearTimeout(timer)
      if (wake) window.removeEventListener('online', wake)
      wake = null
    }
  }, [signedIn])
  return null
}

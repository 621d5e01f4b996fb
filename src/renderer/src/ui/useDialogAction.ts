import { useState } from 'react'

/** How a dialog tells the clerk what happened (the app's notice line). */
export type Notify = (kind: 'success' | 'error' | 'info', text: string) => void

/**
 * A dialog's one action: busy while it runs (its button disabled), a failure told to the clerk in
 * the notice line with the dialog left open to try again, the dialog closed when it succeeds.
 */
export function useDialogAction(notify: Notify, onClose: () => void): { busy: boolean; run: (action: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    try {
      await action()
      onClose()
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}

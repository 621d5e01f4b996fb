import { useEffect, useRef, type ReactNode } from 'react'

const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog as desktop dialogs behave: focus moves into it (its first field, or the element
 * marked data-autofocus), Tab and Shift+Tab stay inside, Escape cancels (when it can be cancelled),
 * and on closing, focus goes back to where it was (the editor, or the button that opened it).
 */
export function Modal({ label, className, onCancel, children }: { label: string; className?: string; onCancel?: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const cancel = useRef(onCancel)
  cancel.current = onCancel

  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement as HTMLElement | null
    const first = dialog?.querySelector<HTMLElement>('[data-autofocus]') ?? dialog?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? dialog)?.focus()
    return () => {
      // Back where the clerk was, unless the dialog's action moved focus on purpose (a report opened).
      if (before?.isConnected && (document.activeElement === document.body || document.activeElement === null)) before.focus()
    }
  }, [])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
      if (!cancel.current) return
      e.preventDefault()
      e.stopPropagation()
      cancel.current()
      return
    }
    if (e.key !== 'Tab' || !ref.current) return
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement)
    if (items.length === 0) return e.preventDefault()
    const i = items.indexOf(document.activeElement as HTMLElement)
    const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1
    e.preventDefault()
    items[next].focus()
  }

  return (
    <div className="modal-backdrop">
      <div ref={ref} className={`modal${className ? ` ${className}` : ''}`} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  )
}

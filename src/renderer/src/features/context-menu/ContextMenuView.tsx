import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { CommandId } from '@shared/commands'
import { useStore } from '../../app/store'
import type { ContextMenu } from './contextMenu'

/**
 * The menu itself: opens where it was asked for (kept inside the window), takes focus on its first
 * item, and is used from the keyboard like a native menu: arrows, Home/End, Enter or Space, Escape.
 */
export function ContextMenuView({ menu, run, onClosed }: { menu: ContextMenu; run: (id: CommandId) => void; onClosed: () => void }) {
  const s = useStore(menu.store, (x) => x)
  const ref = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState({ x: 0, y: 0 })

  useLayoutEffect(() => {
    if (!s.open || !ref.current) return
    const r = ref.current.getBoundingClientRect()
    setPos({ x: Math.max(0, Math.min(s.x, window.innerWidth - r.width - 4)), y: Math.max(0, Math.min(s.y, window.innerHeight - r.height - 4)) })
    ref.current.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus()
  }, [s.open, s.x, s.y, s.entries])

  useEffect(() => {
    if (!s.open) return
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) menu.hide()
    }
    window.addEventListener('mousedown', away, true)
    window.addEventListener('blur', menu.hide)
    window.addEventListener('resize', menu.hide)
    return () => {
      window.removeEventListener('mousedown', away, true)
      window.removeEventListener('blur', menu.hide)
      window.removeEventListener('resize', menu.hide)
    }
  }, [s.open, menu])

  if (!s.open) return null
  const close = () => {
    menu.hide()
    onClosed()
  }
  const choose = (id: CommandId) => {
    menu.hide()
    onClosed()
    run(id)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])]
    const i = items.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => items[(to + items.length) % items.length]?.focus()
    if (e.key === 'ArrowDown') move(i + 1)
    else if (e.key === 'ArrowUp') move(i - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(items.length - 1)
    else if (e.key === 'Escape' || e.key === 'Tab' || (e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') close()
    else return
    e.preventDefault()
    e.stopPropagation()
  }
  return (
    <div ref={ref} className="context-menu" role="menu" aria-label="编辑菜单" style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {s.entries.map((entry, i) =>
        entry === '-' ? (
          <div key={`sep-${i}`} role="separator" className="context-separator" />
        ) : (
          <div
            key={entry.id}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={entry.disabled || undefined}
            className="context-item"
            onMouseDown={(e) => e.preventDefault()}
            // The pointer and the keyboard share one current item, as in a native menu.
            onMouseEnter={(e) => !entry.disabled && e.currentTarget.focus()}
            onClick={() => !entry.disabled && choose(entry.id)}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && !entry.disabled) {
                e.preventDefault()
                choose(entry.id)
              }
            }}
          >
            <span className="context-label">{entry.label}</span>
            {entry.keys && <span className="context-keys">{entry.keys}</span>}
          </div>
        )
      )}
    </div>
  )
}

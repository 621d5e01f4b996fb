import type { SaveStatus } from '../../editor/plugins/AutosavePlugin'
import { useLayoutEffect, useRef, type ReactNode } from 'react'
import type { SaveStatusStore } from './saveStatusStore'

function timeOf(at: number): string {
  const d = new Date(at)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

export function saveLabel(s: SaveStatus): string {
  switch (s.state) {
    case 'saved':
      return `已保存 ${timeOf(s.at)}`
    case 'pending':
      return '有改动'
    case 'saving':
      return '正在保存…'
    case 'error':
      return s.message
  }
}

/**
 * The save status, written straight into its element as the store changes, never through a
 * React render: while the clerk types it changes several times a second, and every React commit
 * with the editor focused walks the whole editable DOM to save and restore the selection
 * (milliseconds on a 100-page report).
 */
function SaveStatusLabel({ store }: { store: SaveStatusStore }) {
  const ref = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    const show = () => {
      const el = ref.current
      if (!el) return
      const status = store.get()
      // The role first, so the error text lands in a live region and is announced.
      if (status.state === 'error') el.setAttribute('role', 'alert')
      else el.removeAttribute('role')
      el.className = status.state === 'error' ? 'status-error' : ''
      el.textContent = saveLabel(status)
    }
    show()
    return store.subscribe(show)
  }, [store])
  return <span ref={ref} data-testid="save-status" />
}

export function StatusBar({
  characters,
  page,
  pages,
  measured,
  saveStatus,
  saveNote,
  readOnly,
  zoom
}: {
  characters: number
  /** The caret's page and the page count, as the page view lays the report out. */
  page: number
  pages: number
  /** Whether the page view has laid out the open report yet. */
  measured?: boolean
  saveStatus: SaveStatusStore
  /** What Ctrl+S just did (已保存…), for a few seconds. */
  saveNote: string | null
  readOnly: boolean
  zoom?: ReactNode
}) {
  return (
    <footer className="status-bar">
      <span data-testid="char-count">字数 {characters.toLocaleString('zh-CN')}</span>
      <span data-testid="page-count" data-measured={measured ? 'true' : 'false'}>
        第 {page} 页，共 {pages} 页
      </span>
      <span className="status-spacer" />
      {readOnly && <span className="status-readonly">只读</span>}
      {saveNote && (
        <span className="status-note" role="status" data-testid="save-note">
          {saveNote}
        </span>
      )}
      <SaveStatusLabel store={saveStatus} />
      {zoom}
    </footer>
  )
}

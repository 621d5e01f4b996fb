import { useState, type ReactNode } from 'react'

export interface SideTab {
  id: string
  label: string
  badge?: number
  content: ReactNode
}

/** The panel beside the page: outline, checks, figures — one visible at a time. */
export function SidePanel({ tabs, initial }: { tabs: SideTab[]; initial?: string }) {
  const [active, setActive] = useState(initial ?? tabs[0]?.id)
  const current = tabs.find((t) => t.id === active) ?? tabs[0]
  return (
    <aside className="side-panel">
      <div className="side-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={t.id === current?.id} aria-controls={`panel-${t.id}`} onClick={() => setActive(t.id)}>
            {t.label}
            {t.badge ? <span className="badge">{t.badge > 999 ? '999+' : t.badge}</span> : null}
          </button>
        ))}
      </div>
      {current && (
        <div className="side-body" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
          {current.content}
        </div>
      )}
    </aside>
  )
}

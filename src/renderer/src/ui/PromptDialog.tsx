import { useState } from 'react'

/** A one-field question (Electron has no window.prompt). */
export function PromptDialog({ title, label, initial, onOk, onCancel }: { title: string; label: string; initial: string; onOk: (value: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial)
  return (
    <div className="modal-backdrop">
      <form
        className="modal prompt"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault()
          if (value.trim()) onOk(value.trim())
        }}
      >
        <h2 className="modal-title">{title}</h2>
        <label className="meta-field">
          <span>{label}</span>
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} maxLength={100} />
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="submit" className="primary" disabled={!value.trim()}>
            确定
          </button>
        </div>
      </form>
    </div>
  )
}

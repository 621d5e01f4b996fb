import { useState } from 'react'
import { Modal } from './Modal'

/** A one-field question (Electron has no window.prompt). */
export function PromptDialog({ title, label, initial, onOk, onCancel }: { title: string; label: string; initial: string; onOk: (value: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial)
  return (
    <Modal label={title} className="prompt" onCancel={onCancel}>
      <form
        className="prompt-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (value.trim()) onOk(value.trim())
        }}
      >
        <h2 className="modal-title">{title}</h2>
        <label className="meta-field">
          <span>{label}</span>
          <input value={value} onChange={(e) => setValue(e.target.value)} maxLength={100} />
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
    </Modal>
  )
}

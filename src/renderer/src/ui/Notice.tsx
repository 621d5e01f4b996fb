import { useEffect, useRef } from 'react'

export interface NoticeState {
  kind: 'success' | 'error' | 'info'
  text: string
  /** An exported file: offers to open it or show it in its folder. */
  path?: string
}

export function Notice({ notice, onClose }: { notice: NoticeState; onClose: () => void }) {
  const { path } = notice
  // Information fades after a while; errors stay until dismissed.
  const close = useRef(onClose)
  close.current = onClose
  useEffect(() => {
    if (notice.kind === 'error') return
    const t = setTimeout(() => close.current(), 12_000)
    return () => clearTimeout(t)
  }, [notice])
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-text">{notice.text}</span>
      {path && (
        <>
          <button type="button" onClick={() => void window.api.openExportedFile({ path })}>
            打开文件
          </button>
          <button type="button" onClick={() => void window.api.showExportedFile({ path })}>
            在文件夹中显示
          </button>
        </>
      )}
      <button type="button" className="notice-close" aria-label="关闭" onClick={onClose}>
        ×
      </button>
    </div>
  )
}

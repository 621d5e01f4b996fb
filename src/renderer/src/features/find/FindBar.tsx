import { useEffect, useRef, type KeyboardEvent } from 'react'
import { commandTitle } from '@shared/commands'
import { useStore } from '../../app/store'
import type { FindController } from './findController'

/**
 * The find and replace bar above the page (Ctrl+F, Ctrl+H): every match is marked in the text,
 * the bar says which one is current and how many there are. Enter goes to the next match,
 * Shift+Enter to the previous one, Escape closes the bar and leaves the match selected.
 */
export function FindBar({ find, readOnly }: { find: FindController; readOnly: boolean }) {
  const s = useStore(find.store, (x) => x)
  const queryRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (!s.open) return
    queryRef.current?.focus()
    queryRef.current?.select()
  }, [s.open, s.focusTick])
  if (!s.open) return null

  const onKey = (e: KeyboardEvent, enter: () => void) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      find.close()
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault()
      if (e.shiftKey) find.previous()
      else enter()
    }
  }
  const status = !s.query ? '' : s.count === 0 ? '没有找到' : s.current >= 0 ? `第 ${s.current + 1} 处，共 ${s.count} 处` : `共 ${s.count} 处`
  return (
    <div className="find-bar" role="search" aria-label="查找和替换" onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), find.close())}>
      <div className="find-row">
        <input
          ref={queryRef}
          className="find-input"
          aria-label="查找内容"
          placeholder="查找内容"
          value={s.query}
          onChange={(e) => find.setQuery(e.target.value)}
          onKeyDown={(e) => onKey(e, find.next)}
        />
        <span className="find-count" role="status" aria-live="polite" data-testid="find-count">
          {s.message ?? status}
        </span>
        <button type="button" onClick={find.previous} disabled={s.count === 0} title={commandTitle('find-previous')}>
          上一个
        </button>
        <button type="button" onClick={find.next} disabled={s.count === 0} title={commandTitle('find-next')}>
          下一个
        </button>
        <label className="find-option">
          <input type="checkbox" checked={s.options.matchCase} onChange={(e) => find.setOptions({ matchCase: e.target.checked })} />
          区分大小写
        </label>
        <label className="find-option">
          <input type="checkbox" checked={s.options.widthInsensitive} onChange={(e) => find.setOptions({ widthInsensitive: e.target.checked })} />
          全角半角视为相同
        </label>
        <button type="button" className="find-close" aria-label="关闭查找" title="关闭（Esc）" onClick={find.close}>
          ×
        </button>
      </div>
      {s.replace && (
        <div className="find-row">
          <input
            className="find-input"
            aria-label="替换为"
            placeholder="替换为"
            value={s.replacement}
            readOnly={readOnly}
            onChange={(e) => find.setReplacement(e.target.value)}
            onKeyDown={(e) => onKey(e, find.replaceOne)}
          />
          <button type="button" onClick={find.replaceOne} disabled={readOnly || s.current < 0}>
            替换
          </button>
          <button type="button" onClick={find.replaceAll} disabled={readOnly || s.count === 0}>
            全部替换
          </button>
          {readOnly && <span className="muted">定稿或只读的总结不能替换。</span>}
        </div>
      )}
    </div>
  )
}

import type { SaveStatus } from '../../editor/plugins/AutosavePlugin'

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

export function StatusBar({ characters, pages, status, readOnly }: { characters: number; pages: number; status: SaveStatus; readOnly: boolean }) {
  return (
    <footer className="status-bar">
      <span data-testid="char-count">字数 {characters.toLocaleString('zh-CN')}</span>
      <span data-testid="page-count">约 {pages} 页</span>
      <span className="status-spacer" />
      {readOnly && <span className="status-readonly">只读</span>}
      <span data-testid="save-status" className={status.state === 'error' ? 'status-error' : ''} role={status.state === 'error' ? 'alert' : undefined}>
        {saveLabel(status)}
      </span>
    </footer>
  )
}

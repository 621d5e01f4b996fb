import { memo } from 'react'
import { REPORT_KIND_LABELS } from '@shared/doc/model'
import type { ReportRecord } from '../../db/database'
import { formatWhen } from '../../ui/format'
import { useOfficeMarks } from '../collab/officeDb'
import { OfficeMark } from '../collab/OfficeMark'

export type DraftSummary = Omit<ReportRecord, 'report' | 'editorState'>

/** The drafts, newest first: create, open, delete. */
function DraftListView({
  drafts,
  currentId,
  onOpen,
  onCreate,
  onDelete,
  onLibrary,
  libraryOpen,
  onSettings,
  settingsOpen
}: {
  drafts: DraftSummary[]
  currentId: string | null
  onOpen: (id: string) => void
  onCreate: () => void
  onDelete: (d: DraftSummary) => void
  onLibrary: () => void
  libraryOpen: boolean
  onSettings: () => void
  settingsOpen: boolean
}) {
  const recent = drafts.filter((d) => d.status === 'draft').slice(0, 30)
  const marks = useOfficeMarks()
  return (
    <aside className="draft-panel" aria-label="草稿">
      <button type="button" className={`library-link${libraryOpen ? ' active' : ''}`} onClick={onLibrary} aria-pressed={libraryOpen} title="文档库（Ctrl+L）">
        文档库 <span className="muted">{drafts.length} 篇</span>
      </button>
      <div className="panel-head">
        <h2 className="panel-title">草稿</h2>
        <button type="button" className="primary" onClick={onCreate} title="新建总结（Ctrl+N）">
          新建
        </button>
      </div>
      <ul className="draft-list" role="list">
        {recent.map((d) => (
          <li key={d.id} className={d.id === currentId ? 'current' : ''}>
            <button type="button" className="draft-open" onClick={() => onOpen(d.id)} aria-current={d.id === currentId ? 'true' : undefined}>
              <span className="draft-title">{d.title || '（未命名）'}</span>
              <span className="draft-meta">
                {REPORT_KIND_LABELS[d.kind]} · {d.characters} 字 · {formatWhen(d.updatedAt)}
                <OfficeMark kind={marks.get(d.id)} />
              </span>
            </button>
            <button type="button" className="draft-delete" aria-label={`删除 ${d.title || '未命名'}`} title="删除" onClick={() => onDelete(d)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={`settings-link${settingsOpen ? ' active' : ''}`} onClick={onSettings} aria-pressed={settingsOpen}>
        设置与备份
      </button>
    </aside>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const DraftList = memo(DraftListView)

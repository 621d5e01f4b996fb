import { memo, useMemo, useRef } from 'react'
import { REPORT_KIND_LABELS } from '@shared/doc/model'
import type { ReportSummary } from '@shared/archive/records'
import { formatWhen } from '../../ui/format'
import { useWindowedRows } from '../../ui/useWindowedRows'
import { useOfficeMarks } from '../collab/officeDb'
import { OfficeMark } from '../collab/OfficeMark'

export type DraftSummary = ReportSummary

/** Each draft's row, in pixels (fixed, so thousands of drafts scroll without rendering them all). */
const ROW_HEIGHT = 54

/** Every draft, newest first, in a scrolling list that renders only what is in view: create, open, delete. */
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
  /** Every live report; the list shows the drafts among them. */
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
  const onlyDrafts = useMemo(() => drafts.filter((d) => d.status === 'draft'), [drafts])
  const scroller = useRef<HTMLDivElement>(null)
  const { start, end, before, after } = useWindowedRows(onlyDrafts.length, ROW_HEIGHT, scroller)
  const marks = useOfficeMarks()
  return (
    <aside className="draft-panel" aria-label="草稿">
      <button type="button" className={`library-link${libraryOpen ? ' active' : ''}`} onClick={onLibrary} aria-pressed={libraryOpen} title="文档库（Ctrl+L）">
        文档库 <span className="muted">{drafts.length} 篇</span>
      </button>
      <div className="panel-head">
        <h2 className="panel-title">
          草稿 <span className="muted draft-count">{onlyDrafts.length} 篇</span>
        </h2>
        <button type="button" className="primary" onClick={onCreate} title="新建总结（Ctrl+N）">
          新建
        </button>
      </div>
      <div className="draft-scroll" ref={scroller}>
        <ul className="draft-list" role="list" aria-label={`草稿，共 ${onlyDrafts.length} 篇`} style={{ paddingTop: before, paddingBottom: after }}>
          {onlyDrafts.slice(start, end).map((d, i) => (
            <li key={d.id} className={d.id === currentId ? 'current' : ''} aria-posinset={start + i + 1} aria-setsize={onlyDrafts.length}>
              <button type="button" className="draft-open" onClick={() => onOpen(d.id)} aria-current={d.id === currentId ? 'true' : undefined}>
                <span className="draft-title">{d.title || '（未命名）'}</span>
                <span className="draft-meta">
                  {/* First, where the narrow panel's ellipsis never cuts it off. */}
                  <OfficeMark kind={marks.get(d.id)} />
                  {REPORT_KIND_LABELS[d.kind]} · {d.characters} 字 · {formatWhen(d.updatedAt)}
                </span>
              </button>
              <button type="button" className="draft-delete" aria-label={`删除 ${d.title || '未命名'}`} title="删除" onClick={() => onDelete(d)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className={`settings-link${settingsOpen ? ' active' : ''}`} onClick={onSettings} aria-pressed={settingsOpen}>
        设置与备份
      </button>
    </aside>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const DraftList = memo(DraftListView)

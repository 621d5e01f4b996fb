import { useMemo, useRef, useState, type ReactNode } from 'react'
import { REPORT_KIND_LABELS, type ReportKind } from '@shared/doc/model'
import type { ReportStatus } from '../../db/database'
import type { ExportFormat } from '@shared/ipc'
import type { DraftSummary } from '../drafts/DraftList'
import { facetValues, matchesFilter, NO_FILTER, sortReports, type LibraryFilter, type SortKey } from './libraryFilter'
import { formatWhen } from '../../ui/format'
import { useWindowedRows } from '../../ui/useWindowedRows'
import { useOfficeMarks } from '../collab/officeDb'
import { OfficeMark } from '../collab/OfficeMark'

/** A table row's height in pixels: fixed (styles/app.css), so only the rows in view are rendered. */
const ROW_HEIGHT = 34

const STATUS_LABELS: Record<ReportStatus, string> = { draft: '草稿', final: '定稿' }

export interface LibraryActions {
  open(id: string): void
  carryForward?(id: string): void
  finalize(id: string): void
  reopen(id: string): void
  trash(row: DraftSummary): void
  /** Moves these reports to the trash; the library has asked once for all of them. */
  trashMany(ids: string[]): void
  /** Finalizes these reports; the library has asked once for all of them. */
  finalizeMany(ids: string[]): void
  restore(id: string): void
  exportMany(ids: string[], format: ExportFormat): void
  importFiles(): void
  importFolder(): void
}

/** Every report in the archive: filter, sort, open, carry forward, finalize, delete; and the trash. */
export function LibraryScreen({
  reports,
  trash,
  actions,
  search
}: {
  reports: DraftSummary[]
  trash: DraftSummary[]
  actions: LibraryActions
  /** The search box and its results, given the current filter. */
  search?: (filter: LibraryFilter) => ReactNode
}) {
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER)
  const marks = useOfficeMarks()
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'updatedAt', desc: true })
  const [showTrash, setShowTrash] = useState(false)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [batchFormat, setBatchFormat] = useState<ExportFormat>('docx')
  const toggleRow = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const facets = useMemo(() => facetValues(reports), [reports])
  const rows = useMemo(() => sortReports(reports.filter((r) => matchesFilter(r, filter)), sort.key, sort.desc), [reports, filter, sort])
  const scroller = useRef<HTMLDivElement>(null)
  const shown = useWindowedRows(rows.length, ROW_HEIGHT, scroller)
  /** The selected reports among those the filters show: what a batch action acts on. */
  const chosen = useMemo(() => rows.filter((r) => selected.has(r.id)), [rows, selected])
  const chosenIds = () => chosen.map((r) => r.id)
  /** One confirmation for the whole batch, naming how many and a few of them. */
  const trashChosen = () => {
    const names = chosen.slice(0, 3).map((r) => `“${r.title || '未命名'}”`).join('、')
    if (!window.confirm(`把所选的 ${chosen.length} 篇总结（${names}${chosen.length > 3 ? ' 等' : ''}）移到回收站？30 天内可以恢复。`)) return
    actions.trashMany(chosenIds())
    setSelected(new Set())
  }
  const finalizeChosen = () => {
    const drafts = chosen.filter((r) => r.status === 'draft')
    if (drafts.length === 0 || !window.confirm(`定稿所选的 ${drafts.length} 篇草稿？定稿后只读，定稿时的内容保存在历史版本中。`)) return
    actions.finalizeMany(drafts.map((r) => r.id))
  }

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="th-sort" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'updatedAt' || key === 'year' }))}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  )

  return (
    <section className="library" aria-label="文档库">
      <div className="library-head">
        <h1 className="library-title">文档库</h1>
        <div className="library-actions">
          <button type="button" onClick={actions.importFiles}>
            导入文件…
          </button>
          <button type="button" onClick={actions.importFolder}>
            导入文件夹…
          </button>
          <button type="button" aria-pressed={showTrash} onClick={() => setShowTrash((v) => !v)}>
            回收站（{trash.length}）
          </button>
        </div>
      </div>
      {showTrash ? (
        <table className="library-table" aria-label="回收站">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">删除时间</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {trash.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  回收站是空的。删除的总结在这里保留 30 天。
                </td>
              </tr>
            )}
            {trash.map((r) => (
              <tr key={r.id}>
                <td>{r.title || '（未命名）'}</td>
                <td>{formatWhen(r.deletedAt, true)}</td>
                <td>
                  <button type="button" onClick={() => actions.restore(r.id)}>
                    恢复
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <div className="library-filters" role="group" aria-label="筛选">
            <label>
              年度
              <select aria-label="年度" value={filter.year ?? ''} onChange={(e) => setFilter({ ...filter, year: e.target.value ? Number(e.target.value) : null })}>
                <option value="">全部</option>
                {facets.years.map((y) => (
                  <option key={y} value={y}>
                    {y}年
                  </option>
                ))}
              </select>
            </label>
            <label>
              类型
              <select aria-label="类型" value={filter.kind ?? ''} onChange={(e) => setFilter({ ...filter, kind: (e.target.value || null) as ReportKind | null })}>
                <option value="">全部</option>
                {facets.kinds.map((k) => (
                  <option key={k} value={k}>
                    {REPORT_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              状态
              <select aria-label="状态" value={filter.status ?? ''} onChange={(e) => setFilter({ ...filter, status: (e.target.value || null) as ReportStatus | null })}>
                <option value="">全部</option>
                <option value="draft">草稿</option>
                <option value="final">定稿</option>
              </select>
            </label>
            <label>
              单位
              <select aria-label="单位" value={filter.unit ?? ''} onChange={(e) => setFilter({ ...filter, unit: e.target.value || null })}>
                <option value="">全部</option>
                {facets.units.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">
              共 {rows.length} 篇{rows.length !== reports.length ? `（全部 ${reports.length} 篇）` : ''}
            </span>
          </div>
          {search?.(filter)}
          <div className="batch-bar" role="group" aria-label="批量操作">
            <label>
              <input
                type="checkbox"
                aria-label="全选"
                checked={rows.length > 0 && chosen.length === rows.length}
                onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
              />{' '}
              全选
            </label>
            <button type="button" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
              全不选
            </button>
            <span className="batch-count" aria-live="polite">
              已选 {chosen.length} 篇
            </span>
            <select aria-label="导出格式" value={batchFormat} onChange={(e) => setBatchFormat(e.target.value as ExportFormat)}>
              <option value="docx">Word (.docx)</option>
              <option value="pdf">PDF</option>
              <option value="txt">纯文本</option>
              <option value="md">Markdown</option>
              <option value="html">网页</option>
            </select>
            <button type="button" disabled={chosen.length === 0} onClick={() => actions.exportMany(chosenIds(), batchFormat)}>
              导出所选（{chosen.length} 篇）…
            </button>
            <button type="button" disabled={!chosen.some((r) => r.status === 'draft')} onClick={finalizeChosen}>
              定稿所选
            </button>
            <button type="button" disabled={chosen.length === 0} onClick={trashChosen}>
              删除所选
            </button>
          </div>
          <div className="library-table-wrap" ref={scroller}>
            <table className="library-table" aria-label="总结列表" aria-rowcount={rows.length + 1}>
              <thead>
                <tr>
                  {header('title', '标题')}
                  {header('kind', '类型')}
                  {header('year', '年度')}
                  {header('unit', '单位')}
                  {header('status', '状态')}
                  {header('characters', '字数')}
                  {header('updatedAt', '最后修改')}
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {shown.before > 0 && <tr aria-hidden="true" style={{ height: shown.before }} />}
                {rows.slice(shown.start, shown.end).map((r, i) => (
                  <tr key={r.id} className="row" aria-rowindex={shown.start + i + 2}>
                    <td className="title-cell" title={r.title}>
                      <input type="checkbox" className="row-check" aria-label={`选择 ${r.title || '未命名'}`} checked={selected.has(r.id)} onChange={() => toggleRow(r.id)} />
                      <button type="button" className="link" onClick={() => actions.open(r.id)}>
                        {r.title || '（未命名）'}
                      </button>
                      <OfficeMark kind={marks.get(r.id)} />
                    </td>
                    <td>{REPORT_KIND_LABELS[r.kind]}</td>
                    <td>{r.year ?? ''}</td>
                    <td>{r.unit}</td>
                    <td>
                      <span className={`status status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                    </td>
                    <td className="num">{r.characters.toLocaleString('zh-CN')}</td>
                    <td>{formatWhen(r.updatedAt, true)}</td>
                    <td className="row-actions">
                      {actions.carryForward && (
                        <button type="button" onClick={() => actions.carryForward?.(r.id)} title="以此为底稿，新建下一期的总结">
                          结转下期
                        </button>
                      )}
                      {r.status === 'draft' ? (
                        <button type="button" onClick={() => actions.finalize(r.id)}>
                          定稿
                        </button>
                      ) : marks.get(r.id) === 'office' ? null : (
                        <button type="button" onClick={() => actions.reopen(r.id)} title="定稿保留在历史版本中">
                          重新编辑
                        </button>
                      )}
                      <button type="button" aria-label={`删除 ${r.title || '未命名'}`} onClick={() => actions.trash(r)}>
                        删除
                      </button>
                    </td>
                  </tr>
                ))}
                {shown.after > 0 && <tr aria-hidden="true" style={{ height: shown.after }} />}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

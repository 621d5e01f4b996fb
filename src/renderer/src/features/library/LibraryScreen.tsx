import { useMemo, useState, type ReactNode } from 'react'
import { REPORT_KIND_LABELS, type ReportKind } from '@shared/doc/model'
import type { ReportStatus } from '../../db/database'
import type { ExportFormat } from '@shared/ipc'
import type { DraftSummary } from '../drafts/DraftList'
import { facetValues, matchesFilter, NO_FILTER, sortReports, type LibraryFilter, type SortKey } from './libraryFilter'
import { formatWhen } from '../../ui/format'
import { useOfficeMarks } from '../collab/officeDb'
import { OfficeMark } from '../collab/OfficeMark'

const STATUS_LABELS: Record<ReportStatus, string> = { draft: '草稿', final: '定稿' }

export interface LibraryActions {
  open(id: string): void
  carryForward?(id: string): void
  finalize(id: string): void
  reopen(id: string): void
  trash(row: DraftSummary): void
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
                checked={rows.length > 0 && rows.every((r) => selected.has(r.id))}
                onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
              />{' '}
              全选
            </label>
            <select aria-label="导出格式" value={batchFormat} onChange={(e) => setBatchFormat(e.target.value as ExportFormat)}>
              <option value="docx">Word (.docx)</option>
              <option value="pdf">PDF</option>
              <option value="txt">纯文本</option>
              <option value="md">Markdown</option>
              <option value="html">网页</option>
            </select>
            <button type="button" disabled={selected.size === 0} onClick={() => actions.exportMany(rows.filter((r) => selected.has(r.id)).map((r) => r.id), batchFormat)}>
              导出所选（{[...selected].filter((id) => rows.some((r) => r.id === id)).length} 篇）…
            </button>
          </div>
          <div className="library-table-wrap">
            <table className="library-table" aria-label="总结列表">
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
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
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
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

import { useEffect, useMemo, useState } from 'react'
import { REPORT_KIND_LABELS, type Report } from '@shared/doc/model'
import { numberSections } from '@shared/doc/numbering'
import type { FileImport } from '@shared/ipc'
import { Modal } from '../../ui/Modal'
import { findDuplicates } from '../../db/reports'

export interface PreviewReport {
  key: string
  file: string
  report: Report
}

function OutlineList({ report }: { report: Report }) {
  const items = numberSections(report.sections)
  if (items.length === 0) return <p className="muted">（没有识别出小标题）</p>
  return (
    <ol className="preview-outline">
      {items.map((n) => (
        <li key={n.section.id} style={{ paddingLeft: `${(n.depth - 1) * 1.2}em` }}>
          <span className="outline-marker">{n.marker}</span>
          {n.section.title}
          {n.section.sourceMarker && n.section.sourceMarker.replace(/\s/g, '') !== n.marker && <span className="muted source-marker">（原文 {n.section.sourceMarker.trim()}）</span>}
        </li>
      ))}
    </ol>
  )
}

/**
 * What an import found, before anything is saved: each file's reports with their outline,
 * and the text that was removed as web noise — each line can be put back with one click.
 */
export function ImportPreview({
  files,
  onRestoreNoise,
  onConfirm,
  onCancel
}: {
  files: FileImport[]
  /** Re-reads a file keeping one removed line; absent when the source text is not at hand. */
  onRestoreNoise?: (fileIndex: number, line: string) => void
  onConfirm: (reports: PreviewReport[]) => void
  onCancel: () => void
}) {
  const all = useMemo<PreviewReport[]>(
    () => files.flatMap((f, fi) => (f.result?.reports ?? []).map((report, ri) => ({ key: `${fi}-${ri}`, file: f.name, report }))),
    [files]
  )
  const [excluded, setExcluded] = useState<Set<string>>(new Set())
  /** Reports the archive already holds (same title and text): shown, and left out unless ticked. */
  const [duplicates, setDuplicates] = useState<Set<string>>(new Set())
  useEffect(() => {
    let live = true
    void findDuplicates(all.map((r) => r.report)).then((found) => {
      if (!live) return
      const keys = new Set(all.filter((_, i) => found[i] !== null).map((r) => r.key))
      setDuplicates(keys)
      setExcluded((prev) => new Set([...prev, ...keys]))
    })
    return () => {
      live = false
    }
  }, [all])
  const chosen = all.filter((r) => !excluded.has(r.key))
  const failed = files.filter((f) => f.error)
  const toggle = (key: string) =>
    setExcluded((prev) => {
      const next = new Set(prev)
      if (!next.delete(key)) next.add(key)
      return next
    })
  return (
    <Modal label="导入预览" className="import-preview" onCancel={onCancel}>
        <h2 className="modal-title">导入预览</h2>
        <p className="muted">
          {files.length} 个文件，识别出 {all.length} 篇总结{failed.length ? `，${failed.length} 个文件无法导入` : ''}。确认后才会保存。
        </p>
        {duplicates.size > 0 && (
          <p className="preview-duplicates" role="alert">
            其中 {duplicates.size} 篇与文档库中已有的总结标题和内容都相同，已取消勾选；确需再次导入的，可以重新勾选。
          </p>
        )}
        <div className="preview-select" role="group" aria-label="选择">
          <button type="button" onClick={() => setExcluded(new Set())}>
            全选
          </button>
          <button type="button" onClick={() => setExcluded(new Set(all.map((r) => r.key)))}>
            全不选
          </button>
          <span className="muted">已选 {chosen.length} / {all.length} 篇</span>
        </div>
        <div className="modal-body">
          {files.map((f, fi) => (
            <section key={`${f.name}-${fi}`} className={`preview-file${f.error ? ' has-error' : ''}`} aria-label={f.name}>
              <h3 className="preview-file-name">
                {f.name}
                {f.result?.encoding && <span className="muted"> · {f.result.encoding}</span>}
              </h3>
              {f.error && (
                <p className="preview-error" role="alert">
                  {f.error}
                </p>
              )}
              {f.result?.reports.map((report, ri) => {
                const key = `${fi}-${ri}`
                return (
                  <div key={key} className="preview-report">
                    <label className="preview-report-head">
                      <input type="checkbox" checked={!excluded.has(key)} onChange={() => toggle(key)} />
                      <strong>{report.meta.title || '（未命名）'}</strong>
                      {duplicates.has(key) && <span className="duplicate-badge">文档库中已有</span>}
                      <span className="muted">
                        {REPORT_KIND_LABELS[report.meta.kind]}
                        {report.meta.period ? ` · ${report.meta.period}` : ''}
                        {report.meta.script === 'traditional' ? ' · 繁体' : ''}
                      </span>
                    </label>
                    <OutlineList report={report} />
                  </div>
                )
              })}
              {f.result && f.result.removed.length > 0 && (
                <details className="preview-noise">
                  <summary>已去除的网页杂项 {f.result.removed.length} 处</summary>
                  <ul aria-label="已去除的内容">
                    {f.result.removed.map((line, li) => (
                      <li key={li}>
                        <span className="noise-text">{line}</span>
                        {onRestoreNoise && (
                          <button type="button" onClick={() => onRestoreNoise(fi, line)} title="这是正文，不是杂项：放回去">
                            恢复
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </section>
          ))}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="primary" data-autofocus disabled={chosen.length === 0} onClick={() => onConfirm(chosen)}>
            导入 {chosen.length} 篇
          </button>
        </div>
    </Modal>
  )
}

/** Progress of a long batch (a folder import, a batch export). */
export function ImportProgress({ done, total, name, title }: { done: number; total: number; name: string; title: string }) {
  return (
    // Not cancellable: Escape does nothing while files are read or written.
    <Modal label={title} className="import-progress">
      <h2 className="modal-title">{title}</h2>
      <progress max={total} value={done} aria-label="进度" />
      <p className="muted">
        {done} / {total} · {name}
      </p>
    </Modal>
  )
}

import { useMemo, useState } from 'react'
import type { Report } from '@shared/doc/model'
import { compareReports } from '@shared/doc/compare'
import { Modal } from '../../ui/Modal'

/** Two versions side by side, section by section: removed text struck through, added text marked. */
export function CompareDialog({ older, newer, onClose }: { older: { label: string; report: Report }; newer: { label: string; report: Report }; onClose: () => void }) {
  const diff = useMemo(() => compareReports(older.report, newer.report), [older, newer])
  const [all, setAll] = useState(false)
  const shown = all ? diff : diff.filter((d) => d.status !== 'unchanged')
  return (
    <Modal label="版本比较" className="compare" onCancel={onClose}>
        <h2 className="modal-title">版本比较</h2>
        <p className="muted">
          <del>{older.label}</del> → <ins>{newer.label}</ins>
        </p>
        <label className="muted">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> 显示未改动的部分
        </label>
        <div className="modal-body">
          {shown.length === 0 && <p className="muted">两个版本内容相同。</p>}
          {shown.map((d, i) => (
            <section key={i} className={`diff-section diff-${d.status}`} aria-label={d.heading}>
              <h3>
                {d.heading}
                <span className="muted">{{ added: '（新增）', removed: '（删除）', changed: '（修改）', unchanged: '' }[d.status]}</span>
              </h3>
              <p className="diff-text">
                {d.parts.map((p, j) => (p.added ? <ins key={j}>{p.text}</ins> : p.removed ? <del key={j}>{p.text}</del> : <span key={j}>{p.text}</span>))}
              </p>
            </section>
          ))}
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose}>
            关闭
          </button>
        </div>
      </Modal>
  )
}

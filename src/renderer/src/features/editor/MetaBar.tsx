import { memo } from 'react'
import { REPORT_KINDS, REPORT_KIND_LABELS, type ReportKind, type ReportMeta } from '@shared/doc/model'

/** The report's metadata beside its title: kind, period, unit, author, date. */
function MetaBarView({ meta, readOnly, onChange }: { meta: ReportMeta; readOnly: boolean; onChange: (m: ReportMeta) => void }) {
  const field = (key: 'period' | 'unit' | 'author' | 'date', label: string, placeholder: string) => (
    <label className="meta-field">
      <span>{label}</span>
      <input value={meta[key]} placeholder={placeholder} readOnly={readOnly} onChange={(e) => onChange({ ...meta, [key]: e.target.value })} />
    </label>
  )
  return (
    <div className="meta-bar" aria-label="总结信息">
      <label className="meta-field">
        <span>类型</span>
        <select value={meta.kind} disabled={readOnly} onChange={(e) => onChange({ ...meta, kind: e.target.value as ReportKind })}>
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {REPORT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {field('period', '期间', '如 2026年上半年')}
      {field('unit', '单位', '单位名称')}
      {field('author', '撰写人', '姓名')}
      {field('date', '日期', '2026年11月22日')}
    </div>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const MetaBar = memo(MetaBarView)

import { useEffect, useMemo, useState } from 'react'
import { REPORT_KIND_LABELS, emptyReport, type Report } from '@shared/doc/model'
import { fillTemplate, formatChineseDate, getBuiltInTemplate, listBuiltInTemplates, type ReportTemplate } from '@shared/templates'
import { deleteUserTemplate, listUserTemplates, loadProfile, saveProfile } from '../../db/templates'
import type { DraftSummary } from '../drafts/DraftList'
import { Modal } from '../../ui/Modal'

type Choice = { type: 'blank' } | { type: 'template'; template: ReportTemplate } | { type: 'carry'; id: string }

/**
 * How a new report starts: from a template (fields filled from the profile and the year),
 * from a past report carried forward, or blank.
 */
export function NewReportDialog({
  reports,
  onCreate,
  onCarry,
  onCancel
}: {
  reports: DraftSummary[]
  onCreate: (report: Report) => void
  onCarry: (id: string) => void
  onCancel: () => void
}) {
  const builtIn = useMemo(() => listBuiltInTemplates().map((t) => getBuiltInTemplate(t.id)!).filter(Boolean), [])
  const [own, setOwn] = useState<ReportTemplate[]>([])
  const [choice, setChoice] = useState<Choice>({ type: 'template', template: builtIn[0] })
  const year = new Date().getFullYear()
  const [fields, setFields] = useState({ unit: '', year: String(year), period: '', author: '', date: formatChineseDate(new Date()) })
  useEffect(() => {
    void listUserTemplates().then(setOwn)
    void loadProfile().then((p) => setFields((f) => ({ ...f, unit: f.unit || p.unit, author: f.author || p.author })))
  }, [])

  const create = () => {
    if (choice.type === 'carry') return onCarry(choice.id)
    if (choice.type === 'blank') return onCreate(emptyReport({ kind: 'annual', unit: fields.unit, author: fields.author }))
    void saveProfile({ unit: fields.unit.trim(), author: fields.author.trim() })
    onCreate(fillTemplate(choice.template, { unit: fields.unit.trim(), year: fields.year.trim(), period: fields.period.trim() || undefined, author: fields.author.trim(), date: fields.date.trim() }))
  }
  const field = (key: keyof typeof fields, label: string, placeholder: string) => (
    <label className="meta-field">
      <span>{label}</span>
      <input value={fields[key]} placeholder={placeholder} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
    </label>
  )
  const isTemplate = (t: ReportTemplate) => choice.type === 'template' && choice.template.id === t.id
  const pastReports = reports.filter((r) => r.title).slice(0, 40)

  return (
    <Modal label="新建总结" className="new-report" onCancel={onCancel}>
        <h2 className="modal-title">新建总结</h2>
        <div className="modal-body new-report-body">
          <div className="new-report-choices" role="radiogroup" aria-label="从哪里开始">
            <h3>模板</h3>
            {[...builtIn, ...own].map((t) => (
              <label key={t.id} className={`choice${isTemplate(t) ? ' chosen' : ''}`}>
                <input type="radio" name="start" checked={isTemplate(t)} onChange={() => setChoice({ type: 'template', template: t })} />
                <span className="choice-name">{t.name}</span>
                <span className="muted">{t.builtIn ? REPORT_KIND_LABELS[t.kind] : '我的模板'}</span>
                {!t.builtIn && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`删除模板 ${t.name}`}
                    onClick={() => void deleteUserTemplate(t.id).then(() => listUserTemplates().then(setOwn))}
                  >
                    删除
                  </button>
                )}
              </label>
            ))}
            <h3>以往的总结（结转下期）</h3>
            {pastReports.length === 0 && <p className="muted">文档库里还没有总结。</p>}
            {pastReports.map((r) => (
              <label key={r.id} className={`choice${choice.type === 'carry' && choice.id === r.id ? ' chosen' : ''}`}>
                <input type="radio" name="start" checked={choice.type === 'carry' && choice.id === r.id} onChange={() => setChoice({ type: 'carry', id: r.id })} />
                <span className="choice-name">{r.title}</span>
              </label>
            ))}
            <h3>其他</h3>
            <label className={`choice${choice.type === 'blank' ? ' chosen' : ''}`}>
              <input type="radio" name="start" checked={choice.type === 'blank'} onChange={() => setChoice({ type: 'blank' })} />
              <span className="choice-name">空白文档</span>
            </label>
          </div>
          {choice.type === 'template' && (
            <div className="new-report-fields" aria-label="模板信息">
              <p className="muted">{choice.template.description}</p>
              {field('unit', '单位名称', '如：某某县教育局')}
              {field('year', '年度', String(year))}
              {field('period', '期间', '可不填，按年度推算')}
              {field('author', '撰写人', '姓名')}
              {field('date', '日期', formatChineseDate(new Date()))}
            </div>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="primary" onClick={create}>
            创建
          </button>
        </div>
      </Modal>
  )
}

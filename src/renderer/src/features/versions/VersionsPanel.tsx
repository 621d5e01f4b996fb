import { useCallback, useEffect, useState, memo } from 'react'
import type { Report } from '@shared/doc/model'
import type { VersionReason } from '../../db/database'
import { getVersion, listVersions, type VersionInfo } from '../../db/versions'
import { CompareDialog } from './CompareDialog'
import { formatWhen } from '../../ui/format'
import { useSavedAt, type SaveStatusStore } from '../editor/saveStatusStore'

const REASONS: Record<VersionReason, string> = {
  auto: '自动保存',
  manual: '手动保存',
  finalize: '定稿',
  export: '导出',
  restore: '恢复前的内容'
}

/** A report's history: save a version with a note, compare any two (or one with the current text), restore one. */
function VersionsPanelView({
  reportId,
  current,
  readOnly,
  saveStatus,
  onSave,
  onRestore
}: {
  reportId: string
  current: Report | null
  readOnly: boolean
  /** Each save may have added an automatic version. */
  saveStatus: SaveStatusStore
  onSave: (note: string) => Promise<void>
  onRestore: (v: VersionInfo) => Promise<void>
}) {
  const [versions, setVersions] = useState<VersionInfo[]>([])
  const [note, setNote] = useState('')
  const [picked, setPicked] = useState<number[]>([])
  const [comparing, setComparing] = useState<{ older: { label: string; report: Report }; newer: { label: string; report: Report } } | null>(null)
  const reload = useCallback(async () => setVersions(await listVersions(reportId)), [reportId])
  const savedAt = useSavedAt(saveStatus)
  useEffect(() => {
    void reload()
  }, [reload, savedAt])

  const label = (v: VersionInfo) => `${formatWhen(v.createdAt)} ${REASONS[v.reason]}${v.note ? `：${v.note}` : ''}`
  const toggle = (seq: number) => setPicked((p) => (p.includes(seq) ? p.filter((x) => x !== seq) : [...p.slice(-1), seq]))
  // A version's text is read when it is compared: the list holds only what it shows.
  const compare = async () => {
    const chosen = versions.filter((v) => picked.includes(v.seq)).sort((a, b) => a.createdAt - b.createdAt)
    const texts = await Promise.all(chosen.map((v) => getVersion(v.seq)))
    const side = (i: number) => ({ label: label(chosen[i]), report: texts[i]!.report })
    if (texts.some((t) => !t)) return
    if (chosen.length === 2) setComparing({ older: side(0), newer: side(1) })
    else if (chosen.length === 1 && current) setComparing({ older: side(0), newer: { label: '当前内容', report: current } })
  }

  return (
    <section className="versions-panel" aria-label="历史版本">
      {!readOnly && (
        <form
          className="version-save"
          onSubmit={(e) => {
            e.preventDefault()
            void onSave(note.trim()).then(() => {
              setNote('')
              void reload()
            })
          }}
        >
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="版本说明（可不填）" aria-label="版本说明" maxLength={200} />
          <button type="submit">保存版本</button>
        </form>
      )}
      <div className="version-tools">
        <button type="button" disabled={picked.length === 0} onClick={() => void compare()} title="选一个版本与当前内容比较，或选两个版本互相比较">
          比较{picked.length === 2 ? '所选两个版本' : picked.length === 1 ? '与当前内容' : ''}
        </button>
      </div>
      {versions.length === 0 ? (
        <p className="muted">还没有历史版本。编辑时每 10 分钟自动保存一个版本，定稿和导出时也会保存。</p>
      ) : (
        <ul className="version-list" aria-label="版本列表">
          {versions.map((v) => (
            <li key={v.seq} className={picked.includes(v.seq) ? 'picked' : ''}>
              <label>
                <input type="checkbox" checked={picked.includes(v.seq)} onChange={() => toggle(v.seq)} aria-label={`选择 ${label(v)}`} />
                <span className="version-when">{formatWhen(v.createdAt)}</span>
                <span className={`version-reason reason-${v.reason}`}>{REASONS[v.reason]}</span>
                {v.note && <span className="version-note">{v.note}</span>}
              </label>
              {!readOnly && (
                <button type="button" onClick={() => void onRestore(v).then(reload)} title="当前内容会先保存为一个版本">
                  恢复
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {comparing && <CompareDialog older={comparing.older} newer={comparing.newer} onClose={() => setComparing(null)} />}
    </section>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const VersionsPanel = memo(VersionsPanelView)

import { useEffect, useState } from 'react'
import type { Report } from '@shared/doc/model'
import type { Share } from '@shared/office/ipc'
import { Modal } from '../../ui/Modal'
import { useDialogAction, type Notify } from '../../ui/useDialogAction'
import { officeDb } from './officeDb'
import { useOfficeStatus } from './officeStatus'
import { syncOfficeSoon } from './OfficeSync'
import { PeoplePicker, usePeople, type Picked } from './PeoplePicker'

/**
 * 共享: the owner picks colleagues or whole units, whether they may edit or only read, and
 * whether editors are limited to the sections assigned to them (the server enforces it).
 * Sharing turns the report into a shared document; the text so far goes into it.
 */
export function ShareDialog({ reportId, report, onClose, notify }: { reportId: string; report: () => Promise<Report>; onClose: () => void; notify: Notify }) {
  const status = useOfficeStatus()
  const { people, error } = usePeople()
  const [picked, setPicked] = useState<Picked>({ units: new Set(), users: new Set() })
  const [readOnly, setReadOnly] = useState(false)
  const [limited, setLimited] = useState(false)
  const { busy, run } = useDialogAction(notify, onClose)
  const [title, setTitle] = useState('')
  useEffect(() => {
    void report().then((r) => setTitle(r.meta.title), () => undefined)
    // Once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // Sharing again: start from the report's current shares.
  useEffect(() => {
    void window.api.officeSharedReports().then(({ reports }) => {
      const mine = reports.find((r) => r.id === reportId)
      if (!mine) return
      setLimited(mine.limited)
      setReadOnly(mine.shares.length > 0 && mine.shares.every((s) => s.role === 'read'))
      setPicked({ units: new Set(mine.shares.filter((s) => s.kind === 'unit').map((s) => s.principal)), users: new Set(mine.shares.filter((s) => s.kind === 'user').map((s) => s.principal)) })
    }, () => undefined)
  }, [reportId])

  const share = async () => {
    if (!status?.server || !status.user) return
    const { server, user } = status
    await run(async () => {
      const role: Share['role'] = readOnly ? 'read' : 'edit'
      const shares: Share[] = [...[...picked.units].map((principal) => ({ kind: 'unit' as const, principal, role })), ...[...picked.users].map((principal) => ({ kind: 'user' as const, principal, role }))]
      // The text as it is now (saved first) is what goes into the shared document.
      const current = (await report()).meta.title || title
      await window.api.officeShare({ reportId, title: current || '共享报告', limited, shares })
      await officeDb.links.put({ reportId, server, role: 'owner', ownerId: user.id, ownerName: user.name, limited, title: current })
      syncOfficeSoon()
      notify('success', shares.length ? `已共享给 ${shares.length} 个对象。同事打开后即可一起编辑。` : '已设为共享报告；还没有选择同事。')
    })
  }

  return (
    <Modal label="共享报告" className="share-dialog" onCancel={onClose}>
      <h2 className="modal-title">共享《{title || '未命名'}》</h2>
      <div className="modal-body">
        {error && <p className="form-error">{error}</p>}
        {!people && !error && <p className="muted">正在读取同事名单…</p>}
        {people && <PeoplePicker people={people} picked={picked} onChange={setPicked} exclude={status?.user?.id} />}
      </div>
      <label>
        <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> 只能阅读，不能修改
      </label>
      <label>
        <input type="checkbox" checked={limited} disabled={readOnly} onChange={(e) => setLimited(e.target.checked)} /> 协作者只能修改分配给自己（或本科室）的章节
      </label>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button type="button" className="primary" disabled={busy || !people} onClick={() => void share()}>
          {busy ? '正在共享…' : '共享'}
        </button>
      </div>
    </Modal>
  )
}

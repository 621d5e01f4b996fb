import { useState } from 'react'
import type { Report } from '@shared/doc/model'
import type { Audience } from '@shared/office/ipc'
import { Modal } from '../../ui/Modal'
import { useDialogAction, type Notify } from '../../ui/useDialogAction'
import { useOfficeStatus } from './officeStatus'
import { syncOfficeSoon } from './OfficeSync'
import { PeoplePicker, usePeople, type Picked } from './PeoplePicker'

/** Puts a report into the office archive, for everyone or for chosen units and colleagues. */
export async function publishReport(reportId: string, report: Report, audience: Audience): Promise<void> {
  await window.api.officePublish({ reportId, title: report.meta.title || '工作总结', report, audience })
  syncOfficeSoon()
}

export function PublishDialog({ reportId, report, onClose, notify }: { reportId: string; report: () => Promise<Report>; onClose: () => void; notify: Notify }) {
  const status = useOfficeStatus()
  const { people, error } = usePeople()
  const [everyone, setEveryone] = useState(true)
  const [picked, setPicked] = useState<Picked>({ units: new Set(), users: new Set() })
  const { busy, run } = useDialogAction(notify, onClose)

  const publish = () =>
    run(async () => {
      const audience: Audience = everyone ? { everyone: true } : { units: [...picked.units], users: [...picked.users] }
      await publishReport(reportId, await report(), audience)
      notify('success', '已发布到办公室文档库。同事的应用会收到它（只读，标为“办公室”）。')
    })

  return (
    <Modal label="发布到办公室" className="publish-dialog" onCancel={onClose}>
      <h2 className="modal-title">发布到办公室文档库</h2>
      <label>
        <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> 全体同事可见
      </label>
      {!everyone && (
        <div className="modal-body">
          {error && <p className="form-error">{error}</p>}
          {people && <PeoplePicker people={people} picked={picked} onChange={setPicked} exclude={status?.user?.id} />}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button type="button" className="primary" disabled={busy || (!everyone && picked.units.size + picked.users.size === 0)} onClick={() => void publish()}>
          {busy ? '正在发布…' : '发布'}
        </button>
      </div>
    </Modal>
  )
}

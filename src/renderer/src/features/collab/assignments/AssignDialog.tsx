import { useState } from 'react'
import { ASSIGNMENT_STATES, type Assignment, type AssignmentState } from '@shared/office/layout'
import { Modal } from '../../../ui/Modal'
import { usePeople } from '../PeoplePicker'
import type { AssignmentsController } from './controller'

/**
 * The owner gives a section to a colleague or a unit, with its state and due date; the person it
 * is given to may mark it 已写 (or back to 待写).
 */
export function AssignDialog({ sectionId, title, assignment, controller, onClose }: { sectionId: string; title: string; assignment: Assignment | undefined; controller: AssignmentsController; onClose: () => void }) {
  const owner = controller.isOwner
  const { people, error } = usePeople()
  const [who, setWho] = useState(assignment ? `${assignment.kind}:${assignment.principal}` : '')
  const [state, setState] = useState<AssignmentState>(assignment?.state ?? '待写')
  const [due, setDue] = useState(assignment?.due ?? '')
  const states = controller.statesFor(sectionId)

  const save = () => {
    if (owner) {
      if (!who) controller.assign(sectionId, null)
      else {
        const [kind, principal] = [who.slice(0, who.indexOf(':')) as Assignment['kind'], who.slice(who.indexOf(':') + 1)]
        const label = kind === 'unit' ? principal : (people?.users.find((u) => u.id === principal)?.name ?? assignment?.label ?? principal)
        controller.assign(sectionId, { kind, principal, label, state, ...(due ? { due } : {}) })
      }
    } else controller.setState(sectionId, state)
    onClose()
  }

  return (
    <Modal label="分工" className="assign-dialog" onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <h2 className="modal-title">分工：{title || '（无标题）'}</h2>
        {owner && (
          <label className="meta-field">
            <span>负责</span>
            <select value={who} onChange={(e) => setWho(e.target.value)} aria-label="负责人或科室">
              <option value="">（不分配）</option>
              {people?.units.map((unit) => (
                <optgroup key={unit} label={unit}>
                  <option value={`unit:${unit}`}>{unit}（全科室）</option>
                  {people.users
                    .filter((u) => u.unit === unit)
                    .map((u) => (
                      <option key={u.id} value={`user:${u.id}`}>
                        {u.name}
                      </option>
                    ))}
                </optgroup>
              ))}
              {!people && assignment && <option value={`${assignment.kind}:${assignment.principal}`}>{assignment.label ?? assignment.principal}</option>}
            </select>
          </label>
        )}
        {error && <p className="form-error">{error}</p>}
        <fieldset className="assign-states">
          <legend>进度</legend>
          {ASSIGNMENT_STATES.map((s) => (
            <label key={s}>
              <input type="radio" name="state" value={s} checked={state === s} disabled={!states.includes(s)} onChange={() => setState(s)} /> {s}
            </label>
          ))}
        </fieldset>
        {owner && (
          <label className="meta-field">
            <span>完成期限</span>
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-label="完成期限" />
          </label>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" className="primary">
            确定
          </button>
        </div>
      </form>
    </Modal>
  )
}

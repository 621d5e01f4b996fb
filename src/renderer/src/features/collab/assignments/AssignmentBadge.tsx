import { useState } from 'react'
import type { Assignment } from '@shared/office/layout'
import { AssignDialog } from './AssignDialog'
import type { AssignmentsController } from './controller'

const shortDate = (due: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due)
  return m ? `${Number(m[2])}月${Number(m[3])}日` : due
}

export function isOverdue(a: Assignment, today = new Date()): boolean {
  return !!a.due && a.state === '待写' && a.due < today.toISOString().slice(0, 10)
}

/** In an outline row: who writes the section, its state and due date; click to assign or mark it. */
export function AssignmentBadge({ sectionId, title, assignment, controller }: { sectionId: string; title: string; assignment: Assignment | undefined; controller: AssignmentsController }) {
  const [open, setOpen] = useState(false)
  const canChange = controller.isOwner || controller.statesFor(sectionId).length > 0
  if (!assignment && !controller.isOwner) return null
  const label = assignment ? `${assignment.label ?? assignment.principal} · ${assignment.state}${assignment.due ? ` · ${shortDate(assignment.due)}` : ''}` : '分配'
  return (
    <span className={assignment ? 'assignment-line' : 'assignment-slot'}>
      <button
        type="button"
        tabIndex={-1}
        className={`assignment-badge${assignment ? ` state-${assignment.state}` : ' unassigned'}${assignment && isOverdue(assignment) ? ' overdue' : ''}${controller.mine(sectionId) ? ' mine' : ''}`}
        title={assignment ? `${assignment.label ?? assignment.principal} 负责，${assignment.state}${assignment.due ? `，${assignment.due} 前完成` : ''}` : '把这一部分分配给同事或科室'}
        aria-label={assignment ? `分工：${label}` : `分配“${title}”`}
        disabled={!canChange}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && <AssignDialog sectionId={sectionId} title={title} assignment={assignment} controller={controller} onClose={() => setOpen(false)} />}
    </span>
  )
}

import type * as Y from 'yjs'
import { ASSIGNMENTS, type Assignment, type AssignmentState } from '@shared/office/layout'
import type { CollabSession } from '../session'

export type Assignments = Record<string, Assignment>

/**
 * Who writes which section of a shared report, and how far it is (待写 / 已写 / 已审), with a
 * due date: the document's `assignments` map, keyed by section id. The owner assigns; the
 * colleague (or unit) a section is given to may mark it 待写 or 已写; the server checks both.
 */
export class AssignmentsController {
  readonly map: Y.Map<Assignment>
  private snapshot: Assignments = {}
  private readonly listeners = new Set<() => void>()

  constructor(private readonly session: CollabSession) {
    this.map = session.doc.getMap<Assignment>(ASSIGNMENTS)
    this.read()
    this.map.observe(() => {
      this.read()
      this.listeners.forEach((l) => l())
    })
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): Assignments => this.snapshot

  get isOwner(): boolean {
    return this.session.link.role === 'owner'
  }

  /** Whether this desk's clerk (or their unit) writes the section. */
  mine(sectionId: string): boolean {
    const a = this.snapshot[sectionId]
    const { user } = this.session
    return !!a && (a.kind === 'user' ? a.principal === user.id : a.principal === user.unit)
  }

  /** States this clerk may set on the section. */
  statesFor(sectionId: string): AssignmentState[] {
    if (this.isOwner) return ['待写', '已写', '已审']
    const a = this.snapshot[sectionId]
    return a && this.mine(sectionId) && a.state !== '已审' ? ['待写', '已写'] : []
  }

  assign(sectionId: string, assignment: Assignment | null): void {
    if (assignment) this.map.set(sectionId, JSON.parse(JSON.stringify(assignment)) as Assignment)
    else this.map.delete(sectionId)
  }

  setState(sectionId: string, state: AssignmentState): void {
    const a = this.snapshot[sectionId]
    if (a && a.state !== state) this.map.set(sectionId, { ...a, state })
  }

  private read(): void {
    const next: Assignments = {}
    for (const [key, value] of this.map.entries()) if (value && typeof value === 'object') next[key] = value
    this.snapshot = next
  }
}

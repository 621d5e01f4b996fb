import * as Y from 'yjs'
import { ASSIGNMENTS, COMMENTS, META, type Assignment } from '../../shared/office/layout'
import { blockAttributes, idOf, readBlocks, ROOT, signature, topBlockOf, type BlockInfo } from './blocks'

export { ASSIGNMENTS, COMMENTS, ASSIGNMENT_STATES, type Assignment, type AssignmentState } from '../../shared/office/layout'

export interface Writer {
  userId: string
  unit: string
  owner: boolean
  /** Limited to the sections assigned to them or their unit. */
  limited: boolean
}

/** Closes the writer's connection to this report; the app then drops the refused change. */
export class Refusal extends Error {
  readonly code = 4403
  constructor(readonly reason: string) {
    super(reason)
  }
}

/**
 * Checks an update from someone other than the owner before it is applied: top-level types
 * other than the text, the comments, the assignments and the metadata are refused (the
 * metadata is the owner's and unlimited writers' only); assignments change only
 * by the owner (a collaborator may mark their own section 待写/已写); and a collaborator limited
 * to their sections may touch no block outside them, nor change the shape of the sections
 * they were given. The update is tried on a shadow copy that follows the real document.
 */
export class SectionGuard {
  private shadow: Y.Doc | null = null
  private readonly follow = (update: Uint8Array) => {
    if (this.shadow) Y.applyUpdate(this.shadow, update)
  }

  constructor(private readonly doc: Y.Doc) {
    typeRoots(doc)
    doc.on('update', this.follow)
  }

  dispose(): void {
    this.doc.off('update', this.follow)
    this.shadow?.destroy()
    this.shadow = null
  }

  check(update: Uint8Array, writer: Writer): void {
    if (writer.owner) return
    const shadow = this.ensureShadow()
    const changed = new Set<Y.AbstractType<unknown>>()
    const collect = (tr: Y.Transaction) => {
      for (const type of tr.changed.keys()) changed.add(type as Y.AbstractType<unknown>)
    }
    shadow.on('afterTransaction', collect)
    try {
      Y.applyUpdate(shadow, update)
    } finally {
      shadow.off('afterTransaction', collect)
    }
    try {
      if (shadow.store.pendingStructs || shadow.store.pendingDs) throw new Refusal('incomplete-update')
      const names = new Set([...changed].map((type) => rootNameOf(type)))
      for (const name of names) {
        if (name === COMMENTS) continue
        if (name === ASSIGNMENTS) this.checkAssignments(shadow, writer)
        else if (name === META) {
          // The report's kind, period, unit…: not part of anyone's section.
          if (writer.limited) throw new Refusal('section-locked')
        } else if (name === ROOT) {
          if (writer.limited) this.checkSections(shadow, changed, writer)
        } else throw new Refusal('unknown-content')
      }
    } catch (error) {
      // The shadow now holds the refused change: start again from the real document next time.
      shadow.destroy()
      this.shadow = null
      throw error
    }
  }

  private ensureShadow(): Y.Doc {
    if (!this.shadow) {
      this.shadow = new Y.Doc({ gc: this.doc.gc })
      // Typed before anything arrives: a root type first met in an update is a placeholder that
      // a later get() replaces with a new object, which the changed-types list would not know.
      typeRoots(this.shadow)
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc))
    }
    return this.shadow
  }

  private checkAssignments(shadow: Y.Doc, writer: Writer): void {
    const before = this.doc.getMap(ASSIGNMENTS).toJSON() as Record<string, Assignment>
    const after = shadow.getMap(ASSIGNMENTS).toJSON() as Record<string, Assignment>
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const b = before[key]
      const a = after[key]
      if (JSON.stringify(b) === JSON.stringify(a)) continue
      const ownStateOnly =
        b && a && assignedTo(b, writer) && b.state !== '已审' && (a.state === '待写' || a.state === '已写') && JSON.stringify({ ...b, state: a.state }) === JSON.stringify(a)
      if (!ownStateOnly) throw new Refusal('assignments-owner-only')
    }
  }

  private checkSections(shadow: Y.Doc, changed: Set<Y.AbstractType<unknown>>, writer: Writer): void {
    const assignments = this.doc.getMap(ASSIGNMENTS).toJSON() as Record<string, Assignment>
    const mine = (sectionId: string) => !!assignments[sectionId] && assignedTo(assignments[sectionId], writer)
    const permitted = (info: BlockInfo, structural: boolean) => {
      // A heading's own section counts for its text, not for its level, id or existence.
      const chain = structural && info.sectionId !== undefined ? info.chain.slice(0, -1) : info.chain
      return chain.some(mine)
    }
    const before = byId(readBlocks(this.doc))
    const afterList = readBlocks(shadow)
    const after = byId(afterList)
    const shadowRoot = shadow.get(ROOT, Y.XmlText) as Y.XmlText
    const touched = new Set<string>()
    for (const type of changed) {
      if (type === shadowRoot) {
        for (const id of before.keys()) if (!after.has(id)) touched.add(id)
        for (const id of after.keys()) if (!before.has(id)) touched.add(id)
      } else {
        const block = topBlockOf(type, shadowRoot)
        if (block) touched.add(idOf(block))
      }
    }
    for (const id of touched) {
      const b = before.get(id)
      const a = after.get(id)
      if (b && !a) {
        if (!permitted(b, true)) throw new Refusal('section-locked')
      } else if (!b && a) {
        if (!permitted(a, a.sectionId !== undefined)) throw new Refusal('section-locked')
        if (a.sectionId !== undefined && afterList.filter((x) => x.sectionId === a.sectionId).length > 1) throw new Refusal('section-locked')
      } else if (b && a) {
        if (signature(b.type) === signature(a.type)) continue
        const structural = b.sectionId !== undefined && JSON.stringify(blockAttributes(b.type)) !== JSON.stringify(blockAttributes(a.type))
        if (!permitted(b, structural) || !permitted(a, structural)) throw new Refusal('section-locked')
      }
    }
  }
}

export function assignedTo(assignment: Assignment, writer: Pick<Writer, 'userId' | 'unit'>): boolean {
  return assignment.kind === 'user' ? assignment.principal === writer.userId : assignment.principal === writer.unit
}

function typeRoots(doc: Y.Doc): void {
  doc.get(ROOT, Y.XmlText)
  doc.getMap(ASSIGNMENTS)
  doc.getMap(COMMENTS)
  doc.getMap(META)
}

function byId(blocks: BlockInfo[]): Map<string, BlockInfo> {
  return new Map(blocks.map((b) => [b.id, b]))
}

function rootNameOf(type: Y.AbstractType<unknown>): string {
  let current = type
  while (current._item) current = current._item.parent as Y.AbstractType<unknown>
  return current.doc ? Y.findRootTypeKey(current) : ''
}

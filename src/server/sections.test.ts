import { randomUUID } from 'node:crypto'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ASSIGNMENTS, type Assignment } from './guard/sections'
import { connectPeer, loadInto, type Peer } from './testing/lexicalPeer'
import { addMember, shareReport, startOffice, ticketsFor, type Member, type Office } from './testing/office'
import { waitFor } from './testing/services'
import { sampleReport, typeAtEnd } from './testing/typing'

describe('a collaborator limited to their sections', () => {
  let office: Office
  let owner: Member
  let writer: Member
  let finance: Member
  let a: Peer
  const reportId = randomUUID()
  const peers: Peer[] = []
  const open = (member: Member) => {
    const peer = connectPeer({ url: office.ws, reportId, ticket: ticketsFor(office, member) })
    peers.push(peer)
    return peer
  }
  const sectionIds = () => a.report().sections.map((s) => s.id)

  beforeAll(async () => {
    office = await startOffice()
    owner = await addMember(office, '王主任', '办公室')
    writer = await addMember(office, '刘干事', '教育股')
    finance = await addMember(office, '陈会计', '财务科')
    await shareReport(
      office,
      owner,
      reportId,
      [
        { kind: 'user', principal: writer.id, role: 'edit' },
        { kind: 'unit', principal: '财务科', role: 'edit' }
      ],
      true
    )
    a = open(owner)
    await a.synced
    loadInto(a, sampleReport())
    const [first, second] = sectionIds()
    const assignments = a.doc.getMap<Assignment>(ASSIGNMENTS)
    assignments.set(first, { kind: 'user', principal: writer.id, label: '刘干事', state: '待写', due: '2026-12-20' })
    assignments.set(second, { kind: 'unit', principal: '财务科', label: '财务科', state: '待写' })
    await waitFor(() => a.saved(), 10_000)
  })
  afterAll(async () => {
    peers.forEach((p) => p.destroy())
    await office?.stop()
  })

  it('writes in the section assigned to them, and to their unit', async () => {
    const b = open(writer)
    const c = open(finance)
    await Promise.all([b.synced, c.synced])
    await waitFor(() => b.text() === a.text() && c.text() === a.text())
    typeAtEnd(b, '全年新建', '另有改扩建5所。')
    typeAtEnd(c, '城乡差距', '经费保障仍需加强。')
    await waitFor(() => a.text().includes('另有改扩建5所。') && a.text().includes('经费保障仍需加强。'))
    expect(b.refusals).toEqual([])
    expect(c.refusals).toEqual([])
  })

  it('cannot change another section: the server refuses, and nobody, not even a later reader, sees the change', async () => {
    const b = open(writer)
    await b.synced
    await waitFor(() => b.text() === a.text())
    typeAtEnd(b, '继续推进', '（越权改动）')
    await waitFor(() => b.refusals.includes('close:section-locked'))
    b.destroy()
    await new Promise((r) => setTimeout(r, 300))
    expect(a.text()).not.toContain('越权改动')
    const later = open(owner)
    await later.synced
    expect(later.text()).toBe(a.text())
    expect(later.text()).not.toContain('越权改动')
  })

  it('cannot delete a section or the heading of their own, nor add blocks before the first section', async () => {
    for (const change of [
      () => $getRoot().getChildren().find((n) => n.getTextContent() === '存在的问题')!.remove(),
      () => $getRoot().getChildren().find((n) => n.getTextContent() === '工作完成情况')!.remove(),
      () => $getRoot().getChildren()[1].insertAfter($createParagraphNode().append($createTextNode('插在第一部分之前。'))),
      () => $getRoot().getChildren()[1].remove()
    ]) {
      const b = open(writer)
      await b.synced
      await waitFor(() => b.text() === a.text())
      b.update(change)
      await waitFor(() => b.refusals.includes('close:section-locked'), 5000, () => `not refused: ${b.refusals} ${String(change)}\n${a.text()}`)
      b.destroy()
    }
    const later = open(owner)
    await later.synced
    expect(later.report().sections.map((s) => s.title)).toEqual(['工作完成情况', '存在的问题', '下一步工作打算'])
    expect(later.report().preamble).toHaveLength(1)
  })

  it('may mark their own section 已写 but not assign sections or mark it 已审', async () => {
    const [first, , third] = sectionIds()
    const b = open(writer)
    await b.synced
    await waitFor(() => b.doc.getMap(ASSIGNMENTS).size === 2)
    const mine = b.doc.getMap<Assignment>(ASSIGNMENTS).get(first)!
    b.doc.getMap<Assignment>(ASSIGNMENTS).set(first, { ...mine, state: '已写' })
    await waitFor(() => a.doc.getMap<Assignment>(ASSIGNMENTS).get(first)?.state === '已写')
    b.doc.getMap<Assignment>(ASSIGNMENTS).set(third, { kind: 'user', principal: writer.id, state: '待写' })
    await waitFor(() => b.refusals.includes('close:assignments-owner-only'))
    b.destroy()
    const c = open(writer)
    await c.synced
    c.doc.getMap<Assignment>(ASSIGNMENTS).set(first, { ...mine, state: '已审' })
    await waitFor(() => c.refusals.includes('close:assignments-owner-only'))
    c.destroy()
    await new Promise((r) => setTimeout(r, 200))
    expect(a.doc.getMap(ASSIGNMENTS).has(third)).toBe(false)
    expect(a.doc.getMap<Assignment>(ASSIGNMENTS).get(first)?.state).toBe('已写')
  })

  it('may not write content the app does not know', async () => {
    const b = open(writer)
    await b.synced
    b.doc.getMap('anything-else').set('x', 1)
    await waitFor(() => b.refusals.includes('close:unknown-content'))
  })

  it('may not change the metadata of the report (kind, period, unit…), which is no section of theirs', async () => {
    const b = open(writer)
    await b.synced
    b.doc.getMap('meta').set('period', '2027年')
    await waitFor(() => b.refusals.includes('close:section-locked'))
    expect(a.doc.getMap('meta').get('period')).toBeUndefined()
  })

  it('the owner changes anything', async () => {
    typeAtEnd(a, '继续推进', '（主任补充）')
    const later = open(owner)
    await later.synced
    await waitFor(() => later.text().includes('（主任补充）'))
  })
})

/**
 * The convergence scenarios every storage runs (SQLite, PostgreSQL, two instances behind Redis):
 * each takes where the two clerks connect, so the Redis run puts them on different instances.
 */
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { connectPeer, loadInto, type Peer } from './lexicalPeer'
import { addMember, shareReport, ticketsFor, type Member, type Office } from './office'
import { waitFor } from './services'
import { containsInOrder, converged, sampleReport, typeSlowly } from './typing'

export interface Pair {
  owner: Member
  colleague: Member
  reportId: string
  a: Peer
  b: Peer
  close(): void
}

/** The owner shares a report with a colleague; each opens it on their own server. */
export async function openPair(officeA: Office, officeB: Office, tag: string): Promise<Pair> {
  const owner = await addMember(officeA, `甲${tag}`, '办公室')
  const colleague = await addMember(officeA, `乙${tag}`, '教育股')
  const reportId = randomUUID()
  await shareReport(officeA, owner, reportId, [{ kind: 'user', principal: colleague.id, role: 'edit' }])
  const a = connectPeer({ url: officeA.ws, reportId, ticket: ticketsFor(officeA, owner) })
  await a.synced
  loadInto(a, sampleReport())
  await waitFor(() => a.saved(), 10_000)
  const b = connectPeer({ url: officeB.ws, reportId, ticket: ticketsFor(officeB, colleague) })
  await b.synced
  await waitFor(() => b.text() === a.text(), 10_000)
  return { owner, colleague, reportId, a, b, close: () => [a, b].forEach((p) => p.destroy()) }
}

export async function typingAtOnce(pair: Pair): Promise<void> {
  const { a, b } = pair
  const inA = '甲方补充内容一二三四五'
  const inB = '乙方补充内容六七八九十'
  const sameA = 'AAAAAaaaaa'
  const sameB = 'BBBBBbbbbb'
  await Promise.all([
    typeSlowly(a, '全年新建', inA),
    typeSlowly(b, '城乡差距', inB),
    typeSlowly(a, '继续推进', sameA, 3),
    typeSlowly(b, '继续推进', sameB, 3)
  ])
  const text = await converged([a, b])
  expect(a.report()).toEqual(b.report())
  for (const typed of [inA, inB, sameA, sameB]) expect(containsInOrder(text, typed), typed).toBe(true)
  expect(text).toContain('全年新建幼儿园3所。' + inA)
  expect(text).toContain('城乡差距仍然存在。' + inB)
}

export async function offlineThenBack(pair: Pair): Promise<void> {
  const { a, b } = pair
  b.socket.disconnect()
  await waitFor(() => b.provider.isSynced === false || b.socket.status !== 'connected', 5000)
  await typeSlowly(a, '全年新建', '（在线补充）', 1)
  await typeSlowly(b, '全年新建', '（离线补充）', 1)
  await typeSlowly(b, '城乡差距', '（离线修改）', 1)
  expect(a.text()).not.toContain('离线')
  await b.socket.connect()
  const text = await converged([a, b])
  for (const typed of ['（在线补充）', '（离线补充）', '（离线修改）']) expect(containsInOrder(text, typed), typed).toBe(true)
}

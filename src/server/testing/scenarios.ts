/**
 * The convergence scenarios every storage runs (SQLite, PostgreSQL, two instances behind Redis):
 * each takes where the two clerks connect, so the Redis run puts them on different instances.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { connectPeer, loadInto, type Peer } from './lexicalPeer'
import { addMember, api, shareReport, startOffice, ticketsFor, type Member, type Office } from './office'
import { killHard, spawnServer } from './process'
import { freePort, waitFor } from './services'
import { containsInOrder, converged, sampleReport, typeAtEnd, typeSlowly } from './typing'

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

const firstSectionText = (peer: Peer) =>
  peer
    .report()
    .sections[0].blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''))
    .join('')

/**
 * The server runs as its own process; a clerk types for 1.5 s, noting the text each time the
 * server has acknowledged everything; the process is SIGKILLed mid-typing and started again on
 * the same data, and a desk with no local copy must see at least the last acknowledged text.
 */
export async function serverKilledMidTyping(options: { databaseUrl?: string }): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zongjie-kill-'))
  const port = await freePort()
  const office = { http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}` }
  const setup = await startOffice({ dataDir, databaseUrl: options.databaseUrl })
  const owner = await addMember(setup, `王主任${port}`, '办公室')
  await setup.stop()
  let server = await spawnServer({ dataDir, port, databaseUrl: options.databaseUrl })
  try {
    const login = await api<{ token: string }>(office.http, '/api/login', { body: { name: owner.name, password: owner.password } })
    const member = { ...owner, token: login.body.token }
    const reportId = randomUUID()
    await shareReport(office, member, reportId, [])
    const a = connectPeer({ url: office.ws, reportId, ticket: ticketsFor(office, member) })
    await a.synced
    loadInto(a, sampleReport())
    await waitFor(() => a.saved())
    let acknowledged = firstSectionText(a)
    const killAt = Date.now() + 1500
    for (let i = 0; Date.now() < killAt; i++) {
      typeAtEnd(a, '全年新建', String(i % 10))
      await new Promise((r) => setTimeout(r, 8))
      if (a.saved()) acknowledged = firstSectionText(a)
    }
    await killHard(server)
    a.destroy()
    expect(acknowledged.length).toBeGreaterThan('全年新建幼儿园3所。'.length + 20)

    server = await spawnServer({ dataDir, port, databaseUrl: options.databaseUrl })
    const fresh = connectPeer({ url: office.ws, reportId, ticket: ticketsFor(office, member) })
    await fresh.synced
    const restored = firstSectionText(fresh)
    fresh.destroy()
    expect(restored.startsWith(acknowledged)).toBe(true)
  } finally {
    await killHard(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tokenHash } from './passwords'
import { connectPeer, loadInto, type Peer } from './testing/lexicalPeer'
import { addMember, api, shareReport, startOffice, ticketsFor, type Member, type Office } from './testing/office'
import { waitFor } from './testing/services'
import { sampleReport, typeAtEnd } from './testing/typing'

/** What a peer that asks for a report is told: the refusal, or that it synced. */
async function outcome(peer: Peer): Promise<string> {
  await Promise.race([peer.synced, waitFor(() => peer.refusals.length > 0, 10_000)])
  return peer.refusals[0] ?? 'synced'
}

describe('who may sign in and open what', () => {
  let office: Office
  let owner: Member
  let colleague: Member
  let stranger: Member
  const reportId = randomUUID()
  const peers: Peer[] = []
  const open = (member: Pick<Member, 'token'>, id = reportId, ticket?: () => Promise<string>) => {
    const peer = connectPeer({ url: office.ws, reportId: id, ticket: ticket ?? ticketsFor(office, member) })
    peers.push(peer)
    return peer
  }

  beforeAll(async () => {
    office = await startOffice()
    owner = await addMember(office, '王主任', '办公室')
    colleague = await addMember(office, '李会计', '财务科')
    stranger = await addMember(office, '赵老师', '教研室')
    await shareReport(office, owner, reportId, [{ kind: 'unit', principal: '财务科', role: 'edit' }])
    const a = open(owner)
    await a.synced
    loadInto(a, sampleReport())
    await waitFor(() => a.saved(), 10_000)
  })
  afterAll(async () => {
    peers.forEach((p) => p.destroy())
    await office?.stop()
  })

  it('a wrong password and an unknown name get the same answer; the one-time password works once, with a new password', async () => {
    const wrong = await api(office.http, '/api/login', { body: { name: '王主任', password: 'not-it-at-all' } })
    const unknown = await api(office.http, '/api/login', { body: { name: '无此人', password: 'not-it-at-all' } })
    expect(wrong.status).toBe(401)
    expect(unknown).toEqual(wrong)
    const right = await api(office.http, '/api/login', { body: { name: '王主任', password: owner.password } })
    expect(right.status).toBe(200)
    expect(JSON.stringify(right.body)).not.toContain(owner.password)
  })

  it('only hashes of passwords, sessions and tickets are stored', async () => {
    const users = await office.server.storage.sql.all<{ password_hash: string }>('SELECT password_hash FROM users')
    for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$/)
    const sessions = await office.server.storage.sql.all<{ token_hash: string }>('SELECT token_hash FROM sessions')
    expect(sessions.map((s) => s.token_hash)).toContain(tokenHash(owner.token))
    expect(sessions.map((s) => s.token_hash)).not.toContain(owner.token)
  })

  it('a member of a unit the report is shared with opens it; an uninvited one is refused exactly as for a report that does not exist', async () => {
    expect(await outcome(open(colleague))).toBe('synced')
    const uninvited = await outcome(open(stranger))
    const missing = await outcome(open(stranger, randomUUID()))
    const badTicket = await outcome(open(stranger, reportId, async () => 'made-up-ticket'))
    expect(uninvited).toBe('auth:permission-denied')
    expect(missing).toBe(uninvited)
    expect(badTicket).toBe(uninvited)
    expect(peers[peers.length - 3].text()).toBe('')
  })

  it('an expired session gets no ticket, and an expired or used ticket opens nothing', async () => {
    const member = await addMember(office, '孙科长', '财务科')
    await office.server.storage.sql.run('UPDATE sessions SET expires_at = 0 WHERE token_hash = ?', [tokenHash(member.token)])
    const ticket = await api(office.http, '/api/ticket', { method: 'POST', token: member.token })
    expect(ticket.status).toBe(401)

    const fresh = await api<{ ticket: string }>(office.http, '/api/ticket', { method: 'POST', token: colleague.token })
    await office.server.storage.sql.run('UPDATE tickets SET expires_at = 0')
    expect(await outcome(open(colleague, reportId, async () => fresh.body.ticket))).toBe('auth:permission-denied')

    const once = await api<{ ticket: string }>(office.http, '/api/ticket', { method: 'POST', token: colleague.token })
    expect(await outcome(open(colleague, reportId, async () => once.body.ticket))).toBe('synced')
    expect(await outcome(open(colleague, reportId, async () => once.body.ticket))).toBe('auth:permission-denied')
  })

  it('a read-only member sees the report but the server keeps none of their changes', async () => {
    const id = randomUUID()
    await shareReport(office, owner, id, [{ kind: 'user', principal: stranger.id, role: 'read' }])
    const a = open(owner, id)
    await a.synced
    loadInto(a, sampleReport())
    await waitFor(() => a.saved())
    const reader = open(stranger, id)
    await reader.synced
    await waitFor(() => reader.text() === a.text())
    typeAtEnd(reader, '全年新建', '（读者改动）')
    await new Promise((r) => setTimeout(r, 500))
    expect(a.text()).not.toContain('读者改动')
    const later = open(owner, id)
    await later.synced
    expect(later.text()).toBe(a.text())
  })

  it('the HTTP API refuses without a session and lists only what is shared with the member', async () => {
    expect((await api(office.http, '/api/reports')).status).toBe(401)
    const theirs = await api<{ reports: { id: string }[] }>(office.http, '/api/reports', { token: colleague.token })
    expect(theirs.body.reports.map((r) => r.id)).toContain(reportId)
    const strangers = await api<{ reports: { id: string }[] }>(office.http, '/api/reports', { token: stranger.token })
    expect(strangers.body.reports.map((r) => r.id)).not.toContain(reportId)
    const takeover = await api(office.http, `/api/reports/${reportId}`, { method: 'PUT', token: stranger.token, body: { title: 'x', limited: false, shares: [] } })
    expect(takeover.status).toBe(403)
  })

  it('the office archive: a published report reaches the units it was published to, and nobody else', async () => {
    const published = { meta: { title: '2026年财务工作总结' }, preamble: [], sections: [], attachments: [], signature: null }
    const put = await api(office.http, '/api/archive/finance-2026-summary', { method: 'PUT', token: owner.token, body: { title: '2026年财务工作总结', report: published, audience: { units: ['财务科'] } } })
    expect(put.status).toBe(200)
    const theirs = await api<{ items: { reportId: string; publisher: string; report: unknown }[]; cursor: number }>(office.http, '/api/archive?since=0', { token: colleague.token })
    expect(theirs.body.items.map((i) => i.reportId)).toEqual(['finance-2026-summary'])
    expect(theirs.body.items[0].publisher).toBe('王主任')
    expect(theirs.body.items[0].report).toEqual(published)
    const again = await api<{ items: unknown[] }>(office.http, `/api/archive?since=${theirs.body.cursor}`, { token: colleague.token })
    expect(again.body.items).toEqual([])
    const strangers = await api<{ items: unknown[] }>(office.http, '/api/archive?since=0', { token: stranger.token })
    expect(strangers.body.items).toEqual([])
    const hijack = await api(office.http, '/api/archive/finance-2026-summary', { method: 'PUT', token: stranger.token, body: { title: 'x', report: {}, audience: { everyone: true } } })
    expect(hijack.status).toBe(403)
    const shared = await api(office.http, `/api/archive/${reportId}`, { method: 'PUT', token: colleague.token, body: { title: 'x', report: {}, audience: { everyone: true } } })
    expect(shared.status).toBe(403)
  })
})

import { statSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '../../../shared/doc/model'
import { Accounts } from '../../../server/accounts'
import { startOffice, type Office } from '../../../server/testing/office'
import { OfficeClient } from './client'

/** A desk's main process: its own data folder, its own client, the server changes it was told of. */
function desk() {
  const dataDir = mkdtempSync(join(tmpdir(), 'zongjie-desk-'))
  const changes: (string | null)[] = []
  const client = new OfficeClient({ dataDir, onServerChanged: (ws) => void changes.push(ws) })
  return { dataDir, client, changes, remove: () => rmSync(dataDir, { recursive: true, force: true }) }
}

describe('main signs in to the office server and keeps the token to itself', () => {
  let office: Office
  let oneTime: string
  let colleagueOneTime: string
  const desks: ReturnType<typeof desk>[] = []
  beforeAll(async () => {
    office = await startOffice()
    const accounts = new Accounts(office.server.storage.sql)
    oneTime = (await accounts.add('王主任', '办公室')).password
    colleagueOneTime = (await accounts.add('李干事', '教育股')).password
  })
  afterAll(async () => {
    desks.forEach((d) => d.remove())
    await office?.stop()
  })

  it('the first sign-in with the one-time password asks for a new one; the token is in a private file, never in the config or the answer', async () => {
    const d = desk()
    desks.push(d)
    const address = office.http.replace('http://', '')
    expect(await d.client.signIn({ server: address, name: '王主任', password: oneTime })).toEqual({ status: 'must-change-password' })
    await expect(d.client.signIn({ server: address, name: '王主任', password: oneTime, newPassword: 'short' })).rejects.toThrow(/至少 8 位/)
    const result = await d.client.signIn({ server: address, name: '王主任', password: oneTime, newPassword: '王主任的新密码2026' })
    expect(result.status).toBe('signed-in')
    if (result.status !== 'signed-in') return
    expect(result.reload).toBe(true)
    expect(result.office).toMatchObject({ server: office.http, ws: office.ws, signedIn: true, user: { name: '王主任', unit: '办公室' }, secretStorage: 'file' })
    expect(d.changes).toEqual([office.ws])
    const token = readFileSync(join(d.dataDir, 'office-session'), 'utf8')
    expect(token.length).toBeGreaterThan(20)
    expect(statSync(join(d.dataDir, 'office-session')).mode & 0o077).toBe(0)
    expect(readFileSync(join(d.dataDir, 'office.json'), 'utf8')).not.toContain(token)
    expect(JSON.stringify(result)).not.toContain(token)
    // The same server again: nothing for the page to reload.
    const again = await d.client.signIn({ server: office.http, name: '王主任', password: '王主任的新密码2026' })
    expect(again.status === 'signed-in' && again.reload).toBe(false)
    // The one-time password is spent.
    await expect(d.client.signIn({ server: office.http, name: '王主任', password: oneTime })).rejects.toThrow('用户名或密码不正确')
  })

  it('tickets are single-use and differ each time; a rejected session is forgotten and the clerk told to sign in again', async () => {
    const d = desks[0]
    const [a, b] = [await d.client.ticket(), await d.client.ticket()]
    expect(a.ticket).not.toBe(b.ticket)
    const other = desk()
    desks.push(other)
    writeFileSync(join(other.dataDir, 'office.json'), readFileSync(join(d.dataDir, 'office.json')))
    writeFileSync(join(other.dataDir, 'office-session'), 'a-token-the-server-never-issued')
    await expect(other.client.ticket()).rejects.toThrow('登录已失效')
    expect((await other.client.status()).signedIn).toBe(false)
    await expect(other.client.ticket()).rejects.toThrow('尚未登录')
  })

  it('shares, the list of shared reports, publishing and the archive feed', async () => {
    const owner = desks[0]
    const colleague = desk()
    desks.push(colleague)
    await colleague.client.signIn({ server: office.http, name: '李干事', password: colleagueOneTime, newPassword: '李干事的密码2026' })
    const people = await owner.client.people()
    expect(people.units).toEqual(['办公室', '教育股'])
    const li = people.users.find((u) => u.name === '李干事')!
    await owner.client.share('report-shared-1', '2026年工作总结', true, [{ kind: 'user', principal: li.id, role: 'edit' }])
    const seen = await colleague.client.sharedReports()
    expect(seen.reports).toMatchObject([{ id: 'report-shared-1', title: '2026年工作总结', ownerName: '王主任', role: 'edit', limited: true }])
    await expect(colleague.client.share('report-shared-1', '改名', false, [])).rejects.toThrow('没有权限')

    const report = emptyReport({ title: '2025年工作总结', kind: 'annual' })
    report.sections = [section(1, '主要工作', [paragraph('全年新建幼儿园3所。')])]
    await owner.client.publish('report-published-1', report.meta.title, report, { units: ['教育股'] })
    const feed = await colleague.client.archive(0)
    expect(feed.items.map((i) => [i.reportId, i.title, i.publisher])).toEqual([['report-published-1', '2025年工作总结', '王主任']])
    expect(feed.items[0].report).toEqual(report)
    expect((await colleague.client.archive(feed.cursor)).items).toEqual([])
  })

  it('a wrong address or an unreachable server is a clear sentence', async () => {
    const d = desk()
    desks.push(d)
    await expect(d.client.signIn({ server: 'ftp://x', name: 'a', password: 'b' })).rejects.toThrow('服务器地址无效')
    await expect(d.client.signIn({ server: '127.0.0.1:1', name: 'a', password: 'b' })).rejects.toThrow('无法连接办公室服务器')
  })

  it('signing out ends the session on the server and forgets the token', async () => {
    const d = desks[0]
    const token = readFileSync(join(d.dataDir, 'office-session'), 'utf8')
    const status = await d.client.signOut()
    expect(status).toMatchObject({ signedIn: false, server: office.http })
    const me = await fetch(`${office.http}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(401)
  })
})

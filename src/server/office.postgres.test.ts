import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStorage } from './storage'
import { copyOfficeData } from './migrate'
import { connectPeer, loadInto } from './testing/lexicalPeer'
import { addMember, api, shareReport, startOffice, ticketsFor, type Office } from './testing/office'
import { sampleReport, typeAtEnd } from './testing/typing'
import { waitFor } from './testing/services'
import { offlineThenBack, openPair, serverKilledMidTyping, typingAtOnce } from './testing/scenarios'
import { postgresAvailable, startPostgres, type RunningService } from './testing/services'

describe.skipIf(!postgresAvailable())('office server on PostgreSQL', () => {
  let postgres: RunningService
  let office: Office
  beforeAll(async () => {
    postgres = await startPostgres()
    office = await startOffice({ databaseUrl: postgres.url })
  }, 60_000)
  afterAll(async () => {
    await office?.stop()
    await postgres?.stop()
  })

  it('two clerks typing at once converge, nothing lost', async () => {
    const pair = await openPair(office, office, 'p1')
    try {
      await typingAtOnce(pair)
    } finally {
      pair.close()
    }
  })

  it('an offline clerk merges on coming back', async () => {
    const pair = await openPair(office, office, 'p2')
    try {
      await offlineThenBack(pair)
    } finally {
      pair.close()
    }
  })

  it('a server process killed mid-typing loses nothing acknowledged', async () => {
    await serverKilledMidTyping({ databaseUrl: postgres.url })
  }, 120_000)
})

describe.skipIf(!postgresAvailable())('moving an office from SQLite to PostgreSQL', () => {
  let postgres: RunningService
  beforeAll(async () => {
    postgres = await startPostgres()
  }, 60_000)
  afterAll(async () => {
    await postgres?.stop()
  })

  it('accounts, sessions, shares, the archive and every document arrive; the office carries on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zongjie-migrate-'))
    try {
      const before = await startOffice({ dataDir })
      const owner = await addMember(before, '王主任', '办公室')
      const colleague = await addMember(before, '李干事', '教育股')
      const reportId = randomUUID()
      await shareReport(before, owner, reportId, [{ kind: 'user', principal: colleague.id, role: 'edit' }], false, '2026年工作总结')
      await api(before.http, '/api/archive/published-0001', { method: 'PUT', token: owner.token, body: { title: '2025年总结', report: sampleReport(), audience: { everyone: true } } })
      const a = connectPeer({ url: before.ws, reportId, ticket: ticketsFor(before, owner) })
      await a.synced
      loadInto(a, sampleReport())
      typeAtEnd(a, '全年新建', '（迁移前写的）')
      await waitFor(() => a.saved(), 10_000)
      const text = a.text()
      a.destroy()
      await before.stop()

      const url = postgres.url.replace(/\/postgres$/, '/migrated')
      const admin = new pg.Client({ connectionString: postgres.url })
      await admin.connect()
      await admin.query('CREATE DATABASE migrated')
      await admin.end()
      const source = await openStorage({ dataDir })
      const target = await openStorage({ dataDir, databaseUrl: url })
      const counts = await copyOfficeData(source.sql, target.sql)
      expect(counts).toMatchObject({ users: 2, shared_reports: 1, report_shares: 1, published: 1, documents: 1 })
      await expect(copyOfficeData(source.sql, target.sql)).rejects.toThrow('已经有办公室服务器的数据')
      await source.sql.close()
      await target.sql.close()

      const after = await startOffice({ databaseUrl: url })
      try {
        // The same password, the same session token, the same shares and archive, the same text.
        const login = await api<{ token: string }>(after.http, '/api/login', { body: { name: '李干事', password: colleague.password } })
        expect(login.status).toBe(200)
        expect((await api(after.http, '/api/me', { token: owner.token })).status).toBe(200)
        const feed = await api<{ items: { title: string }[] }>(after.http, '/api/archive?since=0', { token: login.body.token })
        expect(feed.body.items.map((i) => i.title)).toEqual(['2025年总结'])
        const b = connectPeer({ url: after.ws, reportId, ticket: ticketsFor(after, { token: login.body.token }) })
        await b.synced
        await waitFor(() => b.text() === text, 10_000)
        typeAtEnd(b, '城乡差距', '（迁移后写的）')
        await waitFor(() => b.saved(), 10_000)
        b.destroy()
        await api(after.http, '/api/archive/published-0002', { method: 'PUT', token: owner.token, body: { title: '第二份', report: sampleReport(), audience: { everyone: true } } })
        const more = await api<{ items: { title: string; seq: number }[] }>(after.http, '/api/archive?since=0', { token: login.body.token })
        expect(more.body.items.map((i) => [i.title, i.seq])).toEqual([['2025年总结', 1], ['第二份', 2]])
      } finally {
        await after.stop()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 120_000)
})

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { Accounts } from '../../../server/accounts'
import { selfSignedCertificate, type TestCertificate } from '../../../server/testing/certificate'
import { startOffice, type Office } from '../../../server/testing/office'
import { waitFor } from '../../../server/testing/services'
import { OfficeClient } from './client'

/** A websocket for the provider that trusts exactly the given certificate (as the app's pin does). */
const trusting = (ca: string | undefined) =>
  class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, ca ? { ca } : {})
    }
  } as unknown as typeof globalThis.WebSocket

function open(office: Office, client: OfficeClient, ca: string | undefined, reportId: string) {
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url: office.ws, WebSocketPolyfill: trusting(ca), maxAttempts: 1 })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `report:${reportId}`, document: doc, token: async () => (await client.ticket()).ticket })
  provider.attach()
  return { doc, provider, close: () => (provider.destroy(), socket.destroy()) }
}

describe('TLS with a self-signed certificate', () => {
  let cert: TestCertificate
  let office: Office
  let password: string
  const dataDir = mkdtempSync(join(tmpdir(), 'zongjie-tls-desk-'))
  const client = new OfficeClient({ dataDir })

  beforeAll(async () => {
    cert = selfSignedCertificate()
    office = await startOffice({ tls: { certFile: cert.certFile, keyFile: cert.keyFile } })
    password = (await new Accounts(office.server.storage.sql).add('王主任', '办公室')).password
  })
  afterAll(async () => {
    await office?.stop()
    cert?.remove()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('the server speaks https and wss only, and prints the fingerprint clerks check', async () => {
    expect(office.server.fingerprint).toBe(cert.fingerprint)
    await expect(fetch(office.http.replace('https:', 'http:') + '/health')).rejects.toThrow()
  })

  it('the app shows the certificate fingerprint and signs in only once the clerk trusts that very certificate', async () => {
    const first = await client.signIn({ server: office.http, name: '王主任', password, newPassword: '新密码-2026-王' })
    expect(first).toEqual({ status: 'untrusted-certificate', fingerprint: cert.fingerprint })
    const wrong = await client.signIn({ server: office.http, name: '王主任', password, newPassword: '新密码-2026-王', trustCertificate: 'AA:BB' })
    expect(wrong.status).toBe('untrusted-certificate')
    const trusted = await client.signIn({ server: office.http, name: '王主任', password, newPassword: '新密码-2026-王', trustCertificate: cert.fingerprint })
    expect(trusted).toMatchObject({ status: 'signed-in', reload: true, office: { server: office.http, ws: office.ws, certificate: { fingerprint: cert.fingerprint } } })
    expect(readFileSync(join(dataDir, 'office.json'), 'utf8')).toContain('BEGIN CERTIFICATE')
  })

  it('documents sync over wss with the pinned certificate, and nothing connects without it', async () => {
    const login = await client.ticket()
    expect(login.ticket.length).toBeGreaterThan(20)
    await client.share('tls-report-1', 'TLS', false, [])
    const a = open(office, client, cert.pem, 'tls-report-1')
    const b = open(office, client, cert.pem, 'tls-report-1')
    const stranger = open(office, client, undefined, 'tls-report-1')
    try {
      a.doc.getText('t').insert(0, '经 wss 同步')
      await waitFor(() => b.doc.getText('t').toString() === '经 wss 同步', 10_000)
      await new Promise((r) => setTimeout(r, 500))
      expect(stranger.provider.isSynced).toBe(false)
      expect(stranger.doc.getText('t').toString()).toBe('')
    } finally {
      ;[a, b, stranger].forEach((p) => p.close())
    }
  })

  it('a different certificate at the same address is refused with a clear sentence', async () => {
    const port = office.server.port
    await office.stop()
    const other = selfSignedCertificate('impostor.test')
    try {
      office = await startOffice({ port, tls: { certFile: other.certFile, keyFile: other.keyFile } })
      await expect(client.ticket()).rejects.toThrow('证书与此前信任的不同')
    } finally {
      other.remove()
    }
  })
})

/** Test helpers: an office server on 127.0.0.1 in a temp folder, accounts, and the HTTP API. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Accounts } from '../accounts'
import { silentLogger, type Logger } from '../log'
import type { Limits } from '../limits'
import { startOfficeServer, type RunningServer } from '../server'
import type { Share } from '../reports'

export interface Office {
  server: RunningServer
  http: string
  ws: string
  dataDir: string
  stop(): Promise<void>
}

export async function startOffice(
  options: { databaseUrl?: string; redisUrl?: string; dataDir?: string; port?: number; limits?: Partial<Limits>; log?: Logger; tls?: { certFile: string; keyFile: string } } = {}
): Promise<Office> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'zongjie-office-'))
  const server = await startOfficeServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    dataDir,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    limits: options.limits,
    tls: options.tls,
    log: options.log ?? silentLogger
  })
  const secure = options.tls ? 's' : ''
  return {
    server,
    http: `http${secure}://127.0.0.1:${server.port}`,
    ws: `ws${secure}://127.0.0.1:${server.port}`,
    dataDir,
    stop: async () => {
      await server.close()
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

export async function api<T = Record<string, unknown>>(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(base + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
  return { status: res.status, body: (await res.json()) as T }
}

export interface Member {
  id: string
  name: string
  unit: string
  password: string
  token: string
}

/** Adds an account the way `user add` does and signs it in, setting its own password. */
export async function addMember(office: Office, name: string, unit: string): Promise<Member> {
  const accounts = new Accounts(office.server.storage.sql)
  const { user, password: oneTime } = await accounts.add(name, unit)
  const password = `${name}-密码-2026`
  const login = await api<{ token: string }>(office.http, '/api/login', { body: { name, password: oneTime, newPassword: password } })
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`)
  return { ...user, password, token: login.body.token }
}

export function ticketsFor(office: Pick<Office, 'http'>, member: Pick<Member, 'token'>): () => Promise<string> {
  return async () => {
    const res = await api<{ ticket: string }>(office.http, '/api/ticket', { method: 'POST', token: member.token })
    if (res.status !== 200) throw new Error('no ticket')
    return res.body.ticket
  }
}

export async function shareReport(office: Pick<Office, 'http'>, owner: Member, reportId: string, shares: Share[], limited = false, title = '共享报告'): Promise<void> {
  const res = await api(office.http, `/api/reports/${reportId}`, { method: 'PUT', token: owner.token, body: { title, limited, shares } })
  if (res.status !== 200) throw new Error(`share failed: ${JSON.stringify(res.body)}`)
}

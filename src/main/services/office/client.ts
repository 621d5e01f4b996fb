import { join } from 'node:path'
import { UserError } from '../../../shared/errors'
import { ReportSchema } from '../../../shared/doc/schema'
import { parseServerAddress } from '../../../shared/office/address'
import type { Audience, OfficeResponseMap, OfficeSignInResult, OfficeStatus, OfficeUser, PublishedReport, Share, SharedReportInfo } from '../../../shared/office/ipc'
import { loadOfficeConfig, saveOfficeConfig, type OfficeConfig } from './config'
import { callServer, UntrustedCertificate, type CallOptions } from './http'
import { fileSecretStore, type SecretStore } from './secrets'

export interface OfficeDeps {
  /** The app's data folder: office.json lives there. */
  dataDir: string
  secrets?: SecretStore
  /**
   * The configured server's websocket origin (or null) changed: main puts it in the CSP's
   * connect-src and trusts its pinned certificate; the page reloads to get the new policy.
   */
  onServerChanged?(ws: string | null, certificate: OfficeConfig['certificate']): void
}

const SIGNED_OUT = '尚未登录办公室服务器。请在“设置 › 办公室服务器”中登录。'
const EXPIRED = '办公室服务器的登录已失效，请在“设置 › 办公室服务器”中重新登录。'

/**
 * The app's side of the office server's HTTP API, in main: sign-in (the token goes to the
 * SecretStore and never to the page), single-use websocket tickets for the page, shares,
 * publishing to the office archive and reading it.
 */
export class OfficeClient {
  private readonly file: string
  private readonly secrets: SecretStore
  private config: OfficeConfig | null | undefined

  constructor(private readonly deps: OfficeDeps) {
    this.file = join(deps.dataDir, 'office.json')
    this.secrets = deps.secrets ?? fileSecretStore(join(deps.dataDir, 'office-session'))
  }

  async current(): Promise<OfficeConfig | null> {
    if (this.config === undefined) this.config = await loadOfficeConfig(this.file)
    return this.config
  }

  /** The websocket origin the CSP should name, read at start. */
  async connectSource(): Promise<string | null> {
    const config = await this.current()
    return config ? (parseServerAddress(config.server)?.ws ?? null) : null
  }

  async status(): Promise<OfficeStatus> {
    const config = await this.current()
    const address = config ? parseServerAddress(config.server) : null
    const signedIn = !!config?.user && !!(await this.secrets.load())
    return {
      server: address?.http ?? null,
      ws: address?.ws ?? null,
      user: config?.user ?? null,
      signedIn,
      secretStorage: this.secrets.kind,
      certificate: config?.certificate ? { fingerprint: config.certificate.fingerprint } : null
    }
  }

  async signIn(input: { server: string; name: string; password: string; newPassword?: string; trustCertificate?: string }): Promise<OfficeSignInResult> {
    const address = parseServerAddress(input.server)
    if (!address) throw new UserError('服务器地址无效。请填写管理员给的地址，例如 192.168.1.10:8740 或 https://office.example.cn。')
    const previous = await this.current()
    let certificate = previous && parseServerAddress(previous.server)?.http === address.http ? previous.certificate : null
    const body = { name: input.name, password: input.password, ...(input.newPassword !== undefined ? { newPassword: input.newPassword } : {}) }
    let res: { status: number; body: { token?: string; user?: OfficeUser; error?: string; code?: string } }
    try {
      res = await callServer(address.http, '/api/login', { body, pin: certificate })
    } catch (error) {
      if (!(error instanceof UntrustedCertificate)) throw error
      if (input.trustCertificate !== error.certificate.fingerprint) return { status: 'untrusted-certificate', fingerprint: error.certificate.fingerprint }
      certificate = error.certificate
      res = await callServer(address.http, '/api/login', { body, pin: certificate })
    }
    if (res.status === 403 && res.body.code === 'must-change-password') return { status: 'must-change-password' }
    if (res.status !== 200 || !res.body.token || !res.body.user) throw new UserError(res.body.error ?? `办公室服务器拒绝了登录（${res.status}）。`)
    const oldToken = await this.secrets.load()
    if (oldToken && previous) await this.call(previous, '/api/logout', { method: 'POST', token: oldToken }).catch(() => undefined)
    await this.secrets.save(res.body.token)
    const user = res.body.user
    this.config = { server: address.http, user: { id: user.id, name: user.name, unit: user.unit }, certificate }
    await saveOfficeConfig(this.file, this.config)
    const reload = (previous ? parseServerAddress(previous.server)?.ws : null) !== address.ws || previous?.certificate?.fingerprint !== certificate?.fingerprint
    if (reload) this.deps.onServerChanged?.(address.ws, certificate)
    return { status: 'signed-in', office: await this.status(), reload }
  }

  /** Ends the session on the server (when reachable) and forgets the token; the address stays. */
  async signOut(): Promise<OfficeStatus> {
    const config = await this.current()
    const token = await this.secrets.load()
    if (config && token) await this.call(config, '/api/logout', { method: 'POST', token }).catch(() => undefined)
    await this.secrets.save(null)
    return this.status()
  }

  async ticket(): Promise<OfficeResponseMap['officeTicket']> {
    const res = await this.authed<{ ticket: string }>('/api/ticket', { method: 'POST' })
    return { ticket: res.ticket }
  }

  async people(): Promise<OfficeResponseMap['officePeople']> {
    return this.authed('/api/people')
  }

  async share(reportId: string, title: string, limited: boolean, shares: Share[]): Promise<{ shares: Share[] }> {
    return this.authed(`/api/reports/${encodeURIComponent(reportId)}`, { method: 'PUT', body: { title, limited, shares } })
  }

  async sharedReports(): Promise<{ reports: SharedReportInfo[] }> {
    return this.authed('/api/reports')
  }

  async publish(reportId: string, title: string, report: unknown, audience: Audience): Promise<{ published: true }> {
    await this.authed(`/api/archive/${encodeURIComponent(reportId)}`, { method: 'PUT', body: { title, report, audience } })
    return { published: true }
  }

  /** The office archive after `since`; a report the server sends that is not a valid model is left out. */
  async archive(since: number): Promise<OfficeResponseMap['officeArchive']> {
    const res = await this.authed<{ items: unknown[]; cursor: number; more: boolean }>(`/api/archive?since=${since}`)
    const items: PublishedReport[] = []
    for (const raw of Array.isArray(res.items) ? res.items : []) {
      const item = raw as Partial<PublishedReport>
      const report = ReportSchema.safeParse(item.report)
      if (report.success && typeof item.reportId === 'string' && typeof item.seq === 'number') {
        items.push({ reportId: item.reportId, seq: item.seq, title: String(item.title ?? ''), publisher: String(item.publisher ?? ''), publishedAt: Number(item.publishedAt) || 0, report: report.data })
      }
    }
    return { items, cursor: Number(res.cursor) || since, more: !!res.more }
  }

  private call<T>(config: OfficeConfig, path: string, options: CallOptions) {
    return callServer<T>(config.server, path, { ...options, pin: config.certificate })
  }

  /** A request with the session token; a refused token is forgotten, and the clerk asked to sign in again. */
  private async authed<T>(path: string, options: CallOptions = {}): Promise<T> {
    const config = await this.current()
    const token = await this.secrets.load()
    if (!config?.user || !token) throw new UserError(SIGNED_OUT)
    const res = await this.call<T & { error?: string }>(config, path, { ...options, token })
    if (res.status === 401) {
      await this.secrets.save(null)
      throw new UserError(EXPIRED)
    }
    if (res.status < 200 || res.status >= 300) throw new UserError(res.body.error ?? `办公室服务器出错（${res.status}）。`)
    return res.body
  }
}

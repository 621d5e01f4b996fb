import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { Redis } from '@hocuspocus/extension-redis'
import type { Extension } from '@hocuspocus/server'
import { Accounts } from './accounts'
import { createApi } from './api/routes'
import { createCollab } from './collab'
import { DEFAULT_LIMITS, type Limits } from './limits'
import { jsonLogger, type Logger } from './log'
import { Reports } from './reports'
import { openStorage, type Storage } from './storage'
import { listen } from './transport'

export interface ServerOptions {
  host: string
  port: number
  dataDir: string
  databaseUrl?: string
  redisUrl?: string
  tls?: { certFile: string; keyFile: string }
  trustProxy?: boolean
  limits?: Partial<Limits>
  log?: Logger
}

export interface RunningServer {
  port: number
  /** Addresses to give colleagues (http(s)://…:port). */
  addresses: string[]
  storage: Storage
  /** With TLS: the SHA-256 fingerprint of the certificate, for clerks to check at their first sign-in. */
  fingerprint?: string
  close: () => Promise<void>
}

export const VERSION = '1'

function redisExtension(url: string): Extension {
  const parsed = new URL(url)
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: 'zongjie',
    options: {
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
      tls: parsed.protocol === 'rediss:' ? {} : undefined
    }
  })
}

export function addressesFor(host: string, port: number, secure: boolean): string[] {
  const scheme = secure ? 'https' : 'http'
  if (host !== '0.0.0.0' && host !== '::') return [`${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`]
  const found: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) found.push(`${scheme}://${info.address}:${port}`)
  }
  return found.length ? found : [`${scheme}://127.0.0.1:${port}`]
}

/** Starts the office server: storage, Hocuspocus with access rules, the HTTP API and websockets. */
export async function startOfficeServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? jsonLogger()
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const storage = await openStorage({ dataDir: options.dataDir, databaseUrl: options.databaseUrl })
  const accounts = new Accounts(storage.sql)
  const reports = new Reports(storage.sql)
  const extensions: Extension[] = [storage.extension]
  if (options.redisUrl) extensions.push(redisExtension(options.redisUrl))
  const hocuspocus = createCollab({ accounts, reports, store: storage.documents, extensions, log })
  const started = Date.now()

  const health = async () => {
    let database = 'ok'
    try {
      await storage.sql.all('SELECT 1')
    } catch {
      database = 'unreachable'
    }
    return {
      status: database === 'ok' ? 'ok' : 'degraded',
      storage: storage.kind,
      database,
      redis: !!options.redisUrl,
      documents: hocuspocus.getDocumentsCount(),
      connections: hocuspocus.getConnectionsCount(),
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      memoryBytes: process.memoryUsage().rss
    }
  }
  const tls = options.tls ? { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) } : undefined
  const api = createApi({ accounts, reports, limits, log, trustProxy: !!options.trustProxy, health })
  const transport = await listen({ host: options.host, port: options.port, tls, limits, trustProxy: !!options.trustProxy, log, api, hocuspocus })
  const addresses = addressesFor(options.host, transport.port, !!tls)
  log('info', 'listening', { addresses, storage: storage.kind, redis: !!options.redisUrl, tls: !!tls })

  let closing: Promise<void> | null = null
  return {
    port: transport.port,
    addresses,
    storage,
    fingerprint: tls ? new X509Certificate(tls.cert).fingerprint256 : undefined,
    close: () =>
      (closing ??= (async () => {
        await transport.close()
        // Fold every open document's log into its stored state before the storage goes away
        // (the log alone would do: this only makes the next start quicker).
        for (const [name, document] of hocuspocus.documents) await storage.documents.store(name, document).catch(() => undefined)
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
        await storage.sql.close()
        log('info', 'stopped', {})
      })())
  }
}

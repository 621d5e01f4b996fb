import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connect as tlsConnect } from 'node:tls'
import { X509Certificate } from 'node:crypto'
import { UserError } from '../../../shared/errors'

/** A self-signed certificate the clerk compared with the one the server printed, and trusts. */
export interface PinnedCertificate {
  pem: string
  fingerprint: string
}

/** The server answered with a certificate nobody vouches for: its fingerprint, for the clerk to check. */
export class UntrustedCertificate extends Error {
  constructor(readonly certificate: PinnedCertificate) {
    super('untrusted certificate')
  }
}

const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

const MAX_RESPONSE_BYTES = 64 * 1024 * 1024
const TIMEOUT_MS = 15_000

/** The certificate a TLS server presents, read without trusting it. */
export function peerCertificate(origin: string): Promise<PinnedCertificate> {
  const url = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: url.hostname, port: Number(url.port || 443), servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname, rejectUnauthorized: false }, () => {
      const raw = socket.getPeerCertificate(true)?.raw
      socket.destroy()
      if (!raw) return reject(new Error('no certificate'))
      const cert = new X509Certificate(raw)
      resolve({ pem: cert.toString(), fingerprint: cert.fingerprint256 })
    })
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('timeout')))
    socket.once('error', reject)
  })
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT'
  token?: string
  body?: unknown
  pin?: PinnedCertificate | null
}

/**
 * One JSON request to the office server. A pinned certificate is the only one trusted for that
 * server (its identity is the pin, so the host name is not checked against it).
 */
export async function callServer<T>(origin: string, path: string, options: CallOptions = {}): Promise<{ status: number; body: T }> {
  const url = new URL(path, origin)
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body))
  const secure = url.protocol === 'https:'
  const headers: Record<string, string | number> = { accept: 'application/json' }
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length })
  if (options.token) headers.authorization = `Bearer ${options.token}`
  const tls = secure && options.pin ? { ca: options.pin.pem, checkServerIdentity: () => undefined } : {}
  try {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(url, { method: options.method ?? (payload ? 'POST' : 'GET'), headers, agent: false, timeout: TIMEOUT_MS, ...tls }, resolve)
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })))
      req.on('error', reject)
      req.end(payload)
    })
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of res) {
      size += (chunk as Buffer).length
      if (size > MAX_RESPONSE_BYTES) throw new UserError('办公室服务器的回答太大，已放弃。')
      chunks.push(chunk as Buffer)
    }
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown = {}
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      throw new UserError(`${origin} 不是办公室服务器（回答不是 JSON）。`)
    }
    return { status: res.statusCode ?? 0, body: body as T }
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (secure && options.pin && (CERTIFICATE_ERRORS.has(code) || /CERT/.test(code))) {
      throw new UserError('办公室服务器的证书与此前信任的不同。若服务器确实换了证书，请在“设置 › 办公室服务器”中重新登录并核对新证书的指纹。')
    }
    if (secure && CERTIFICATE_ERRORS.has(code)) throw new UntrustedCertificate(await peerCertificate(origin))
    if (error instanceof UserError) throw error
    throw new UserError(`无法连接办公室服务器 ${origin}（${code || (error as Error).message}）。请检查地址和网络。`)
  }
}

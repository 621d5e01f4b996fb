import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { Accounts, MIN_PASSWORD_LENGTH, type User } from '../accounts'
import type { Limits } from '../limits'
import { KeyedBuckets } from '../limits'
import type { Logger } from '../log'
import { REPORT_ID, type Reports } from '../reports'
import { bearerToken, clientAddress, HttpError, readJson, sendJson } from './http'

const LoginBody = z.object({
  name: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
  newPassword: z.string().max(200).optional()
})
const ShareBody = z.object({
  title: z.string().max(200),
  limited: z.boolean(),
  shares: z
    .array(z.object({ kind: z.enum(['user', 'unit']), principal: z.string().min(1).max(100), role: z.enum(['edit', 'read']) }))
    .max(500)
})
const PublishBody = z.object({
  title: z.string().max(200),
  report: z.record(z.string(), z.unknown()),
  audience: z.object({ everyone: z.boolean().optional(), units: z.array(z.string().max(60)).max(200).optional(), users: z.array(z.string().max(64)).max(2000).optional() })
})

export interface ApiDeps {
  accounts: Accounts
  reports: Reports
  limits: Limits
  log: Logger
  trustProxy: boolean
  health: () => Promise<Record<string, unknown>>
}

const EXPIRED = '登录已失效，请重新登录办公室服务器。'

/** The server's HTTP API: sign-in, tickets for the websocket, shares and the office archive. */
export function createApi(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { accounts, reports, limits, log } = deps
  const logins = new KeyedBuckets(limits.loginsPerMinute / 60, limits.loginsPerMinute)

  async function signedIn(req: IncomingMessage): Promise<User> {
    const user = await accounts.session(bearerToken(req))
    if (!user) throw new HttpError(401, EXPIRED)
    return user
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://server')
    const method = req.method ?? 'GET'
    const path = url.pathname

    if (path === '/health' && method === 'GET') {
      const health = await deps.health()
      return sendJson(res, health.status === 'ok' ? 200 : 503, health)
    }
    if (path === '/api/login' && method === 'POST') {
      const address = clientAddress(req, deps.trustProxy)
      if (!logins.take(address)) throw new HttpError(429, '登录尝试太频繁，请一分钟后再试。')
      const body = LoginBody.safeParse(await readJson(req, 16 * 1024))
      if (!body.success) throw new HttpError(400, '请填写用户名和密码。')
      const result = await accounts.login(body.data.name, body.data.password, body.data.newPassword)
      if (result.status === 'refused') {
        log('warn', 'login-refused', { address })
        throw new HttpError(401, '用户名或密码不正确。')
      }
      if (result.status === 'must-change-password') return sendJson(res, 403, { error: '这是一次性密码：请设置自己的新密码。', code: 'must-change-password' })
      if (result.status === 'weak-password') return sendJson(res, 400, { error: `新密码至少 ${MIN_PASSWORD_LENGTH} 位，且不能与一次性密码相同。`, code: 'weak-password' })
      log('info', 'login', { user: result.user.name, address })
      return sendJson(res, 200, { token: result.token, expiresAt: result.expiresAt, user: result.user })
    }
    if (path === '/api/logout' && method === 'POST') {
      await accounts.logout(bearerToken(req))
      return sendJson(res, 200, {})
    }
    if (path === '/api/me' && method === 'GET') return sendJson(res, 200, { user: await signedIn(req) })
    if (path === '/api/ticket' && method === 'POST') return sendJson(res, 200, await accounts.issueTicket(await signedIn(req)))
    if (path === '/api/people' && method === 'GET') {
      await signedIn(req)
      const users = (await accounts.list()).filter((u) => !u.disabled).map(({ id, name, unit }) => ({ id, name, unit }))
      return sendJson(res, 200, { users, units: [...new Set(users.map((u) => u.unit))].sort() })
    }
    if (path === '/api/reports' && method === 'GET') return sendJson(res, 200, { reports: await reports.listFor(await signedIn(req)) })

    const reportMatch = /^\/api\/reports\/([^/]+)$/.exec(path)
    if (reportMatch && method === 'PUT') {
      const user = await signedIn(req)
      const id = decodeURIComponent(reportMatch[1])
      const body = ShareBody.safeParse(await readJson(req, 256 * 1024))
      if (!REPORT_ID.test(id) || !body.success) throw new HttpError(400, '共享设置无效。')
      const outcome = await reports.share(user, id, body.data.title, body.data.limited, body.data.shares)
      if (outcome === 'refused') throw new HttpError(403, '没有权限修改这份报告的共享。')
      log('info', 'shared', { user: user.name, report: id, shares: body.data.shares.length, limited: body.data.limited })
      return sendJson(res, 200, { shares: await reports.sharesOf(id) })
    }
    const archiveMatch = /^\/api\/archive\/([^/]+)$/.exec(path)
    if (archiveMatch && method === 'PUT') {
      const user = await signedIn(req)
      const id = decodeURIComponent(archiveMatch[1])
      const body = PublishBody.safeParse(await readJson(req, limits.maxBodyBytes))
      if (!REPORT_ID.test(id) || !body.success) throw new HttpError(400, '发布的内容无效。')
      const outcome = await reports.publish(user, id, body.data.title, body.data.report, body.data.audience)
      if (outcome === 'refused') throw new HttpError(403, '只有报告的所有者可以发布它。')
      log('info', 'published', { user: user.name, report: id })
      return sendJson(res, 200, {})
    }
    if (path === '/api/archive' && method === 'GET') {
      const since = Math.max(0, Number(url.searchParams.get('since') ?? 0) || 0)
      return sendJson(res, 200, await reports.archiveFor(await signedIn(req), since))
    }
    throw new HttpError(404, '没有这个地址。')
  }

  return async (req, res) => {
    try {
      await route(req, res)
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message })
      log('error', 'request-failed', { path: req.url, message: error instanceof Error ? error.message : String(error) })
      if (!res.headersSent) sendJson(res, 500, { error: '服务器内部错误，请联系管理员查看日志。' })
      else res.destroy()
    }
  }
}

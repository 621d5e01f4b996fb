import { randomUUID } from 'node:crypto'
import { first, type Sql } from './db/sql'
import { dummyHash, hashPassword, newOneTimePassword, newToken, tokenHash, verifyPassword } from './passwords'

export interface User {
  id: string
  name: string
  unit: string
}

interface UserRow extends User {
  password_hash: string
  must_change: number
  disabled: number
}

export const SESSION_DAYS = 30
/** A ticket lets the app open one websocket connection; it is asked for just before and used at once. */
export const TICKET_SECONDS = 120
export const MIN_PASSWORD_LENGTH = 8

export type LoginResult =
  | { status: 'ok'; token: string; expiresAt: number; user: User }
  | { status: 'refused' }
  | { status: 'must-change-password' }
  | { status: 'weak-password' }

export class AccountError extends Error {}

/** Accounts, sessions and websocket tickets. Names are what a clerk types: trimmed, NFC. */
export class Accounts {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number = Date.now
  ) {}

  static cleanName(name: string): string {
    return name.normalize('NFC').trim()
  }

  /** Adds an account and answers its one-time password, to be replaced at the first sign-in. */
  async add(name: string, unit: string): Promise<{ user: User; password: string }> {
    const clean = Accounts.cleanName(name)
    const cleanUnit = Accounts.cleanName(unit)
    if (!clean || clean.length > 40) throw new AccountError('用户名不能为空，也不能超过 40 个字。')
    if (!cleanUnit || cleanUnit.length > 60) throw new AccountError('请用 --unit 写明所在科室（不超过 60 个字）。')
    if (await this.byName(clean)) throw new AccountError(`用户“${clean}”已经存在。要重设密码，请用 user reset-password。`)
    const password = newOneTimePassword()
    const user = { id: randomUUID(), name: clean, unit: cleanUnit }
    await this.sql.run('INSERT INTO users (id, name, unit, password_hash, must_change, disabled, created_at) VALUES (?, ?, ?, ?, 1, 0, ?)', [
      user.id,
      user.name,
      user.unit,
      await hashPassword(password),
      this.now()
    ])
    return { user, password }
  }

  /** A new one-time password; every session of the account ends. */
  async resetPassword(name: string): Promise<string> {
    const row = await this.byName(Accounts.cleanName(name))
    if (!row) throw new AccountError(`没有用户“${name}”。`)
    const password = newOneTimePassword()
    await this.sql.run('UPDATE users SET password_hash = ?, must_change = 1, disabled = 0 WHERE id = ?', [await hashPassword(password), row.id])
    await this.sql.run('DELETE FROM sessions WHERE user_id = ?', [row.id])
    return password
  }

  async disable(name: string): Promise<void> {
    const row = await this.byName(Accounts.cleanName(name))
    if (!row) throw new AccountError(`没有用户“${name}”。`)
    await this.sql.run('UPDATE users SET disabled = 1 WHERE id = ?', [row.id])
    await this.sql.run('DELETE FROM sessions WHERE user_id = ?', [row.id])
  }

  async list(): Promise<(User & { disabled: boolean; mustChange: boolean })[]> {
    const rows = await this.sql.all<UserRow>('SELECT * FROM users ORDER BY unit, name')
    return rows.map((r) => ({ id: r.id, name: r.name, unit: r.unit, disabled: !!r.disabled, mustChange: !!r.must_change }))
  }

  async get(id: string): Promise<User | null> {
    const row = await first<UserRow>(this.sql, 'SELECT * FROM users WHERE id = ? AND disabled = 0', [id])
    return row ? { id: row.id, name: row.name, unit: row.unit } : null
  }

  /**
   * Signs in. An unknown name, a wrong password and a disabled account are refused alike and
   * take the same time. The one-time password is accepted only together with a new password.
   */
  async login(name: string, password: string, newPassword?: string): Promise<LoginResult> {
    const row = await this.byName(Accounts.cleanName(name))
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()))
    if (!row || !ok || row.disabled) return { status: 'refused' }
    if (row.must_change || newPassword !== undefined) {
      if (newPassword === undefined) return { status: 'must-change-password' }
      if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword === password) return { status: 'weak-password' }
      await this.sql.run('UPDATE users SET password_hash = ?, must_change = 0 WHERE id = ?', [await hashPassword(newPassword), row.id])
    }
    const token = newToken()
    const expiresAt = this.now() + SESSION_DAYS * 86_400_000
    await this.sql.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [tokenHash(token), row.id, this.now(), expiresAt])
    await this.sql.run('DELETE FROM sessions WHERE expires_at < ?', [this.now()])
    return { status: 'ok', token, expiresAt, user: { id: row.id, name: row.name, unit: row.unit } }
  }

  async logout(token: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash(token)])
  }

  /** The user of a live session token, or null (unknown, expired, account disabled). */
  async session(token: string): Promise<User | null> {
    if (!token) return null
    const row = await first<{ user_id: string; expires_at: number }>(this.sql, 'SELECT user_id, expires_at FROM sessions WHERE token_hash = ?', [tokenHash(token)])
    if (!row || row.expires_at <= this.now()) return null
    return this.get(row.user_id)
  }

  async issueTicket(user: User): Promise<{ ticket: string; expiresAt: number }> {
    const ticket = newToken()
    const expiresAt = this.now() + TICKET_SECONDS * 1000
    await this.sql.run('INSERT INTO tickets (ticket_hash, user_id, expires_at) VALUES (?, ?, ?)', [tokenHash(ticket), user.id, expiresAt])
    await this.sql.run('DELETE FROM tickets WHERE expires_at < ?', [this.now()])
    return { ticket, expiresAt }
  }

  /** Uses a ticket up: the first connection that shows it gets its user, any later one nothing. */
  async redeemTicket(ticket: string): Promise<User | null> {
    if (!ticket || ticket.length > 200) return null
    const rows = await this.sql.all<{ user_id: string; expires_at: number }>('DELETE FROM tickets WHERE ticket_hash = ? RETURNING user_id, expires_at', [tokenHash(ticket)])
    const row = rows[0]
    if (!row || row.expires_at <= this.now()) return null
    return this.get(row.user_id)
  }

  private byName(name: string): Promise<UserRow | undefined> {
    return first<UserRow>(this.sql, 'SELECT * FROM users WHERE name = ?', [name])
  }
}

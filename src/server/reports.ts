import { first, type Sql } from './db/sql'
import type { User } from './accounts'

/** `edit` writes (and comments); `read` follows the report without changing it. */
export type Role = 'edit' | 'read'
export interface Share {
  kind: 'user' | 'unit'
  /** A user's id, or a unit's name. */
  principal: string
  role: Role
}

export interface SharedReport {
  id: string
  title: string
  ownerId: string
  /** Collaborators may change only the sections assigned to them (or their unit). */
  limited: boolean
}

/** What a user may do with a report: the owner everything, others what their share says. */
export type Access = { role: 'owner' | Role; report: SharedReport }

export interface Audience {
  everyone?: boolean
  units?: string[]
  users?: string[]
}

export interface PublishedReport {
  reportId: string
  seq: number
  title: string
  publisher: string
  publishedAt: number
  report: unknown
}

const ROLE_RANK: Record<Role, number> = { read: 0, edit: 1 }
export { REPORT_ID, documentNameOf, reportIdOf } from '../shared/office/layout'

/** Shared reports, who may open them, and the office archive of published reports. */
export class Reports {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Registers a report as shared, or changes its shares. Only the owner may change an existing
   * one; anyone else gets the same answer as for a report that does not exist.
   */
  async share(owner: User, id: string, title: string, limited: boolean, shares: Share[]): Promise<'ok' | 'refused'> {
    return this.sql.transaction(async (tx) => {
      const existing = await first<{ owner_id: string }>(tx, 'SELECT owner_id FROM shared_reports WHERE id = ?', [id])
      if (existing && existing.owner_id !== owner.id) return 'refused'
      if (existing) {
        await tx.run('UPDATE shared_reports SET title = ?, limited = ?, updated_at = ? WHERE id = ?', [title, limited ? 1 : 0, this.now(), id])
      } else {
        await tx.run('INSERT INTO shared_reports (id, owner_id, title, limited, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [id, owner.id, title, limited ? 1 : 0, this.now(), this.now()])
      }
      await tx.run('DELETE FROM report_shares WHERE report_id = ?', [id])
      for (const s of dedupe(shares)) {
        await tx.run('INSERT INTO report_shares (report_id, kind, principal, role) VALUES (?, ?, ?, ?)', [id, s.kind, s.principal, s.role])
      }
      return 'ok'
    })
  }

  /**
   * One query whether or not the report exists, so a refusal takes as long for a report that
   * exists as for one that does not.
   */
  async access(user: User, id: string): Promise<Access | null> {
    const rows = await this.sql.all<{ id: string | null; title: string; owner_id: string; limited: number; role: Role | null }>(
      `SELECT r.id, r.title, r.owner_id, r.limited, s.role FROM (SELECT CAST(? AS TEXT) AS wanted) w
       LEFT JOIN shared_reports r ON r.id = w.wanted
       LEFT JOIN report_shares s ON s.report_id = w.wanted AND ((s.kind = 'user' AND s.principal = ?) OR (s.kind = 'unit' AND s.principal = ?))`,
      [id, user.id, user.unit]
    )
    const row = rows[0]
    if (!row?.id) return null
    const report: SharedReport = { id: row.id, title: row.title, ownerId: row.owner_id, limited: !!row.limited }
    if (row.owner_id === user.id) return { role: 'owner', report }
    const roles = rows.map((r) => r.role).filter((r): r is Role => r !== null)
    if (roles.length === 0) return null
    return { role: roles.reduce((a, b) => (ROLE_RANK[b] > ROLE_RANK[a] ? b : a)), report }
  }

  /** Reports shared with the user or owned by them, newest change first. */
  async listFor(user: User): Promise<(SharedReport & { role: Access['role']; ownerName: string; shares: Share[] })[]> {
    const rows = await this.sql.all<{ id: string; title: string; owner_id: string; limited: number; owner_name: string | null }>(
      `SELECT r.*, u.name AS owner_name FROM shared_reports r LEFT JOIN users u ON u.id = r.owner_id
       WHERE r.owner_id = ? OR r.id IN (SELECT report_id FROM report_shares
         WHERE (kind = 'user' AND principal = ?) OR (kind = 'unit' AND principal = ?))
       ORDER BY r.updated_at DESC`,
      [user.id, user.id, user.unit]
    )
    const out = []
    for (const r of rows) {
      const access = await this.access(user, r.id)
      if (!access) continue
      const shares = access.role === 'owner' ? await this.sharesOf(r.id) : []
      out.push({ ...access.report, role: access.role, ownerName: r.owner_name ?? '', shares })
    }
    return out
  }

  async sharesOf(id: string): Promise<Share[]> {
    return this.sql.all<Share>('SELECT kind, principal, role FROM report_shares WHERE report_id = ? ORDER BY kind, principal', [id])
  }

  /**
   * Puts a report into the office archive (or replaces the earlier copy of the same report).
   * A shared report may be published by its owner only; a report nobody else has seen yet
   * belongs to whoever publishes it first.
   */
  async publish(user: User, reportId: string, title: string, report: unknown, audience: Audience): Promise<'ok' | 'refused'> {
    return this.sql.transaction(async (tx) => {
      const shared = await first<{ owner_id: string }>(tx, 'SELECT owner_id FROM shared_reports WHERE id = ?', [reportId])
      if (shared && shared.owner_id !== user.id) return 'refused'
      const earlier = await first<{ publisher_id: string }>(tx, 'SELECT publisher_id FROM published WHERE report_id = ?', [reportId])
      if (earlier && earlier.publisher_id !== user.id) return 'refused'
      const [{ value: seq }] = await tx.all<{ value: number }>("UPDATE counters SET value = value + 1 WHERE name = 'published' RETURNING value")
      const body = JSON.stringify(report)
      const aud = JSON.stringify(audience)
      await tx.run(
        `INSERT INTO published (report_id, seq, title, publisher_id, published_at, audience, body) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (report_id) DO UPDATE SET seq = excluded.seq, title = excluded.title, published_at = excluded.published_at,
           audience = excluded.audience, body = excluded.body`,
        [reportId, Number(seq), title, user.id, this.now(), aud, body]
      )
      return 'ok'
    })
  }

  /** Published reports this user may see, after the cursor `since` (a seq), oldest first. */
  async archiveFor(user: User, since: number, limit = 50): Promise<{ items: PublishedReport[]; cursor: number; more: boolean }> {
    const rows = await this.sql.all<{ report_id: string; seq: number; title: string; publisher_name: string | null; publisher_id: string; published_at: number; audience: string; body: string }>(
      `SELECT p.*, u.name AS publisher_name FROM published p LEFT JOIN users u ON u.id = p.publisher_id
       WHERE p.seq > ? ORDER BY p.seq LIMIT ?`,
      [since, 500]
    )
    const items: PublishedReport[] = []
    let cursor = since
    let more = rows.length === 500
    for (const r of rows) {
      if (items.length === limit) {
        more = true
        break
      }
      cursor = Number(r.seq)
      if (!this.inAudience(user, r.publisher_id, JSON.parse(r.audience) as Audience)) continue
      items.push({ reportId: r.report_id, seq: Number(r.seq), title: r.title, publisher: r.publisher_name ?? '', publishedAt: Number(r.published_at), report: JSON.parse(r.body) })
    }
    return { items, cursor, more }
  }

  private inAudience(user: User, publisherId: string, audience: Audience): boolean {
    return publisherId === user.id || !!audience.everyone || !!audience.units?.includes(user.unit) || !!audience.users?.includes(user.id)
  }
}

function dedupe(shares: Share[]): Share[] {
  const map = new Map<string, Share>()
  for (const s of shares) {
    const key = `${s.kind}\u0000${s.principal}`
    const prev = map.get(key)
    if (!prev || ROLE_RANK[s.role] > ROLE_RANK[prev.role]) map.set(key, s)
  }
  return [...map.values()]
}

import BetterSqlite3 from 'better-sqlite3'
import type { Sql, SqlValue } from './sql'

/**
 * SQLite through better-sqlite3, whose calls are synchronous: a statement finishes before the
 * next message is handled, so an update logged before its acknowledgement is on disk when the
 * client hears it was saved. WAL with synchronous=NORMAL survives a killed process.
 */
export function openSqlite(file: string): { sql: Sql; db: BetterSqlite3.Database } {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  const bind = (params: SqlValue[] = []) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p))
  let depth = 0
  const sql: Sql = {
    dialect: 'sqlite',
    async all<T>(statement: string, params?: SqlValue[]) {
      return db.prepare(statement).all(...bind(params)) as T[]
    },
    async run(statement: string, params?: SqlValue[]) {
      const stmt = db.prepare(statement)
      if (!stmt.reader) return { changes: stmt.run(...bind(params)).changes }
      stmt.all(...bind(params))
      return { changes: 0 }
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      // better-sqlite3's own transaction() takes synchronous functions only; the adapter's
      // calls resolve without yielding to other work, so BEGIN/COMMIT around them is safe.
      if (depth > 0) return fn(sql)
      depth++
      db.exec('BEGIN IMMEDIATE')
      try {
        const result = await fn(sql)
        db.exec('COMMIT')
        return result
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw error
      } finally {
        depth--
      }
    },
    async close() {
      if (db.open) db.close()
    }
  }
  return { sql, db }
}

import type { Sql } from './sql'

/**
 * Tables of the office server. The Yjs documents themselves are in `documents` (the layout of
 * @hocuspocus/extension-sqlite) and `document_updates`, the log of updates not yet folded into
 * a stored state (see documents.ts). Everything else is the directory: accounts, sessions,
 * shares and the office archive. Only hashes of passwords, session tokens and tickets are kept.
 */
export async function migrate(sql: Sql): Promise<void> {
  const pg = sql.dialect === 'postgres'
  const blob = pg ? 'BYTEA' : 'BLOB'
  const serial = pg ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT'
  const statements = [
    `CREATE TABLE IF NOT EXISTS documents (name VARCHAR(255) NOT NULL, data ${blob} NOT NULL, UNIQUE(name))`,
    `CREATE TABLE IF NOT EXISTS document_updates (seq ${serial}, name VARCHAR(255) NOT NULL, data ${blob} NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, seq)',
    `CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, unit TEXT NOT NULL,
      password_hash TEXT NOT NULL, must_change INTEGER NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS sessions (
      token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS tickets (
      ticket_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at BIGINT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS shared_reports (
      id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, title TEXT NOT NULL, limited INTEGER NOT NULL,
      created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS report_shares (
      report_id TEXT NOT NULL, kind TEXT NOT NULL, principal TEXT NOT NULL, role TEXT NOT NULL,
      PRIMARY KEY (report_id, kind, principal))`,
    `CREATE TABLE IF NOT EXISTS published (
      report_id TEXT PRIMARY KEY, seq BIGINT NOT NULL, title TEXT NOT NULL, publisher_id TEXT NOT NULL,
      published_at BIGINT NOT NULL, audience TEXT NOT NULL, body TEXT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS published_seq ON published (seq)',
    'CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)',
    "INSERT INTO counters (name, value) VALUES ('published', 0) ON CONFLICT (name) DO NOTHING"
  ]
  for (const statement of statements) await sql.run(statement)
}

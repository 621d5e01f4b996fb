import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Database } from '@hocuspocus/extension-database'
import { SQLite } from '@hocuspocus/extension-sqlite'
import type { Extension } from '@hocuspocus/server'
import type BetterSqlite3 from 'better-sqlite3'
import { migrate } from './db/schema'
import { openPostgres } from './db/postgres'
import type { Sql } from './db/sql'
import { openSqlite } from './db/sqlite'
import { DocumentStore } from './documents'

export const SQLITE_FILE = 'office.sqlite'

export interface Storage {
  kind: 'sqlite' | 'postgres'
  sql: Sql
  documents: DocumentStore
  /** The Hocuspocus extension that loads and stores documents through `documents`. */
  extension: Extension
  /** The SQLite handle, for online backups. */
  sqlite?: BetterSqlite3.Database
}

/** @hocuspocus/extension-sqlite on the server's own connection to the data folder's file. */
class OfficeSQLite extends SQLite {
  constructor(
    private readonly handle: BetterSqlite3.Database,
    documents: DocumentStore
  ) {
    super({
      fetch: async ({ documentName }) => documents.load(documentName),
      store: async ({ documentName, document }) => documents.store(documentName, document)
    })
  }

  async onConfigure(): Promise<void> {
    this.db = this.handle
  }
}

/** SQLite in `dataDir` by default; PostgreSQL when a database URL is given. Tables are created as needed. */
export async function openStorage(options: { dataDir: string; databaseUrl?: string }): Promise<Storage> {
  if (options.databaseUrl) {
    const sql = await openPostgres(options.databaseUrl)
    await migrate(sql)
    const documents = new DocumentStore(sql)
    const extension = new Database({
      fetch: async ({ documentName }) => documents.load(documentName),
      store: async ({ documentName, document }) => documents.store(documentName, document)
    })
    return { kind: 'postgres', sql, documents, extension }
  }
  mkdirSync(options.dataDir, { recursive: true })
  const { sql, db } = openSqlite(join(options.dataDir, SQLITE_FILE))
  await migrate(sql)
  const documents = new DocumentStore(sql)
  return { kind: 'sqlite', sql, documents, extension: new OfficeSQLite(db, documents), sqlite: db }
}

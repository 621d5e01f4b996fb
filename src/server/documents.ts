import * as Y from 'yjs'
import type { Sql } from './db/sql'

/**
 * Where the Yjs documents live: a stored state per document (`documents`, the layout of
 * @hocuspocus/extension-sqlite) plus a log of the updates received since (`document_updates`).
 * Every update is logged before the client is told it was saved, so a server killed in the
 * middle of typing loses nothing it acknowledged; the debounced store folds the log into the
 * state and removes only the rows the stored state really contains (another instance behind
 * Redis may have logged rows this one has not seen yet).
 */
export class DocumentStore {
  constructor(private readonly sql: Sql) {}

  async load(name: string): Promise<Uint8Array | null> {
    const state = await this.sql.all<{ data: Uint8Array }>('SELECT data FROM documents WHERE name = ?', [name])
    const log = await this.sql.all<{ data: Uint8Array }>('SELECT data FROM document_updates WHERE name = ? ORDER BY seq', [name])
    const parts = [...state, ...log].map((r) => new Uint8Array(r.data))
    return parts.length ? Y.mergeUpdates(parts) : null
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.sql.run('INSERT INTO document_updates (name, data) VALUES (?, ?)', [name, Buffer.from(update)])
  }

  async store(name: string, doc: Y.Doc): Promise<void> {
    const state = Buffer.from(Y.encodeStateAsUpdate(doc))
    const snapshot = Y.snapshot(doc)
    const log = await this.sql.all<{ seq: number; data: Uint8Array }>('SELECT seq, data FROM document_updates WHERE name = ? ORDER BY seq', [name])
    const folded = log.filter((row) => Y.snapshotContainsUpdate(snapshot, new Uint8Array(row.data))).map((row) => Number(row.seq))
    await this.sql.transaction(async (tx) => {
      await tx.run('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET data = excluded.data', [name, state])
      for (let i = 0; i < folded.length; i += 500) {
        const chunk = folded.slice(i, i + 500)
        await tx.run(`DELETE FROM document_updates WHERE name = ? AND seq IN (${chunk.map(() => '?').join(',')})`, [name, ...chunk])
      }
    })
  }

  /** Names and sizes, for the health page and backups. */
  async stats(): Promise<{ documents: number; pendingUpdates: number }> {
    const [d] = await this.sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM documents')
    const [u] = await this.sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM document_updates')
    return { documents: Number(d.n), pendingUpdates: Number(u.n) }
  }
}

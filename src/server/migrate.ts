import type { Sql, SqlValue } from './db/sql'

/** Every table of the office server, parents before the rows that name them. */
const TABLES = ['users', 'sessions', 'tickets', 'shared_reports', 'report_shares', 'published', 'counters', 'documents', 'document_updates'] as const
const BATCH = 200

/**
 * Copies an office server's data (SQLite, the default) into another database (PostgreSQL, when
 * the office outgrows one process): accounts with their password hashes and sessions, shares,
 * the office archive and every document with its update log. The target must be empty, so a
 * second run cannot mix two offices; the whole copy is one transaction.
 */
export async function copyOfficeData(from: Sql, to: Sql): Promise<Record<string, number>> {
  const [{ n: users }] = await to.all<{ n: number }>('SELECT COUNT(*) AS n FROM users')
  const [{ n: documents }] = await to.all<{ n: number }>('SELECT COUNT(*) AS n FROM documents')
  if (Number(users) > 0 || Number(documents) > 0) throw new Error('目标数据库里已经有办公室服务器的数据；请用一个空数据库。')
  const counts: Record<string, number> = {}
  await to.transaction(async (tx) => {
    // The counters row the schema starts with is replaced by the source's.
    await tx.run('DELETE FROM counters')
    for (const table of TABLES) {
      const rows = await from.all<Record<string, SqlValue>>(`SELECT * FROM ${table}`)
      counts[table] = rows.length
      if (!rows.length) continue
      const columns = Object.keys(rows[0])
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = rows.slice(i, i + BATCH)
        const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')
        await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flatMap((r) => columns.map((c) => r[c])))
      }
    }
    // New log rows must number after the copied ones.
    if (tx.dialect === 'postgres') await tx.all("SELECT setval(pg_get_serial_sequence('document_updates', 'seq'), COALESCE((SELECT MAX(seq) FROM document_updates), 0) + 1, false)")
  })
  return counts
}

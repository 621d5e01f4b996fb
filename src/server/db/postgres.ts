import pg from 'pg'
import { numberPlaceholders, type Sql, type SqlValue } from './sql'

// BIGINT columns (times in ms, sequence numbers) come back as numbers, not strings: every value
// stored here is far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value))

function adapter(query: (text: string, params: SqlValue[]) => Promise<pg.QueryResult>, pool: pg.Pool | null): Sql {
  const self: Sql = {
    dialect: 'postgres',
    async all<T>(statement: string, params: SqlValue[] = []) {
      return (await query(numberPlaceholders(statement), params)).rows as T[]
    },
    async run(statement: string, params: SqlValue[] = []) {
      return { changes: (await query(numberPlaceholders(statement), params)).rowCount ?? 0 }
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (!pool) return fn(self)
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(adapter((text, params) => client.query(text, params), null))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      await pool?.end()
    }
  }
  return self
}

export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // A dropped idle connection must not take the server down; the pool opens a new one.
  pool.on('error', () => undefined)
  await pool.query('SELECT 1')
  return adapter((text, params) => pool.query(text, params as unknown[]), pool)
}

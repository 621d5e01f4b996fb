/**
 * The few SQL calls the office server makes, behind one interface so the same statements run on
 * SQLite (one file in the data folder, the default) and on PostgreSQL (`--database-url`).
 * Statements are written with `?` placeholders; the PostgreSQL adapter numbers them.
 */
export type SqlValue = string | number | boolean | null | Uint8Array

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres'
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>
  /** Runs `fn` in one transaction; everything it does through `tx` commits or none of it. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** `?` → `$1, $2…` for PostgreSQL. The statements here never hold a `?` inside a string literal. */
export function numberPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

export async function first<T>(sql: Sql, statement: string, params?: SqlValue[]): Promise<T | undefined> {
  const rows = await sql.all<T>(statement, params)
  return rows[0]
}

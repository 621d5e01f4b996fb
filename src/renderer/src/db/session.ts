import { db } from './database'

/** Where the clerk was: reopened on the next start. */
export interface SessionState {
  reportId: string | null
  /** Caret as block index and text offset: node keys do not survive a reload. */
  caret?: { block: number; offset: number }
  scrollTop?: number
}

const KEY = 'session'

export async function loadSession(): Promise<SessionState> {
  const row = await db.settings.get(KEY)
  const v = row?.value as Partial<SessionState> | undefined
  return { reportId: typeof v?.reportId === 'string' ? v.reportId : null, caret: v?.caret, scrollTop: v?.scrollTop }
}

export async function saveSession(state: SessionState): Promise<void> {
  // Only defined fields: the value is plain JSON (backups carry settings as JSON).
  await db.settings.put({ key: KEY, value: JSON.parse(JSON.stringify(state)) as unknown })
}

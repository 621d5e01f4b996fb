import Dexie, { liveQuery, type EntityTable } from 'dexie'
import { useEffect, useState } from 'react'
import type { SharedReportInfo } from '@shared/office/ipc'

/**
 * What this desk knows about the office server's reports, in a database of its own so the
 * archive's schema stays as it is: which local reports are shared (and how), and which came from
 * the office archive. Everything here can be fetched again from the server; the reports
 * themselves are ordinary records of the archive, so search, checks and export treat them alike.
 */
export interface SharedLink {
  /** The local report's id, which is also its id on the server. */
  reportId: string
  server: string
  role: SharedReportInfo['role']
  ownerId: string
  ownerName: string
  limited: boolean
  title: string
}

export interface ReceivedReport {
  /** The local record's id (the published report's id). */
  reportId: string
  server: string
  seq: number
  publisher: string
  publishedAt: number
}

export interface OfficeState {
  key: string
  value: number
}

export class OfficeDatabase extends Dexie {
  links!: EntityTable<SharedLink, 'reportId'>
  received!: EntityTable<ReceivedReport, 'reportId'>
  state!: EntityTable<OfficeState, 'key'>

  constructor(name = 'zongjie-office') {
    super(name)
    this.version(1).stores({ links: 'reportId, server', received: 'reportId, server', state: 'key' })
  }
}

export const officeDb = new OfficeDatabase()

/** The y-indexeddb database that keeps a shared report's Yjs document on this desk. */
export const yDocName = (server: string, reportId: string): string => `zongjie-shared:${server}:${reportId}`

/** A Dexie live query as React state. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial)
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined })
    return () => sub.unsubscribe()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return value
}

/**
 * Every shared report's link on this desk, by report id; null until first read. Kept whole (a row per
 * shared report, a few dozen) so that opening a report needs no lookup and its editor mounts at once.
 */
export function useSharedLinks(): Map<string, SharedLink> | null {
  return useLive(async () => new Map((await officeDb.links.toArray()).map((l) => [l.reportId, l])), [], null)
}

/** Local ids → how each came from the office: shared with this desk, or received from the office archive. */
export function useOfficeMarks(): Map<string, 'shared' | 'office'> {
  return useLive(
    async () => {
      const marks = new Map<string, 'shared' | 'office'>()
      for (const l of await officeDb.links.toArray()) marks.set(l.reportId, 'shared')
      for (const r of await officeDb.received.toArray()) marks.set(r.reportId, 'office')
      return marks
    },
    [],
    new Map()
  )
}

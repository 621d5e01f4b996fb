/**
 * The upgrade to schema version 3, run by Dexie inside the version-change transaction: each
 * report row is split into its summary, its model and its editor state, and each version is
 * stored as chunks. Reads go in batches by key, so even a large archive is never in memory at once.
 */
import type { Transaction } from 'dexie'
import { summaryOf, type ReportRecord, type VersionRecord } from '@shared/archive/records'
import { encodeVersion, putVersions, type VersionTables } from './versionStore'

const BATCH = 100

async function splitReports(tx: Transaction): Promise<void> {
  const reports = tx.table('reports')
  let after = ''
  for (;;) {
    const rows = (await reports.where(':id').above(after).limit(BATCH).toArray()) as ReportRecord[]
    if (rows.length === 0) return
    await tx.table('summaries').bulkPut(rows.map(summaryOf))
    await tx.table('editorStates').bulkPut(rows.filter((r) => r.editorState !== null).map((r) => ({ id: r.id, json: r.editorState })))
    await reports.bulkPut(rows.map((r) => ({ id: r.id, report: r.report })))
    after = rows[rows.length - 1].id
  }
}

async function chunkVersions(tx: Transaction): Promise<void> {
  const tables = { versions: tx.table('versions'), chunks: tx.table('chunks') } as VersionTables
  let after = 0
  for (;;) {
    const rows = (await tables.versions.where(':id').above(after).limit(BATCH).toArray()) as unknown as (VersionRecord & { seq: number })[]
    if (rows.length === 0) return
    // Replaced in place, numbers kept: the old full rows go, their chunked form takes the same seq.
    await tables.versions.bulkDelete(rows.map((r) => r.seq))
    await putVersions(tables, rows.map(encodeVersion))
    after = rows[rows.length - 1].seq
  }
}

export async function upgradeToVersion3(tx: Transaction): Promise<void> {
  await splitReports(tx)
  await chunkVersions(tx)
}

/**
 * Versions stored compactly: a version's model (as JSON) and its editor state are cut into
 * content-defined chunks (src/shared/archive/chunks.ts), and each chunk is stored once in the
 * `chunks` table with a count of the versions holding it. Consecutive versions of a report differ
 * in a paragraph or two, so each new version adds a few kilobytes, not the whole report.
 *
 * These functions run inside the caller's read-write transaction over `versions` and `chunks`
 * (Dexie.currentTransaction), so a version and its chunks are written or removed together.
 */
import { chunkKey, chunkText } from '@shared/archive/chunks'
import type { Report } from '@shared/doc/model'
import type { ArchiveDatabase, ChunkRow, StoredVersion, VersionRecord } from './database'

/** The two tables versions live in: the app's database, or the upgrade's transaction. */
export type VersionTables = Pick<ArchiveDatabase, 'versions' | 'chunks'>

export interface EncodedVersion {
  stored: StoredVersion
  /** Each distinct chunk of this version with its text. */
  chunks: Map<string, string>
}

function cut(text: string, into: Map<string, string>): string[] {
  return chunkText(text).map((chunk) => {
    const key = chunkKey(chunk)
    into.set(key, chunk)
    return key
  })
}

/** A version's stored form. Pure: done before the transaction, since hashing takes a moment on long reports. */
export function encodeVersion(v: VersionRecord): EncodedVersion {
  const chunks = new Map<string, string>()
  const { report, editorState, ...rest } = v
  const stored: StoredVersion = { ...rest, reportChunks: cut(JSON.stringify(report), chunks), stateChunks: editorState === null ? null : cut(editorState, chunks) }
  return { stored, chunks }
}

/** Adds the count of each chunk's holders (a negative delta removes holders; a chunk with none left is deleted). */
async function adjustRefs(db: VersionTables, deltas: Map<string, number>, texts: Map<string, string>): Promise<void> {
  if (deltas.size === 0) return
  const keys = [...deltas.keys()]
  const rows = await db.chunks.bulkGet(keys)
  const put: ChunkRow[] = []
  const gone: string[] = []
  keys.forEach((key, i) => {
    const refs = (rows[i]?.refs ?? 0) + deltas.get(key)!
    if (refs > 0) {
      const text = rows[i]?.text ?? texts.get(key)
      if (text === undefined) throw new Error(`历史版本的数据缺失（${key}）。`)
      put.push({ key, text, refs })
    } else if (rows[i]) {
      gone.push(key)
    }
  })
  if (put.length) await db.chunks.bulkPut(put)
  if (gone.length) await db.chunks.bulkDelete(gone)
}

/** Stores versions (encoded by encodeVersion); returns their numbers. A version with `seq` keeps it. */
export async function putVersions(db: VersionTables, encoded: EncodedVersion[]): Promise<number[]> {
  const deltas = new Map<string, number>()
  const texts = new Map<string, string>()
  for (const e of encoded) {
    for (const [key, text] of e.chunks) {
      deltas.set(key, (deltas.get(key) ?? 0) + 1)
      texts.set(key, text)
    }
  }
  await adjustRefs(db, deltas, texts)
  return (await db.versions.bulkAdd(
    encoded.map((e) => e.stored),
    { allKeys: true }
  )) as number[]
}

/** Removes versions and every chunk no remaining version holds. */
export async function deleteStoredVersions(db: VersionTables, versions: StoredVersion[]): Promise<void> {
  if (versions.length === 0) return
  const deltas = new Map<string, number>()
  for (const v of versions) {
    for (const key of new Set([...v.reportChunks, ...(v.stateChunks ?? [])])) deltas.set(key, (deltas.get(key) ?? 0) - 1)
  }
  await db.versions.bulkDelete(versions.map((v) => v.seq!))
  await adjustRefs(db, deltas, new Map())
}

/** A stored version as a whole record again. */
export async function decodeVersions(db: VersionTables, stored: StoredVersion[]): Promise<VersionRecord[]> {
  const keys = [...new Set(stored.flatMap((v) => [...v.reportChunks, ...(v.stateChunks ?? [])]))]
  const rows = await db.chunks.bulkGet(keys)
  const text = new Map<string, string>()
  keys.forEach((key, i) => {
    if (rows[i]) text.set(key, rows[i]!.text)
  })
  const join = (chunks: string[]) =>
    chunks
      .map((key) => {
        const t = text.get(key)
        if (t === undefined) throw new Error('这个历史版本的数据已损坏，无法读取。')
        return t
      })
      .join('')
  return stored.map(({ reportChunks, stateChunks, ...rest }) => ({
    ...rest,
    report: JSON.parse(join(reportChunks)) as Report,
    editorState: stateChunks === null ? null : join(stateChunks)
  }))
}

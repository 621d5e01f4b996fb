/**
 * The search index saved, so a start loads it instead of reading every report and building it
 * again. Where the worker has the origin private file system, one file (snapshotOpfs.ts), which a
 * start reads three times faster; elsewhere, and from releases before it, rows of the database's
 * `searchIndex` table, written in one transaction (a snapshot is whole or absent) with the long
 * texts put in as they are cut, so saving never holds a second copy of them.
 */
import { SearchIndex, type SearchSnapshot } from '@shared/search/searchIndex'
import type { ArchiveDatabase } from '../../db/database'
import { readSnapshotFile, removeSnapshotFile, snapshotFolder, writeSnapshotFile } from './snapshotOpfs'

/** Bumped whenever what is saved changes meaning: an older snapshot is then ignored and rebuilt. */
export const SNAPSHOT_FORMAT = 1

interface SnapshotMeta {
  format: number
  texts: number
  savedAt: number
}

export async function saveSnapshot(db: ArchiveDatabase, index: SearchIndex, now = Date.now()): Promise<void> {
  const folder = await snapshotFolder()
  if (folder) {
    try {
      await writeSnapshotFile(folder, index)
      // The rows of an earlier save would only take room: the file is read first.
      await db.searchIndex.clear()
      return
    } catch (e) {
      // A file system that will not write (full, locked): the database still can.
      console.error('search index file not written; saving it in the database', e)
      await removeSnapshotFile(folder).catch(() => undefined)
    }
  }
  await saveRows(db, index, now)
}

async function saveRows(db: ArchiveDatabase, index: SearchIndex, now: number): Promise<void> {
  await db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.clear()
    // Each text is copied into the transaction as it is cut, and can go at once.
    const puts: Promise<unknown>[] = []
    const snapshot = index.toSnapshot((text, i) => puts.push(db.searchIndex.put({ key: `text:${i}`, value: text })))
    const { texts: _none, ...passages } = snapshot.passages
    const texts = puts.length
    puts.push(
      db.searchIndex.put({ key: 'docs', value: snapshot.docs }),
      db.searchIndex.put({ key: 'passages', value: passages }),
      db.searchIndex.put({ key: 'store', value: snapshot.store }),
      db.searchIndex.put({ key: 'heads', value: snapshot.heads }),
      db.searchIndex.put({ key: 'meta', value: { format: SNAPSHOT_FORMAT, texts, savedAt: now, liveEntries: snapshot.liveEntries } })
    )
    await Promise.all(puts)
  })
}

/**
 * The saved index, or null when there is none (or one this version cannot read). `resave`: it came
 * from the database where a file could hold it (the first start after the file came in).
 */
export async function loadSnapshot(db: ArchiveDatabase): Promise<{ index: SearchIndex; resave: boolean } | null> {
  const folder = await snapshotFolder()
  if (folder) {
    try {
      const saved = await readSnapshotFile(folder)
      if (saved) {
        try {
          return { index: SearchIndex.fromSnapshot(saved.snapshot, { pager: saved.pager }), resave: false }
        } catch (e) {
          saved.pager.release()
          throw e
        }
      }
    } catch (e) {
      console.error('saved search index file unreadable; trying the database', e)
    }
  }
  const index = await loadRows(db)
  return index && { index, resave: folder !== null }
}

async function loadRows(db: ArchiveDatabase): Promise<SearchIndex | null> {
  const rows = await db.searchIndex.toArray()
  const get = (key: string) => rows.find((r) => r.key === key)?.value
  const meta = get('meta') as (SnapshotMeta & { liveEntries: number }) | undefined
  if (!meta || meta.format !== SNAPSHOT_FORMAT) return null
  const texts = Array.from({ length: meta.texts }, (_, i) => get(`text:${i}`) as string)
  if (texts.some((t) => typeof t !== 'string')) return null
  const snapshot = {
    version: 2,
    docs: get('docs'),
    passages: { ...(get('passages') as object), texts },
    store: get('store'),
    heads: get('heads'),
    liveEntries: meta.liveEntries
  } as SearchSnapshot
  try {
    return SearchIndex.fromSnapshot(snapshot)
  } catch (e) {
    console.error('saved search index unreadable; rebuilding', e)
    return null
  }
}

export async function dropSnapshot(db: ArchiveDatabase): Promise<void> {
  const folder = await snapshotFolder()
  if (folder) await removeSnapshotFile(folder)
  await db.searchIndex.clear()
}

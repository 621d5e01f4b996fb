/**
 * The search index file in the origin private file system, read and written with a worker's
 * synchronous access handle: about 3 ms a megabyte, where IndexedDB takes about 10 to hand the
 * same bytes over. Only the search worker uses it. Where there is no such file system (Node
 * tests, a page that is not a secure context) `snapshotFolder` says so and the caller keeps the
 * snapshot in IndexedDB instead.
 */
import type { Pager } from '@shared/search/filePager'
import { openSnapshot, packIndex, type ReadAt } from '@shared/search/snapshotFile'
import type { SearchIndex, SearchSnapshot } from '@shared/search/searchIndex'

const NAME = 'search-index.bin'
const PART = 'search-index.part'

// The web tsconfig has the DOM lib, not the worker one: type the members used.
interface SyncAccessHandle {
  read(into: Uint8Array, options: { at: number }): number
  write(data: Uint8Array, options: { at: number }): number
  truncate(size: number): void
  getSize(): number
  flush(): void
  close(): void
}
interface FileHandle {
  createSyncAccessHandle(): Promise<SyncAccessHandle>
  move?(name: string): Promise<void>
}
interface Folder {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>
  removeEntry(name: string): Promise<void>
}

export type SnapshotFolder = Folder

/** The folder, or null where the file system or synchronous access is missing. */
export async function snapshotFolder(): Promise<SnapshotFolder | null> {
  const storage = (globalThis as { navigator?: { storage?: { getDirectory?: () => Promise<unknown> } } }).navigator?.storage
  if (typeof storage?.getDirectory !== 'function') return null
  try {
    return (await storage.getDirectory()) as Folder
  } catch {
    return null
  }
}

const missing = (e: unknown) => e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError')

/** A worker of the page before a reload may hold the file for a moment yet: try again for this long. */
const LOCKED_WAIT_MS = 3000

/**
 * The saved snapshot, or null when there is no file. A damaged file throws (openSnapshot).
 * What the snapshot leaves in the file is read through the pager, which keeps the file open (and
 * so locked to this worker) until all is read or it is released.
 */
export async function readSnapshotFile(folder: SnapshotFolder): Promise<{ snapshot: SearchSnapshot; pager: Pager } | null> {
  let handle: FileHandle
  try {
    handle = await folder.getFileHandle(NAME)
  } catch (e) {
    if (missing(e)) return null
    throw e
  }
  const file = await openLocked(handle)
  try {
    const read: ReadAt = (into, at) => {
      if (file.read(into, { at }) !== into.byteLength) throw new Error('search snapshot: short read')
    }
    return openSnapshot(read, file.getSize(), () => file.close())
  } catch (e) {
    file.close()
    throw e
  }
}

async function openLocked(handle: FileHandle): Promise<SyncAccessHandle> {
  for (let waited = 0; ; waited += 100) {
    try {
      return await handle.createSyncAccessHandle()
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'NoModificationAllowedError') || waited >= LOCKED_WAIT_MS) throw e
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/**
 * Writes the index to a file beside the saved one and then puts it in its place, so a crash
 * mid-write leaves the last snapshot whole (or, where moving is missing, a file the header check refuses).
 */
export async function writeSnapshotFile(folder: SnapshotFolder, index: SearchIndex): Promise<void> {
  const parts = packIndex(index)
  const part = await folder.getFileHandle(PART, { create: true })
  const canMove = typeof part.move === 'function'
  if (!canMove) await folder.removeEntry(PART)
  const handle = canMove ? part : await folder.getFileHandle(NAME, { create: true })
  const file = await handle.createSyncAccessHandle()
  try {
    file.truncate(0)
    // The header last: a write cut short leaves a file with no valid header.
    let at = parts[0].byteLength
    for (const bytes of parts.slice(1)) {
      file.write(bytes, { at })
      at += bytes.byteLength
    }
    file.write(parts[0], { at: 0 })
    file.flush()
  } finally {
    file.close()
  }
  if (!canMove) return
  try {
    await part.move!(NAME)
  } catch {
    // Where a move does not replace a file of that name.
    await folder.removeEntry(NAME)
    await part.move!(NAME)
  }
}

export async function removeSnapshotFile(folder: SnapshotFolder): Promise<void> {
  for (const name of [NAME, PART]) {
    await folder.removeEntry(name).catch((e: unknown) => {
      if (!missing(e)) throw e
    })
  }
}

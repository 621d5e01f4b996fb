/**
 * Parts of a file loaded into memory when first read, like a system's demand paging, so a start
 * need not wait for the whole search index file: the postings' bytes and the passages' texts (90
 * of its 100 MB at 5,000 reports) stay in the file until a query needs a list or a passage, and
 * the rest comes in a stretch at a time while the worker is idle.
 *
 * Each region is one buffer the size of its stretch of the file, allocated at once (the arrays the
 * index keeps are views of it) and filled page by page. Once every page is in, the file is closed.
 */

/** Reads `into.byteLength` bytes of the file from `at` into `into`. */
export type ReadAt = (into: Uint8Array, at: number) => void

/** Reads are whole pages: a passage of a few hundred characters costs one read of 4 kB. */
const PAGE = 4096
/** Bytes an idle step reads: a few milliseconds, so a search waits little behind one. */
const STEP_BYTES = 2 << 20

/** What a loaded index asks of the pager. */
export interface Pager {
  /** Makes elements [from, to) of `array` readable; nothing to do for an array not in the file. */
  need(array: ArrayBufferView, from: number, to: number): void
  /** Reads the next stretch still in the file; returns whether any is left. */
  step(): boolean
  /** Reads everything still in the file. */
  finish(): void
  /** Lets the file go without reading the rest (the index is being thrown away). */
  release(): void
}

interface Region {
  bytes: Uint8Array
  /** Where the region starts in the file. */
  at: number
  loaded: Uint8Array
  /** Pages not yet loaded. */
  left: number
  /** Pages before this one are all loaded (where the next step looks). */
  cursor: number
}

export class FilePager implements Pager {
  private regions = new Map<ArrayBufferLike, Region>()
  private closed = false

  /** `close` is called once, when everything is read or the pager is released. */
  constructor(
    private readonly read: ReadAt,
    private readonly close: () => void
  ) {}

  /** A region of `length` bytes from `at` in the file, nothing read yet. */
  region(at: number, length: number): ArrayBuffer {
    const bytes = new Uint8Array(length)
    const pages = Math.ceil(length / PAGE)
    if (pages > 0) this.regions.set(bytes.buffer, { bytes, at, loaded: new Uint8Array(pages), left: pages, cursor: 0 })
    return bytes.buffer
  }

  need(array: ArrayBufferView, from: number, to: number): void {
    if (this.regions.size === 0 || to <= from) return
    const r = this.regions.get(array.buffer)
    if (!r) return
    const size = (array as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1
    this.load(r, Math.floor((array.byteOffset + from * size) / PAGE), Math.ceil((array.byteOffset + to * size) / PAGE), Infinity)
  }

  step(): boolean {
    // Regions are read in the order they were made (the texts first), each from its cursor on.
    const r = this.regions.values().next().value
    if (this.closed || !r) return false
    this.load(r, r.cursor, r.loaded.length, STEP_BYTES)
    return this.regions.size > 0
  }

  finish(): void {
    for (const r of [...this.regions.values()]) this.load(r, r.cursor, r.loaded.length, Infinity)
  }

  /** What is still in the file stays unread: a later need of it throws. */
  release(): void {
    this.done()
  }

  /** Closes the file now if nothing is left in it (a file with nothing to page in). */
  closeIfComplete(): void {
    if (this.regions.size === 0) this.done()
  }

  /** Loads the pages not yet loaded in [first, end), in runs, up to about `budget` bytes. */
  private load(r: Region, first: number, end: number, budget: number): void {
    if (this.closed) throw new Error('search index file: read after it was closed')
    let read = 0
    let p = first
    while (p < end && read < budget) {
      if (r.loaded[p]) {
        p++
        continue
      }
      let q = p
      while (q < end && !r.loaded[q] && read + (q - p) * PAGE < budget) q++
      const from = p * PAGE
      const to = Math.min(q * PAGE, r.bytes.byteLength)
      this.read(r.bytes.subarray(from, to), r.at + from)
      r.loaded.fill(1, p, q)
      r.left -= q - p
      read += to - from
      p = q
    }
    while (r.cursor < r.loaded.length && r.loaded[r.cursor]) r.cursor++
    if (r.left === 0) {
      this.regions.delete(r.bytes.buffer)
      this.closeIfComplete()
    }
  }

  private done(): void {
    if (this.closed) return
    this.closed = true
    this.close()
  }
}

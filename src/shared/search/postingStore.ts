import type { Pager } from './filePager'
import { KeyTable, type KeyTableSnapshot } from './keyTable'

/**
 * Postings (ascending passage ids) for every character and every pair of adjacent non-space
 * characters of the folded text.
 *
 * Two tiers, because building and updating want different things:
 * - the base: every list in one byte array, each as the gaps between its ids in 7-bit varints
 *   (a common bigram's gaps take a byte each, a rare one's two or three). 43 MB for the 35 million
 *   entries of 5,000 reports, where 4-byte ids took 140 MB. A query decodes the few lists it needs.
 * - the tail: a small growable array per slot for passages added since the base was built
 *   (the editor's autosave). A passage id only grows, so tail ids all follow base ids and a
 *   list stays sorted by appending.
 * merge() re-encodes base and tail into a new base and drops ids the caller says are dead.
 *
 * A bulk load (beginBulk … endBulk, into an empty store) counts each list's bytes as passages come
 * in and keeps no postings; endBulk then allocates the base once and writes it in a second pass
 * over the passages' text, so a build never holds more than the finished base.
 */

const EMPTY = new Uint32Array(0)
const SPACE = 0x20

export type PostingList = ArrayLike<number>

/** Everything a saved store needs: its base (with no tail), its keys. */
export interface PostingSnapshot {
  unigrams: Int32Array
  bigrams: KeyTableSnapshot
  slots: number
  offsets: Uint32Array
  data: Uint8Array
  entries: number
}

const varintSize = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x20_0000 ? 3 : n < 0x1000_0000 ? 4 : 5)

/** Writes `n` as a varint at `at`; returns the position after it. */
function writeVarint(data: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    data[at++] = (n & 0x7f) | 0x80
    n >>>= 7
  }
  data[at++] = n
  return at
}

/**
 * Decodes the varint list data[start, end) into out[n…]; returns the new n. Ids stay below 2^28
 * (a passage id per passage ever indexed), so a gap fits the shifts of 32-bit integers.
 */
function decodeInto(data: Uint8Array, start: number, end: number, out: Uint32Array, n: number): number {
  let id = -1
  let at = start
  while (at < end) {
    let b = data[at++]
    let gap = b & 0x7f
    for (let shift = 7; b & 0x80; shift += 7) {
      b = data[at++]
      gap |= (b & 0x7f) << shift
    }
    id += gap
    out[n++] = id
  }
  return n
}

export class PostingStore {
  private bigrams = new KeyTable()
  /** Slot of each single character (a direct table: there are only 65,536). */
  private unigrams: Int32Array = new Int32Array(0x10000).fill(-1)
  private slots = 0
  /** Per slot, the last passage posted: a passage is posted once per key however often it repeats. */
  private last: Int32Array = new Int32Array(1 << 16).fill(-1)
  private found = new Int32Array(1 << 12)
  private before = new Int32Array(1 << 12)

  private offsets: Uint32Array = new Uint32Array(1)
  private data: Uint8Array = new Uint8Array(0)
  private baseSlots = 0
  private baseCount = 0

  private tail = new Map<number, number[]>()
  private tailCount = 0

  /** During a bulk load: each slot's bytes in the base to come. */
  private bulkBytes: Uint32Array | null = null
  /** Reads a base loaded from a file in, as its lists are needed (filePager.ts). */
  private need: Pager['need'] | null = null

  get baseEntries(): number {
    return this.baseCount
  }

  get tailEntries(): number {
    return this.tailCount
  }

  get keyCount(): number {
    return this.slots
  }

  /** Bytes held by the postings (for the benchmark and the worker's memory budget). */
  get bytes(): number {
    return this.data.byteLength + this.offsets.byteLength + this.last.byteLength + this.unigrams.byteLength + this.bigrams.bytes + 8 * this.tailCount
  }

  /** The slot of a character, or -1 when it never occurred. */
  charSlot(c: number): number {
    return this.unigrams[c]
  }

  /** The slot of a pair of adjacent characters, or -1 when it never occurred. */
  pairSlotOf(a: number, b: number): number {
    return this.bigrams.get(a, b)
  }

  /** The ids of a slot, ascending. */
  list(slot: number): PostingList {
    if (slot < 0) return EMPTY
    const tail = this.tail.get(slot)
    const start = slot < this.baseSlots ? this.offsets[slot] : 0
    const end = slot < this.baseSlots ? this.offsets[slot + 1] : 0
    if (start === end) return tail ?? EMPTY
    // Every id takes at least one byte: the byte count bounds the length.
    const out = new Uint32Array(end - start + (tail?.length ?? 0))
    this.need?.(this.data, start, end)
    let n = decodeInto(this.data, start, end, out, 0)
    if (tail) for (const id of tail) out[n++] = id
    return out.subarray(0, n)
  }

  /** Starts a bulk load into this store, which must be empty. */
  beginBulk(): void {
    if (this.baseCount || this.tailCount || this.slots) throw new Error('a bulk load needs an empty store')
    this.bulkBytes = new Uint32Array(this.last.length)
  }

  /**
   * The distinct slots of a passage's folded text into `found`, and into `before` each slot's
   * previous id in `last` (which then holds pid). With `written` (the second pass of a bulk load)
   * that array is `last` and no slot is created; without it, the store's own, creating slots for new keys.
   */
  private slotsOf(pid: number, folded: string, written: Int32Array | null): number {
    const create = written === null
    let last = written ?? this.last
    if (this.found.length < 2 * folded.length) {
      this.found = new Int32Array(4 * folded.length)
      this.before = new Int32Array(4 * folded.length)
    }
    const found = this.found
    const before = this.before
    let n = 0
    let prev = 0
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i)
      if (c <= SPACE) {
        prev = 0
        continue
      }
      let slot = this.unigrams[c]
      if (slot < 0 && create) {
        slot = this.unigrams[c] = this.newSlot()
        last = this.last
      }
      if (slot >= 0 && last[slot] !== pid) {
        found[n] = slot
        before[n++] = last[slot]
        last[slot] = pid
      }
      if (prev !== 0) {
        slot = create ? this.bigrams.getOrAdd(prev, c, this.slots) : this.bigrams.get(prev, c)
        if (create && slot === this.slots) {
          this.newSlot()
          last = this.last
        }
        if (slot >= 0 && last[slot] !== pid) {
          found[n] = slot
          before[n++] = last[slot]
          last[slot] = pid
        }
      }
      prev = c
    }
    return n
  }

  /** Posts a passage's folded text; returns the entries added. Ids must be given in increasing order. */
  add(pid: number, folded: string): number {
    const n = this.slotsOf(pid, folded, null)
    if (this.bulkBytes) {
      // Counted, not stored: each list's bytes are known before the base is written.
      for (let k = 0; k < n; k++) this.bulkBytes[this.found[k]] += varintSize(pid - this.before[k])
      return n
    }
    for (let k = 0; k < n; k++) {
      const list = this.tail.get(this.found[k])
      if (list) list.push(pid)
      else this.tail.set(this.found[k], [pid])
    }
    this.tailCount += n
    return n
  }

  /**
   * Ends a bulk load: writes the base in one pass over the live passages, which `each` replays
   * in increasing id order as (id, folded text).
   */
  endBulk(each: (post: (pid: number, folded: string) => void) => void): void {
    const sizes = this.bulkBytes
    if (!sizes) throw new Error('endBulk without beginBulk')
    this.bulkBytes = null
    const slots = this.slots
    const offsets = new Uint32Array(slots + 1)
    for (let s = 0; s < slots; s++) offsets[s + 1] = offsets[s] + sizes[s]
    const data = new Uint8Array(offsets[slots])
    const cursor = offsets.slice(0, slots)
    const written = new Int32Array(slots).fill(-1)
    let count = 0
    each((pid, folded) => {
      const n = this.slotsOf(pid, folded, written)
      for (let k = 0; k < n; k++) cursor[this.found[k]] = writeVarint(data, cursor[this.found[k]], pid - this.before[k])
      count += n
    })
    this.install(offsets, data, cursor, slots, count)
  }

  /** Folds the tail into a new base, keeping only live ids. */
  merge(alive: (pid: number) => boolean): void {
    const slots = this.slots
    // Pass 1: each list's live ids, to size the new base; pass 2 writes it. A list is decoded
    // into the scratch array once per pass.
    const offsets = new Uint32Array(slots + 1)
    for (let s = 0; s < slots; s++) {
      const n = this.liveIds(s, alive)
      let size = 0
      let prev = -1
      for (let k = 0; k < n; k++) {
        size += varintSize(this.ids[k] - prev)
        prev = this.ids[k]
      }
      offsets[s + 1] = offsets[s] + size
    }
    const data = new Uint8Array(offsets[slots])
    const cursor = offsets.slice(0, slots)
    let count = 0
    for (let s = 0; s < slots; s++) {
      const n = this.liveIds(s, alive)
      let prev = -1
      let at = cursor[s]
      for (let k = 0; k < n; k++) {
        at = writeVarint(data, at, this.ids[k] - prev)
        prev = this.ids[k]
      }
      cursor[s] = at
      count += n
    }
    this.tail = new Map()
    this.tailCount = 0
    this.install(offsets, data, cursor, slots, count)
  }

  private ids = new Uint32Array(1 << 16)

  /** A slot's live ids (base, then tail) into `ids`; returns how many. */
  private liveIds(slot: number, alive: (pid: number) => boolean): number {
    const start = slot < this.baseSlots ? this.offsets[slot] : 0
    const end = slot < this.baseSlots ? this.offsets[slot + 1] : 0
    const tail = this.tail.get(slot)
    const room = end - start + (tail?.length ?? 0)
    if (this.ids.length < room) this.ids = new Uint32Array(2 * room)
    const ids = this.ids
    this.need?.(this.data, start, end)
    const total = decodeInto(this.data, start, end, ids, 0)
    let n = 0
    for (let k = 0; k < total; k++) if (alive(ids[k])) ids[n++] = ids[k]
    if (tail) for (const id of tail) if (alive(id)) ids[n++] = id
    return n
  }

  /** Takes a new base; where lists came out shorter than their space (passages died during a bulk load), closes the gaps. */
  private install(offsets: Uint32Array, data: Uint8Array, cursor: Uint32Array, slots: number, count: number): void {
    let gaps = false
    for (let s = 0; s < slots && !gaps; s++) gaps = cursor[s] !== offsets[s + 1]
    if (gaps) {
      const tight = new Uint32Array(slots + 1)
      for (let s = 0; s < slots; s++) tight[s + 1] = tight[s] + (cursor[s] - offsets[s])
      const packed = new Uint8Array(tight[slots])
      for (let s = 0; s < slots; s++) packed.set(data.subarray(offsets[s], cursor[s]), tight[s])
      offsets = tight
      data = packed
    }
    this.offsets = offsets
    this.data = data
    this.baseSlots = slots
    this.baseCount = count
  }

  toSnapshot(): PostingSnapshot {
    if (this.tailCount || this.bulkBytes) throw new Error('merge before taking a snapshot')
    return { unigrams: this.unigrams, bigrams: this.bigrams.toSnapshot(), slots: this.slots, offsets: this.offsets, data: this.data, entries: this.baseCount }
  }

  static fromSnapshot(s: PostingSnapshot, need?: Pager['need']): PostingStore {
    const store = new PostingStore()
    store.need = need ?? null
    store.unigrams = s.unigrams
    store.bigrams = KeyTable.fromSnapshot(s.bigrams)
    store.slots = s.slots
    store.last = new Int32Array(Math.max(1 << 16, 2 * s.slots)).fill(-1)
    store.offsets = s.offsets
    store.data = s.data
    store.baseSlots = s.slots
    store.baseCount = s.entries
    return store
  }

  private growBulk(): void {
    const grown = new Uint32Array(this.last.length)
    grown.set(this.bulkBytes!)
    this.bulkBytes = grown
  }

  private newSlot(): number {
    const slot = this.slots++
    if (slot === this.last.length) {
      const grown = new Int32Array(2 * slot).fill(-1)
      grown.set(this.last)
      this.last = grown
      if (this.bulkBytes) this.growBulk()
    }
    return slot
  }
}

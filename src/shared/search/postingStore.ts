import { KeyTable } from './keyTable'

/**
 * Postings (ascending passage ids) for every character and every pair of adjacent non-space
 * characters of the folded text.
 *
 * Two tiers, because building and updating want different things:
 * - the base: one Uint32Array for all lists (offsets by slot). Compact (4 bytes an entry, no
 *   per-list objects) and built in two sequential passes, which at 25M characters is several
 *   times faster than growing half a million arrays entry by entry.
 * - the tail: a small growable array per slot for passages added since the base was built
 *   (the editor's autosave). A passage id only grows, so tail ids all follow base ids and a
 *   list stays sorted by appending.
 * merge() folds the tail into a new base and drops ids the caller says are dead.
 *
 * During a bulk load (beginBulk … endBulk) new postings go to a flat buffer instead of the
 * tail, and endBulk builds the base from it.
 */

const EMPTY = new Uint32Array(0)
const CHUNK_BITS = 20
const CHUNK = 1 << CHUNK_BITS
const CHUNK_MASK = CHUNK - 1
const SPACE = 0x20

export type PostingList = ArrayLike<number>

function newSlotState(slots: number): Int32Array {
  const state = new Int32Array(2 * slots)
  for (let s = 0; s < slots; s++) state[2 * s] = -1
  return state
}

export class PostingStore {
  private bigrams = new KeyTable()
  /** Slot of each single character (a direct table: there are only 65,536). */
  private unigrams = new Int32Array(0x10000).fill(-1)
  private slots = 0
  /**
   * Per slot, side by side so one cache line serves both: [2s] the last passage posted (a
   * passage is posted once per key however often it repeats), [2s+1] entries in the bulk buffer.
   */
  private slotState = newSlotState(1 << 16)
  private scratch = new Int32Array(1 << 12)

  private baseOffsets = new Uint32Array(1)
  private baseData = EMPTY
  private baseSlots = 0

  private tail = new Map<number, number[]>()
  private tailCount = 0

  // The bulk buffer: slot numbers passage after passage, in fixed-size chunks.
  private bulk = false
  private chunks: Int32Array[] = []
  private chunkFill = CHUNK
  private bulkPids: number[] = []
  private bulkLens: number[] = []

  get baseEntries(): number {
    return this.baseData.length
  }

  get tailEntries(): number {
    return this.tailCount
  }

  get keyCount(): number {
    return this.slots
  }

  /** The slot of a character, or -1 when it never occurred. */
  charSlot(c: number): number {
    return this.unigrams[c]
  }

  /** The slot of a pair of adjacent characters, or -1 when it never occurred. */
  pairSlotOf(a: number, b: number): number {
    return this.bigrams.get(a, b)
  }

  list(slot: number): PostingList {
    if (slot < 0) return EMPTY
    const base = slot < this.baseSlots ? this.baseData.subarray(this.baseOffsets[slot], this.baseOffsets[slot + 1]) : EMPTY
    const tail = this.tail.get(slot)
    if (!tail) return base
    if (base.length === 0) return tail
    const joined = new Uint32Array(base.length + tail.length)
    joined.set(base)
    joined.set(tail, base.length)
    return joined
  }

  beginBulk(): void {
    this.bulk = true
  }

  /** Posts a passage's folded text; returns the entries added. Ids must be given in increasing order. */
  add(pid: number, folded: string): number {
    // First the passage's distinct slots, in a tight loop over locals; then store them.
    if (this.scratch.length < 2 * folded.length) this.scratch = new Int32Array(4 * folded.length)
    const found = this.scratch
    let n = 0
    let state = this.slotState
    let prev = 0
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i)
      if (c <= SPACE) {
        prev = 0
        continue
      }
      let slot = this.unigrams[c]
      if (slot < 0) {
        slot = this.unigrams[c] = this.newSlot()
        state = this.slotState
      }
      if (state[2 * slot] !== pid) {
        state[2 * slot] = pid
        found[n++] = slot
      }
      if (prev !== 0) {
        const before = this.slots
        slot = this.bigrams.getOrAdd(prev, c, before)
        if (slot === before) {
          this.newSlot()
          state = this.slotState
        }
        if (state[2 * slot] !== pid) {
          state[2 * slot] = pid
          found[n++] = slot
        }
      }
      prev = c
    }
    if (this.bulk) this.addToBulk(pid, found, n)
    else this.addToTail(pid, found, n)
    return n
  }

  private addToBulk(pid: number, found: Int32Array, n: number): void {
    const state = this.slotState
    let chunk = this.chunks[this.chunks.length - 1]
    let fill = this.chunkFill
    for (let k = 0; k < n; k++) {
      if (fill === CHUNK) {
        chunk = new Int32Array(CHUNK)
        this.chunks.push(chunk)
        fill = 0
      }
      const slot = found[k]
      chunk[fill++] = slot
      state[2 * slot + 1]++
    }
    this.chunkFill = fill
    this.bulkPids.push(pid)
    this.bulkLens.push(n)
  }

  private addToTail(pid: number, found: Int32Array, n: number): void {
    for (let k = 0; k < n; k++) {
      const list = this.tail.get(found[k])
      if (list) list.push(pid)
      else this.tail.set(found[k], [pid])
    }
    this.tailCount += n
  }

  endBulk(alive: (pid: number) => boolean): void {
    this.bulk = false
    this.merge(alive)
  }

  /** A new base from the base, the tail and the bulk buffer, keeping only live ids. */
  merge(alive: (pid: number) => boolean): void {
    const slots = this.slots
    // Entries per slot. The bulk buffer's were counted as they came in, less dead passages'.
    const counts = new Uint32Array(slots + 1)
    const state = this.slotState
    for (let s = 0; s < slots; s++) counts[s] = state[2 * s + 1]
    const base = this.baseData
    const offsets = this.baseOffsets
    for (let s = 0; s < this.baseSlots; s++) {
      for (let i = offsets[s]; i < offsets[s + 1]; i++) if (alive(base[i])) counts[s]++
    }
    for (const [s, list] of this.tail) for (const pid of list) if (alive(pid)) counts[s]++
    const pids = this.bulkPids
    const lens = this.bulkLens
    const live = new Uint8Array(pids.length)
    let at = 0
    for (let p = 0; p < pids.length; p++) {
      live[p] = alive(pids[p]) ? 1 : 0
      if (!live[p]) for (let k = 0; k < lens[p]; k++) counts[this.chunks[(at + k) >>> CHUNK_BITS][(at + k) & CHUNK_MASK]]--
      at += lens[p]
    }

    const nextOffsets = new Uint32Array(slots + 1)
    for (let s = 0; s < slots; s++) nextOffsets[s + 1] = nextOffsets[s] + counts[s]
    const data = new Uint32Array(nextOffsets[slots])
    const cursor = nextOffsets.slice(0, slots)
    // Base, then tail, then bulk: that is increasing id order, so every list comes out sorted.
    for (let s = 0; s < this.baseSlots; s++) {
      for (let i = offsets[s]; i < offsets[s + 1]; i++) if (alive(base[i])) data[cursor[s]++] = base[i]
    }
    for (const [s, list] of this.tail) for (const pid of list) if (alive(pid)) data[cursor[s]++] = pid
    at = 0
    for (let p = 0; p < pids.length; p++) {
      const end = at + lens[p]
      if (live[p]) {
        const pid = pids[p]
        for (let k = at; k < end; k++) data[cursor[this.chunks[k >>> CHUNK_BITS][k & CHUNK_MASK]]++] = pid
      }
      at = end
    }

    this.baseOffsets = nextOffsets
    this.baseData = data
    this.baseSlots = slots
    this.tail = new Map()
    this.tailCount = 0
    this.chunks = []
    this.chunkFill = CHUNK
    this.bulkPids = []
    this.bulkLens = []
    for (let s = 0; s < slots; s++) state[2 * s + 1] = 0
  }

  private newSlot(): number {
    const slot = this.slots++
    if (2 * slot === this.slotState.length) {
      const grown = newSlotState(2 * slot)
      grown.set(this.slotState)
      this.slotState = grown
    }
    return slot
  }
}

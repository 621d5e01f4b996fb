/**
 * Pair of UTF-16 code units → slot number, open addressing with linear probing. The pair's
 * 32-bit key is past V8's small-integer range: kept inside these methods it stays a machine
 * word, while a Map<number, …> (or any call taking the key) would box every one of the tens of
 * millions of lookups a build does. Key and slot sit side by side so a lookup touches one cache
 * line. Key 0 marks an empty cell (no indexed character has code 0).
 */
export interface KeyTableSnapshot {
  cells: Uint32Array
  size: number
}

export class KeyTable {
  /** [key, slot] pairs. */
  private cells: Uint32Array
  private shift: number
  private mask: number
  size = 0

  constructor(initialBits = 16) {
    this.cells = new Uint32Array(2 << initialBits)
    this.shift = 32 - initialBits
    this.mask = (1 << initialBits) - 1
  }

  get bytes(): number {
    return this.cells.byteLength
  }

  toSnapshot(): KeyTableSnapshot {
    return { cells: this.cells, size: this.size }
  }

  static fromSnapshot(s: KeyTableSnapshot): KeyTable {
    const bits = Math.log2(s.cells.length / 2)
    if (!Number.isInteger(bits)) throw new Error('bad key table')
    const table = new KeyTable(bits)
    table.cells = s.cells
    table.size = s.size
    return table
  }

  /** The pair's slot, or -1. */
  get(a: number, b: number): number {
    const key = ((a << 16) | b) >>> 0
    const cells = this.cells
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift
    for (;;) {
      const k = cells[2 * i]
      if (k === key) return cells[2 * i + 1]
      if (k === 0) return -1
      i = (i + 1) & this.mask
    }
  }

  /** The pair's slot; a new pair gets `slotIfNew` (and `size` grows by one). */
  getOrAdd(a: number, b: number, slotIfNew: number): number {
    const key = ((a << 16) | b) >>> 0
    const cells = this.cells
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift
    for (;;) {
      const k = cells[2 * i]
      if (k === key) return cells[2 * i + 1]
      if (k === 0) break
      i = (i + 1) & this.mask
    }
    cells[2 * i] = key
    cells[2 * i + 1] = slotIfNew
    // Under 70% full probe runs stay short, and a smaller table stays in cache more.
    if (++this.size * 10 > (this.mask + 1) * 7) this.grow()
    return slotIfNew
  }

  private grow(): void {
    const old = this.cells
    const bits = 32 - this.shift + 1
    this.cells = new Uint32Array(2 << bits)
    this.shift = 32 - bits
    this.mask = (1 << bits) - 1
    for (let j = 0; j < old.length; j += 2) {
      const key = old[j]
      if (key === 0) continue
      let i = Math.imul(key, 0x9e3779b1) >>> this.shift
      while (this.cells[2 * i] !== 0) i = (i + 1) & this.mask
      this.cells[2 * i] = key
      this.cells[2 * i + 1] = old[j + 1]
    }
  }
}

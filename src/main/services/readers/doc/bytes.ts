/**
 * Bounds-checked little-endian reads over a stream of a Word 97 file. A damaged or
 * hostile file makes a read fall outside its stream; that is reported as one error
 * the reader turns into a clear message, never a crash or a read of other memory.
 */
export class DocFormatError extends Error {}

export class Bytes {
  constructor(readonly buf: Uint8Array) {}

  get length(): number {
    return this.buf.length
  }

  private check(offset: number, size: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset + size > this.buf.length) throw new DocFormatError(`read past the end (${offset}+${size} of ${this.buf.length})`)
  }

  u8(o: number): number {
    this.check(o, 1)
    return this.buf[o]
  }

  u16(o: number): number {
    this.check(o, 2)
    return this.buf[o] | (this.buf[o + 1] << 8)
  }

  i16(o: number): number {
    const v = this.u16(o)
    return v >= 0x8000 ? v - 0x10000 : v
  }

  u32(o: number): number {
    this.check(o, 4)
    return (this.buf[o] | (this.buf[o + 1] << 8) | (this.buf[o + 2] << 16)) + this.buf[o + 3] * 0x1000000
  }

  i32(o: number): number {
    const v = this.u32(o)
    return v >= 0x80000000 ? v - 0x100000000 : v
  }

  slice(o: number, size: number): Bytes {
    this.check(o, size)
    return new Bytes(this.buf.subarray(o, o + size))
  }

  /** `count` UTF-16LE code units. */
  utf16(o: number, count: number): string {
    this.check(o, count * 2)
    let s = ''
    for (let i = 0; i < count; i++) s += String.fromCharCode(this.buf[o + 2 * i] | (this.buf[o + 2 * i + 1] << 8))
    return s
  }
}

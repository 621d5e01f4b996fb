/**
 * Finds the values of a large JSON document as its bytes arrive, without holding the document:
 * the caller says, for each value by its path, whether to receive it whole (its raw bytes, to
 * JSON.parse natively) or to step inside it. A backup of thousands of reports is read this way
 * one record at a time.
 *
 * Why not a streaming JSON parser from npm (@streamparser/json was tried): the reader must see
 * every top-level member of a backup, including ones a later version adds (they count in the
 * whole-file checksum), except `payload`, which holds the archive and must never be built whole.
 * That parser selects by a whitelist of paths, which cannot say "all but one". Speed was no reason
 * either way: both read a 34 MB backup in about 1.5–2 s here, most of it in decoding and parsing.
 *
 * Structural characters are ASCII, so scanning UTF-8 bytes is exact, valid UTF-8 or not.
 */

export type JsonPath = readonly (string | number)[]

/** 'take': deliver the value whole; 'enter': descend into it (objects and arrays only). */
export type JsonSelect = (path: JsonPath) => 'take' | 'enter'

export class JsonSyntaxError extends Error {}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
const isDelimiter = (b: number) => b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isSpace(b)

/** Where the navigator stands inside an entered container. */
interface Frame {
  kind: 'object' | 'array'
  /** The next array index, or the key just read. */
  index: number
  key: string
  /** What comes next: a key ('key'), ':' ('colon'), a value, or ',' / the close ('after'). */
  expect: 'key' | 'colon' | 'value' | 'after'
  /** Nothing read yet: a close is allowed in place of the first key or value. */
  empty: boolean
}

const decoder = new TextDecoder('utf-8')

/** A copy of part of the bytes (a Node Buffer's slice() would be a view, not a copy). */
const copyOf = (bytes: Uint8Array, start: number, end: number) => new Uint8Array(bytes.subarray(start, end))

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

export class JsonScanner {
  private frames: Frame[] = []
  private started = false
  private finished = false
  // A value being taken (or a key being read): its bytes so far and how far into it the scan is.
  private parts: Uint8Array[] = []
  private partsLength = 0
  private capturing: 'value' | 'key' | null = null
  private capturePath: JsonPath = []
  private depth = 0
  private inString = false
  private escaped = false
  /** A number or literal (true, false, null): it ends at the first delimiter. */
  private bare = false

  constructor(
    private readonly select: JsonSelect,
    private readonly onValue: (path: JsonPath, raw: Uint8Array) => void
  ) {}

  /** Whether nothing but whitespace has been seen. */
  get isEmpty(): boolean {
    return !this.started
  }

  /** Scans the next bytes; throws JsonSyntaxError where the structure is not JSON. */
  write(bytes: Uint8Array): void {
    let i = 0
    while (i < bytes.length) {
      if (this.capturing) i = this.capture(bytes, i)
      else i = this.navigate(bytes, i)
    }
  }

  /** The end of the document: throws JsonSyntaxError when it is incomplete. */
  end(): void {
    if (this.capturing === 'value' && this.bare && this.depth === 0) this.deliver(new Uint8Array(0), 0, 0)
    if (!this.finished || this.capturing) throw new JsonSyntaxError('unexpected end of JSON')
  }

  private path(): (string | number)[] {
    return this.frames.map((f) => (f.kind === 'array' ? f.index : f.key))
  }

  /** The structure around the taken values, one byte at a time (it is only a few bytes). */
  private navigate(bytes: Uint8Array, i: number): number {
    const b = bytes[i]
    if (isSpace(b)) return i + 1
    if (this.finished) throw new JsonSyntaxError('data after the end of JSON')
    const frame = this.frames[this.frames.length - 1]
    if (!frame) {
      if (this.started) throw new JsonSyntaxError('unexpected data')
      this.started = true
      return this.beginValue(bytes, i, [])
    }
    switch (frame.expect) {
      case 'key':
        if (b === CLOSE_OBJECT && frame.empty) return this.close(i)
        if (b !== QUOTE) throw new JsonSyntaxError('expected a key')
        this.capturing = 'key'
        this.startCapture()
        this.depth = 0
        this.inString = true
        this.escaped = false
        this.bare = false
        this.appendByte(bytes, i)
        return i + 1
      case 'colon':
        if (b !== COLON) throw new JsonSyntaxError('expected :')
        frame.expect = 'value'
        return i + 1
      case 'value':
        if (frame.kind === 'array' && b === CLOSE_ARRAY && frame.empty) return this.close(i)
        frame.empty = false
        return this.beginValue(bytes, i, this.path())
      case 'after':
        if (b === COMMA) {
          if (frame.kind === 'array') {
            frame.index++
            frame.expect = 'value'
          } else {
            frame.expect = 'key'
          }
          return i + 1
        }
        if ((frame.kind === 'object' && b === CLOSE_OBJECT) || (frame.kind === 'array' && b === CLOSE_ARRAY)) return this.close(i)
        throw new JsonSyntaxError('expected , or a close')
    }
  }

  private close(i: number): number {
    this.frames.pop()
    this.valueDone()
    return i + 1
  }

  /** After a whole value: its container expects a comma, or the document is complete. */
  private valueDone(): void {
    const parent = this.frames[this.frames.length - 1]
    if (parent) parent.expect = 'after'
    else this.finished = true
  }

  private beginValue(bytes: Uint8Array, i: number, path: JsonPath): number {
    const b = bytes[i]
    const container = b === OPEN_OBJECT || b === OPEN_ARRAY
    if (container && this.select(path) === 'enter') {
      this.frames.push({ kind: b === OPEN_OBJECT ? 'object' : 'array', index: 0, key: '', expect: b === OPEN_OBJECT ? 'key' : 'value', empty: true })
      return i + 1
    }
    if (b === CLOSE_OBJECT || b === CLOSE_ARRAY || b === COMMA || b === COLON) throw new JsonSyntaxError('expected a value')
    this.capturing = 'value'
    this.capturePath = path
    this.startCapture()
    this.depth = 0
    this.inString = false
    this.escaped = false
    this.bare = !container && b !== QUOTE
    return i
  }

  private startCapture(): void {
    this.parts = []
    this.partsLength = 0
  }

  private appendByte(bytes: Uint8Array, i: number): void {
    // A copy: the caller may reuse its buffer for the next chunk.
    this.parts.push(copyOf(bytes, i, i + 1))
    this.partsLength++
  }

  /** The bulk of the document: skims a taken value (or a key) to its end. */
  private capture(bytes: Uint8Array, from: number): number {
    let i = from
    const n = bytes.length
    let depth = this.depth
    let inString = this.inString
    let escaped = this.escaped
    const bare = this.bare
    for (; i < n; i++) {
      const b = bytes[i]
      if (inString) {
        if (escaped) escaped = false
        else if (b === BACKSLASH) escaped = true
        else if (b === QUOTE) {
          inString = false
          if (depth === 0) {
            this.inString = false
            return this.deliver(bytes, from, i + 1)
          }
        }
      } else if (bare) {
        if (isDelimiter(b)) {
          this.inString = false
          return this.deliver(bytes, from, i)
        }
      } else if (b === QUOTE) {
        inString = true
      } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        depth++
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        depth--
        if (depth === 0) return this.deliver(bytes, from, i + 1)
        if (depth < 0) throw new JsonSyntaxError('unbalanced close')
      }
    }
    // The chunk ended inside the value: keep its bytes (copied: the caller may reuse its buffer).
    this.parts.push(copyOf(bytes, from, n))
    this.partsLength += n - from
    this.depth = depth
    this.inString = inString
    this.escaped = escaped
    return n
  }

  /** The taken value (or key) ends at `end` of this chunk. */
  private deliver(bytes: Uint8Array, from: number, end: number): number {
    this.parts.push(bytes.subarray(from, end))
    this.partsLength += end - from
    const raw = concat(this.parts, this.partsLength)
    this.parts = []
    const what = this.capturing
    this.capturing = null
    if (what === 'key') {
      const frame = this.frames[this.frames.length - 1]
      let key: unknown
      try {
        key = JSON.parse(decoder.decode(raw))
      } catch {
        throw new JsonSyntaxError('bad key')
      }
      frame.key = String(key)
      frame.expect = 'colon'
    } else {
      this.onValue(this.capturePath, raw)
      this.valueDone()
    }
    return end
  }
}

/**
 * The search index snapshot as one binary file: a short header, the snapshot's small values as
 * JSON, then each typed array and each long text as raw bytes, 8-byte aligned. A start reads it
 * with a few synchronous reads straight into the arrays the index keeps (no copy, no parsing of
 * the big parts), which is what makes loading 100 MB take a few hundred milliseconds instead of
 * the second IndexedDB takes to hand over as many bytes.
 *
 * The postings' bytes and the passages' texts, nine tenths of the file, may be left there at a
 * start and read as they are needed (openSnapshot, filePager.ts).
 *
 * Typed arrays are written in the machine's byte order: the file never leaves the machine.
 */
import { FilePager, type ReadAt } from './filePager'
import type { SearchIndex, SearchSnapshot } from './searchIndex'
import { codeUnits, fromCodeUnits } from './utf16'

export type { ReadAt } from './filePager'

const MAGIC = 0x4953_4a5a // "ZJSI" read little-endian
/** Bumped whenever the layout changes: an older file is then ignored and the index rebuilt. */
export const SNAPSHOT_FILE_FORMAT = 1
const HEADER = 16
/** Strings at least this long are stored as UTF-16 bytes, not inside the JSON. */
const LONG_TEXT = 1024

type Kind = 'u8' | 'u16' | 'u32' | 'i32' | 'text'
type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array
/**
 * A block of the file: what it holds, where it starts, how many elements (code units for a text),
 * and its group. Each group is read into one buffer of its own, which lives as long as any array
 * in it: the passages' texts (dropped once made into strings) in one, each large array (the
 * postings, replaced when they are next rewritten) alone, the many small ones together. One
 * buffer for all would keep everything for as long as the longest-lived array; one per array
 * would make a start allocate a hundred buffers, each of which may set off a garbage collection.
 */
type Block = [Kind, number, number, number]
const SMALL = 0
const TEXTS = 1
/** An array this large gets a group of its own (tests lower it). */
const LARGE = 1 << 20

const BYTES: Record<Kind, number> = { u8: 1, u16: 2, u32: 4, i32: 4, text: 2 }
const align = (n: number) => (n + 7) & ~7
const isRef = (v: unknown): v is { $bin: number } => v !== null && typeof v === 'object' && '$bin' in v

function kindOf(a: ArrayBufferView): Kind {
  if (a instanceof Uint8Array) return 'u8'
  if (a instanceof Uint16Array) return 'u16'
  if (a instanceof Uint32Array) return 'u32'
  if (a instanceof Int32Array) return 'i32'
  throw new Error(`search snapshot: cannot store ${a.constructor.name}`)
}

/**
 * The index as the file's bytes, in parts to write one after another. The typed arrays are the
 * index's own, not copies; each long text is turned into bytes as the index cuts it, so packing
 * never holds the texts twice over.
 */
export function packIndex(index: Pick<SearchIndex, 'toSnapshot'>, options: { large?: number } = {}): Uint8Array[] {
  const large = options.large ?? LARGE
  const blocks: Block[] = []
  const bytesOf: Uint8Array[] = []
  let groups = TEXTS + 1
  const put = (kind: Kind, bytes: Uint8Array, length: number, group = bytes.byteLength >= large ? groups++ : SMALL): { $bin: number } => {
    blocks.push([kind, 0, length, group])
    bytesOf.push(bytes)
    return { $bin: blocks.length - 1 }
  }
  const text = (v: string, kind: 'text' | 'u16', group?: number) => put(kind, new Uint8Array(codeUnits(v).buffer), v.length, group)
  const out = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) return put(kindOf(v), new Uint8Array(v.buffer, v.byteOffset, v.byteLength), v.byteLength / BYTES[kindOf(v)])
    if (typeof v === 'string' && v.length >= LONG_TEXT) return text(v, 'text')
    if (isRef(v)) return v
    if (Array.isArray(v)) return v.map(out)
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, out(x)]))
    return v
  }
  const texts: { $bin: number }[] = []
  // The passages' texts stay code units when loaded (PassageTable makes strings of them as needed).
  const snapshot = index.toSnapshot((t) => texts.push(text(t, 'u16', TEXTS)))
  // Groups a reader may leave in the file until they are needed: the texts, and each store's
  // postings, of which a query reads a few lists.
  const later = [TEXTS]
  const paged = <T extends { data: Uint8Array }>(store: T) => {
    later.push(groups)
    return { ...store, data: put('u8', store.data, store.data.length, groups++) }
  }
  const tree = out({ ...snapshot, store: paged(snapshot.store), heads: paged(snapshot.heads), passages: { ...snapshot.passages, texts } })
  // Laid out group by group, so each group is one stretch of the file.
  const body: Uint8Array[] = []
  let at = 0
  const order = blocks.map((_, i) => i).sort((x, y) => blocks[x][3] - blocks[y][3] || x - y)
  for (const i of order) {
    const bytes = bytesOf[i]
    blocks[i][1] = at
    body.push(bytes)
    const padded = align(bytes.byteLength)
    if (padded > bytes.byteLength) body.push(new Uint8Array(padded - bytes.byteLength))
    at += padded
  }
  const json = new TextEncoder().encode(JSON.stringify({ tree, blocks, later }))
  const start = align(HEADER + json.byteLength)
  const head = new Uint8Array(start)
  const words = new Uint32Array(head.buffer, 0, 4)
  words[0] = MAGIC
  words[1] = SNAPSHOT_FILE_FORMAT
  words[2] = json.byteLength
  words[3] = start + at
  head.set(json, HEADER)
  return [head, ...body]
}

/**
 * The snapshot from a file of `size` bytes, read whole. Throws if the file is not a whole snapshot
 * of this format (a write cut short, an older layout): the caller then builds the index again.
 */
export function unpackSnapshot(read: ReadAt, size: number): SearchSnapshot {
  const { snapshot, pager } = openSnapshot(read, size)
  pager.finish()
  return snapshot
}

/**
 * As unpackSnapshot, but the groups the file marks `later` are only allocated: the pager reads
 * them as they are needed and, once all is read (or the pager is released), calls `close`.
 */
export function openSnapshot(read: ReadAt, size: number, close: () => void = () => {}): { snapshot: SearchSnapshot; pager: FilePager } {
  if (size < HEADER) throw new Error('search snapshot: file too short')
  const header = new Uint32Array(4)
  read(new Uint8Array(header.buffer), 0)
  const [magic, format, jsonLength, total] = header
  if (magic !== MAGIC || format !== SNAPSHOT_FILE_FORMAT) throw new Error('search snapshot: not a snapshot of this format')
  if (total !== size || HEADER + jsonLength > size) throw new Error(`search snapshot: ${size} bytes where the header says ${total}`)
  const json = new Uint8Array(jsonLength)
  read(json, HEADER)
  // `later` is absent from files written before paging: everything is then read at once.
  const { tree, blocks, later = [] } = JSON.parse(new TextDecoder().decode(json)) as { tree: unknown; blocks: Block[]; later?: number[] }
  const start = align(HEADER + jsonLength)
  for (const [kind, offset, length] of blocks) if (start + offset + length * BYTES[kind] > size) throw new Error('search snapshot: a block runs past the end')
  // Each group's blocks lie together: one buffer and one read per group.
  const pager = new FilePager(read, close)
  const buffers = new Map<number, { from: number; buffer: ArrayBuffer }>()
  for (const group of new Set(blocks.map((b) => b[3]))) {
    const mine = blocks.filter((b) => b[3] === group)
    const from = Math.min(...mine.map((b) => b[1]))
    const to = Math.max(...mine.map(([kind, offset, length]) => offset + length * BYTES[kind]))
    if (later.includes(group)) {
      if (mine.some(([kind]) => kind === 'text')) throw new Error('search snapshot: a string cannot be read later')
      buffers.set(group, { from, buffer: pager.region(start + from, to - from) })
      continue
    }
    const bytes = new Uint8Array(to - from)
    read(bytes, start + from)
    buffers.set(group, { from, buffer: bytes.buffer })
  }
  const values = blocks.map(([kind, offset, length, group]): TypedArray | string => {
    const { from, buffer } = buffers.get(group)!
    const at = offset - from
    const array = kind === 'u8' ? new Uint8Array(buffer, at, length) : kind === 'i32' ? new Int32Array(buffer, at, length) : kind === 'u32' ? new Uint32Array(buffer, at, length) : new Uint16Array(buffer, at, length)
    return kind === 'text' ? fromCodeUnits(array as Uint16Array) : array
  })
  const revive = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(revive)
    if (v === null || typeof v !== 'object') return v
    if (isRef(v)) return values[v.$bin]
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]))
  }
  const snapshot = revive(tree) as SearchSnapshot
  pager.closeIfComplete()
  return { snapshot, pager }
}

/** A ReadAt over bytes in memory (tests, a file read whole). */
export function readFrom(bytes: Uint8Array): ReadAt {
  return (into, at) => {
    if (at + into.byteLength > bytes.byteLength) throw new Error('search snapshot: read past the end')
    into.set(bytes.subarray(at, at + into.byteLength))
  }
}

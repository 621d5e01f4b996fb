/**
 * Content-defined chunking: a long text is cut where its own content says (a rolling hash over
 * the last 32 characters hits a pattern), not at fixed offsets. An edit therefore changes only the
 * chunks around it; text before and after it still cuts into the same chunks, so consecutive
 * versions of a report share all but a few chunks and each shared chunk is stored once.
 */
import { sha256 } from '../backup/sha256'
import { seededRandom } from '../random'

/** No chunk shorter than this (but the last), none longer than MAX_CHUNK; about 2,000 on average. */
export const MIN_CHUNK = 512
export const MAX_CHUNK = 8192
const BOUNDARY_MASK = 0x7ff

/** A random 32-bit number per UTF-16 code unit ("gear" table), fixed by its seed: chunks must cut the same forever. */
const GEAR: Uint32Array = (() => {
  const next = seededRandom(0x5eed_c0de)
  const table = new Uint32Array(0x10000)
  for (let i = 0; i < table.length; i++) table[i] = Math.floor(next() * 0x1_0000_0000) >>> 0
  return table
})()

/** The text cut into chunks; joined, they give the text back exactly. */
export function chunkText(text: string): string[] {
  const chunks: string[] = []
  let start = 0
  let hash = 0
  for (let i = 0; i < text.length; i++) {
    hash = ((hash << 1) + GEAR[text.charCodeAt(i)]) >>> 0
    const length = i + 1 - start
    // Never between the two halves of a surrogate pair.
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) continue
    if ((length >= MIN_CHUNK && (hash & BOUNDARY_MASK) === 0) || length >= MAX_CHUNK) {
      chunks.push(text.slice(start, i + 1))
      start = i + 1
      hash = 0
    }
  }
  if (start < text.length || chunks.length === 0) chunks.push(text.slice(start))
  return chunks
}

/**
 * A chunk's key: 128 bits of the SHA-256 of its UTF-16 code units, in hex (collisions are out of
 * reach at any archive size). Code units rather than UTF-8, so even a lone surrogate keeps two
 * different texts apart.
 */
export function chunkKey(chunk: string): string {
  const bytes = new Uint8Array(chunk.length * 2)
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i)
    bytes[2 * i] = c & 0xff
    bytes[2 * i + 1] = c >>> 8
  }
  let hex = ''
  for (const byte of sha256(bytes).subarray(0, 16)) hex += byte.toString(16).padStart(2, '0')
  return hex
}

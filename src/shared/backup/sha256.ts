/**
 * SHA-256 for the backup checksums and the version chunks. The synchronous one is @noble/hashes:
 * the same in main, the renderer, the CLI and tests. It is pure script, though (~25 MB/s), so the
 * heavy users take a faster one where there is one: main passes node:crypto's to the backup
 * codec (Sha256Hex), and the restore planner, which is async anyway, uses Web Crypto's.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/** Lower-case hex SHA-256 of a string's UTF-8 bytes, or of bytes. */
export type Sha256Hex = (data: string | Uint8Array) => string

/** The 32-byte digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data)
}

export const sha256Hex: Sha256Hex = (data) => bytesToHex(nobleSha256(typeof data === 'string' ? utf8ToBytes(data) : data))

const utf8 = new TextEncoder()

/**
 * The same digest as sha256Hex, by Web Crypto where the page has it (a secure context, Node):
 * native and about twenty times faster on long texts. Elsewhere the synchronous one.
 */
export async function sha256HexAsync(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return sha256Hex(text)
  return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', utf8.encode(text))))
}

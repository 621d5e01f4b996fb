/**
 * SHA-256 for the backup checksums and the version chunks, from @noble/hashes: synchronous (the
 * checksums are needed while encoding and in the restore preview) and the same in main, the
 * renderer, the CLI and tests, where node:crypto exists only in some and Web Crypto is async.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/** The 32-byte digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data)
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(nobleSha256(utf8ToBytes(text)))
}

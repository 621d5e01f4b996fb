/**
 * SHA-256 (FIPS 180-4) in plain TypeScript.
 *
 * Why not node:crypto or Web Crypto: the backup format lives in src/shared, which must run the
 * same in main, the renderer, the CLI and tests, and checksums are needed synchronously while
 * encoding and in the restore preview. Web Crypto's digest is async and node:crypto is not
 * available in the renderer; a 100-line hash is the smaller dependency.
 */

/** The first 32 bits of the fractional parts of the square (H0) or cube (K) roots of the first primes. */
function rootConstants(count: number, root: (n: number) => number): Int32Array {
  const out = new Int32Array(count)
  let found = 0
  for (let n = 2; found < count; n++) {
    let prime = true
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false
        break
      }
    }
    if (!prime) continue
    const r = root(n)
    out[found++] = ((r - Math.floor(r)) * 0x1_0000_0000) | 0
  }
  return out
}

// Computed rather than typed in: 72 hand-copied hex numbers are 72 chances for a typo. The test
// vectors pin them down (double precision leaves ~50 bits of fraction, 32 are needed).
const H0 = rootConstants(8, Math.sqrt)
const K = rootConstants(64, Math.cbrt)

const w = new Int32Array(64)

/** Mixes one 64-byte block at `offset` of `view` into the state `h`. */
function compress(h: Int32Array, view: DataView, offset: number): void {
  for (let i = 0; i < 16; i++) w[i] = view.getInt32(offset + i * 4) // big-endian
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]
    const y = w[i - 2]
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0
  }
  let a = h[0]
  let b = h[1]
  let c = h[2]
  let d = h[3]
  let e = h[4]
  let f = h[5]
  let g = h[6]
  let k = h[7]
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const ch = (e & f) ^ (~e & g)
    const t1 = (k + s1 + ch + K[i] + w[i]) | 0
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const maj = (a & b) ^ (a & c) ^ (b & c)
    const t2 = (s0 + maj) | 0
    k = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  h[0] = (h[0] + a) | 0
  h[1] = (h[1] + b) | 0
  h[2] = (h[2] + c) | 0
  h[3] = (h[3] + d) | 0
  h[4] = (h[4] + e) | 0
  h[5] = (h[5] + f) | 0
  h[6] = (h[6] + g) | 0
  h[7] = (h[7] + k) | 0
}

/** The 32-byte digest of `data`. Full blocks are read in place: a large backup is not copied. */
export function sha256(data: Uint8Array): Uint8Array {
  const h = H0.slice()
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const full = data.length - (data.length % 64)
  for (let off = 0; off < full; off += 64) compress(h, view, off)

  // The tail, the 0x80 marker and the 64-bit big-endian bit length: one or two more blocks.
  const rest = data.length - full
  const tail = new Uint8Array(rest < 56 ? 64 : 128)
  tail.set(data.subarray(full))
  tail[rest] = 0x80
  const tailView = new DataView(tail.buffer)
  const bits = data.length * 8
  tailView.setUint32(tail.length - 8, Math.floor(bits / 0x1_0000_0000))
  tailView.setUint32(tail.length - 4, bits >>> 0)
  for (let off = 0; off < tail.length; off += 64) compress(h, tailView, off)

  const out = new Uint8Array(32)
  const outView = new DataView(out.buffer)
  for (let i = 0; i < 8; i++) outView.setInt32(i * 4, h[i])
  return out
}

const encoder = new TextEncoder()

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  const digest = sha256(encoder.encode(text))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256, sha256Hex } from './sha256'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
    )
  })

  it('agrees with node:crypto on random data, and hashes only the bytes of a view', () => {
    const big = randomBytes(300_017)
    expect(hex(sha256(big))).toBe(createHash('sha256').update(big).digest('hex'))
    expect(hex(sha256(big.subarray(5, 1005)))).toBe(createHash('sha256').update(big.subarray(5, 1005)).digest('hex'))
  })

  it('hashes strings as UTF-8', () => {
    const text = '2024年工作总结：入园率93%。\u{20000}'
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
  })
})

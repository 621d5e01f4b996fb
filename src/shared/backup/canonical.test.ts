import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CanonicalFragment, canonicalJson } from './canonical'

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, 'x'], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[1,null,"x"]},"b":1}')
  })

  it('is independent of key order and reads back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value)
        const parsed: unknown = JSON.parse(text)
        expect(canonicalJson(parsed)).toBe(text)
        // JSON.stringify agrees on the value (it keeps -0 as 0 as well).
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)))
      })
    )
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }))
  })

  it('escapes lone surrogates so the text is valid UTF-8', () => {
    expect(canonicalJson('\ud800中')).toBe('"\\ud800中"')
  })

  it('splices fragments verbatim', () => {
    expect(canonicalJson({ b: new CanonicalFragment('{"x":1}'), a: 2 })).toBe('{"a":2,"b":{"x":1}}')
  })

  it('refuses values JSON would change', () => {
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/\.when/)
    expect(() => canonicalJson(new Map())).toThrow(TypeError)
    expect(() => canonicalJson(undefined)).toThrow(TypeError)
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError)
  })
})

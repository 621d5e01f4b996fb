import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonScanner, JsonSyntaxError, type JsonPath } from './jsonScan'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Scans `text` cut into pieces at `cuts`; returns each taken value parsed, with its path. */
function scan(text: string, select: (path: JsonPath) => 'take' | 'enter', cuts: number[] = []): [JsonPath, unknown][] {
  const bytes = encoder.encode(text)
  const out: [JsonPath, unknown][] = []
  const scanner = new JsonScanner(select, (path, raw) => out.push([path, JSON.parse(decoder.decode(raw))]))
  // One buffer, reused for every piece, as a file reader does: nothing may keep a view into it.
  const buffer = Buffer.alloc(bytes.length)
  const write = (from: number, to: number) => {
    buffer.set(bytes.subarray(from, to))
    scanner.write(buffer.subarray(0, to - from))
    buffer.fill(0x20)
  }
  let at = 0
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    write(at, cut)
    at = cut
  }
  write(at, bytes.length)
  scanner.end()
  return out
}

/** The same selection done on the parsed value: what the scanner must deliver. */
function expected(value: unknown, select: (path: JsonPath) => 'take' | 'enter', path: (string | number)[] = []): [JsonPath, unknown][] {
  const container = value !== null && typeof value === 'object'
  if (!container || select(path) === 'take') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => expected(v, select, [...path, i]))
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => expected(v, select, [...path, k]))
}

describe('JsonScanner', () => {
  it('delivers exactly the selected values, however the bytes are cut, pretty-printed or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (value, depth, cuts, pretty) => {
        const select = (path: JsonPath) => (path.length >= depth ? 'take' : 'enter')
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)
        // JSON.stringify of -0 is "0": compare with what the text itself says.
        expect(scan(text, select, cuts)).toEqual(expected(JSON.parse(text), select))
      }),
      { numRuns: 400 }
    )
  })

  it('reads a backup-shaped document record by record', () => {
    const doc = { app: { version: '1' }, payload: { reports: [{ checksum: 'a', record: { t: '报告"}{[' } }, { checksum: 'b', record: {} }], settings: [] }, version: 1 }
    const select = (p: JsonPath) => (p[0] === 'payload' && p.length < 3 ? 'enter' : p.length === 0 ? 'enter' : 'take')
    expect(scan(JSON.stringify(doc), select, [5, 40, 41])).toEqual([
      [['app'], { version: '1' }],
      [['payload', 'reports', 0], doc.payload.reports[0]],
      [['payload', 'reports', 1], doc.payload.reports[1]],
      [['version'], 1]
    ])
  })

  it('refuses what is not JSON, and a document cut short', () => {
    const enter = () => 'enter' as const
    for (const bad of ['{"a":1,}', '[1,]', '{"a" 1}', '{"a":1}}', '[1 2]', '{1:2}', '', '{"a":[1,2]', ']']) {
      expect(() => scan(bad, enter), bad).toThrow(JsonSyntaxError)
    }
  })
})

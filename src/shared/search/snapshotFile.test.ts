import { describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section, type Report } from '../doc/model'
import { SearchIndex } from './searchIndex'
import { openSnapshot, packIndex, readFrom, unpackSnapshot } from './snapshotFile'
import type { SearchFacets } from './types'

const FACETS: SearchFacets = { year: 2024, kind: 'annual', status: 'draft', unit: '城关镇中心校' }

function report(title: string, ...paragraphs: string[]): Report {
  const r = emptyReport({ title })
  r.sections = [section(1, '主要做法', paragraphs.map((p) => paragraph(p)))]
  return r
}

function file(index: SearchIndex, large?: number): Uint8Array {
  const parts = packIndex(index, { large })
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) {
    bytes.set(p, at)
    at += p.byteLength
  }
  return bytes
}

const load = (bytes: Uint8Array) => SearchIndex.fromSnapshot(unpackSnapshot(readFrom(bytes), bytes.byteLength))

/** An index with long texts (stored as bytes), a changed and a removed report, a BOM at a text's start. */
function sampleIndex(): SearchIndex {
  const index = new SearchIndex()
  const long = '全年组织教师培训十二期，参训教师一千二百人次，学区建设稳步推进。'.repeat(80)
  index.upsert('a', report('教师培训总结', long, '入园率达93%。'), { ...FACETS, year: 2023 })
  index.upsert('b', report('\uFEFF学区建设', '学区建设、教师培训两手抓。😀 Excel 表格'), FACETS)
  index.upsert('c', report('丙', '旧内容'), FACETS)
  index.upsert('c', report('丙', '教师培训新内容'), { ...FACETS, kind: 'special' })
  index.upsert('d', report('丁', '教师培训'), FACETS)
  index.remove('d')
  return index
}

/** Reports enough for texts in several chunks and postings of over a megabyte. */
function largeIndex(): SearchIndex {
  const index = new SearchIndex()
  const words = ['教师培训', '学区建设', '课程改革', '校园安全', '后勤保障', '家校共育']
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const char = () => String.fromCharCode(0x4e00 + Math.floor(next() * 400))
  for (let i = 0; i < 300; i++) {
    const body = Array.from({ length: 600 }, (_, k) => words[(i * 7 + k) % words.length] + String(i) + char() + char() + char() + char() + '，').join('')
    index.upsert(`r${i}`, report(`第${i}号报告`, body.slice(0, 3000), body.slice(3000)), FACETS)
  }
  return index
}

describe('the search index as one file', () => {
  it('loads back an index that answers every query as the one saved', () => {
    const index = sampleIndex()
    const copy = load(file(index))
    for (const q of ['教师培训', '培', '学区建设 教师培训', '入园率', '旧内容', '93%', '学区', '😀', 'excel']) {
      expect(copy.query(q)).toEqual(index.query(q))
      expect(copy.query(q, { filter: { kind: 'special' } })).toEqual(index.query(q, { filter: { kind: 'special' } }))
    }
    expect(copy.stats()).toEqual(index.stats())
  })

  it('answers the same while its texts are still code units, after some changes, once settled, and saved again', () => {
    const index = sampleIndex()
    const copy = load(file(index))
    const queries = ['教师培训', '学区建设 教师培训', '入园率', '新内容', '😀']
    for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
    for (const i of [index, copy]) {
      i.upsert('e', report('戊', '新增的教师培训内容'), FACETS)
      i.remove('b')
    }
    for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
    expect(copy.settle()).toBe(false) // one chunk: settled in one step
    for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
    const again = load(file(load(file(index))))
    for (const q of queries) expect(again.query(q)).toEqual(index.query(q))
  })

  it('settles texts saved in several chunks one chunk a step, every passage in its place', () => {
    const index = largeIndex()
    const copy = load(file(index))
    const queries = ['教师培训299', '第150号', '课程改革7，', '家校共育']
    for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
    let steps = 1
    while (copy.settle()) steps++
    expect(steps).toBeGreaterThan(1)
    for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
  })

  it('reads no byte of the file twice, in a few reads', () => {
    // Arrays from 64 kB on in groups of their own, as the postings of a large archive are.
    const bytes = file(largeIndex(), 1 << 16)
    let read = 0
    let calls = 0
    const from = readFrom(bytes)
    SearchIndex.fromSnapshot(
      unpackSnapshot((into, at) => {
        read += into.byteLength
        calls++
        from(into, at)
      }, bytes.byteLength)
    )
    expect(read).toBeLessThanOrEqual(bytes.byteLength)
    expect(calls).toBeLessThan(12)
  })

  describe('left in the file until needed', () => {
    /** The file opened with every read and the close counted. */
    function opened(bytes: Uint8Array, options: { mergeAfter?: number } = {}) {
      const from = readFrom(bytes)
      const seen = { bytes: 0, closes: 0 }
      const { snapshot, pager } = openSnapshot(
        (into, at) => {
          seen.bytes += into.byteLength
          from(into, at)
        },
        bytes.byteLength,
        () => seen.closes++
      )
      return { seen, index: SearchIndex.fromSnapshot(snapshot, { ...options, pager }), pager }
    }
    const queries = ['教师培训299', '第150号', '课程改革7，', '家校共育', '学区建设12']

    it('reads the keys alone at open and what each query needs, then the rest a step at a time, and closes it once', () => {
      const index = largeIndex()
      const bytes = file(index)
      const { seen, index: copy } = opened(bytes)
      // The keys and small arrays: a quarter here (400 random characters make many pairs), a ninth at 5,000 real reports.
      expect(seen.bytes).toBeLessThan(bytes.byteLength * 0.3)
      // Queries found in one report each read little more; one in every report reads most of it.
      for (const q of ['教师培训299', '第150号']) expect(copy.query(q)).toEqual(index.query(q))
      expect(seen.bytes).toBeLessThan(bytes.byteLength * 0.35)
      for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
      expect(seen.closes).toBe(0)
      while (copy.settle());
      expect(seen.closes).toBe(1)
      expect(seen.bytes).toBeLessThanOrEqual(bytes.byteLength)
      const after = seen.bytes
      for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
      expect(seen.bytes).toBe(after)
    })

    it('saves the same file before reading the rest, and closes the one it came from first', () => {
      const index = largeIndex()
      const bytes = file(index)
      const { seen, index: copy } = opened(bytes)
      copy.query('教师培训')
      expect(Buffer.compare(file(copy), bytes)).toBe(0)
      expect(seen.closes).toBe(1)
    })

    it('takes changes, merges included, before the rest is read', () => {
      const index = largeIndex()
      const { index: copy } = opened(file(index), { mergeAfter: 1 })
      for (const i of [index, copy]) {
        i.upsert('r7', report('第7号报告', '改写后的教师培训内容'), FACETS)
        i.remove('r150')
        i.upsert('new', report('新增', '家校共育新篇'), FACETS)
        i.compact()
      }
      for (const q of [...queries, '改写后', '新篇']) expect(copy.query(q)).toEqual(index.query(q))
      while (copy.settle());
      for (const q of [...queries, '改写后', '新篇']) expect(copy.query(q)).toEqual(index.query(q))
    })

    it('once released, closes the file and refuses to read more of it', () => {
      const { seen, index: copy } = opened(file(largeIndex()))
      copy.release()
      expect(seen.closes).toBe(1)
      expect(() => copy.query('家校共育')).toThrow(/closed/)
    })

    it('reads a file written before paging (no list of parts to leave) whole at open', () => {
      const index = largeIndex()
      const bytes = file(index)
      // Blank the list out of the header's JSON (same length, so every offset stays).
      const head = new TextDecoder().decode(bytes.subarray(16, 16 + new Uint32Array(bytes.buffer, 0, 4)[2]))
      const list = /,"later":\[[\d,]*\]/.exec(head)![0]
      const old = bytes.slice()
      old.set(new TextEncoder().encode(' '.repeat(list.length)), 16 + new TextEncoder().encode(head.slice(0, head.indexOf(list))).byteLength)
      const { seen, index: copy, pager } = opened(old)
      expect(seen.bytes).toBeGreaterThan(bytes.byteLength * 0.9)
      expect(seen.closes).toBe(1)
      expect(pager.step()).toBe(false)
      for (const q of queries) expect(copy.query(q)).toEqual(index.query(q))
    })
  })

  it('keeps a text that starts with a byte-order mark whole', () => {
    const index = new SearchIndex()
    index.upsert('bom', report('\uFEFF'.repeat(2) + '标题', '\uFEFF' + '教育'.repeat(700)), FACETS)
    const copy = load(file(index))
    expect(copy.query('教育')).toEqual(index.query('教育'))
    expect(copy.query('标题')).toEqual(index.query('标题'))
  })

  it('refuses a file cut short, of another format, or not a snapshot at all', () => {
    const bytes = file(sampleIndex())
    expect(() => load(bytes.subarray(0, bytes.byteLength - 8))).toThrow()
    expect(() => load(bytes.subarray(0, 10))).toThrow()
    const other = bytes.slice()
    other[4] = 99
    expect(() => load(other)).toThrow()
    expect(() => load(new TextEncoder().encode('这不是索引文件'.repeat(10)))).toThrow()
  })
})

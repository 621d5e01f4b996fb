import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyReport, paragraph, section, type Report } from '@shared/doc/model'
import { SearchIndex } from '@shared/search/searchIndex'
import type { SearchFacets } from '@shared/search/types'
import { ArchiveDatabase } from '../../db/database'
import { dropSnapshot, loadSnapshot, saveSnapshot } from './indexStore'

const FACETS: SearchFacets = { year: 2024, kind: 'annual', status: 'draft', unit: '城关镇中心校' }

function report(title: string, text: string): Report {
  const r = emptyReport({ title })
  r.sections = [section(1, '主要做法', [paragraph(text)])]
  return r
}

function sampleIndex(): SearchIndex {
  const index = new SearchIndex()
  index.upsert('a', report('教师培训总结', '全年组织教师培训十二期。'.repeat(200)), FACETS)
  index.upsert('b', report('学区建设', '学区建设、教师培训两手抓。'), { ...FACETS, year: 2023 })
  return index
}

const QUERIES = ['教师培训', '学区建设', '十二期', '总结']

/**
 * The origin private file system as the worker sees it, in memory: files by name, a synchronous
 * handle open on one file at a time, move() replacing a file of the new name.
 */
function memoryFolder(options: { failWrites?: boolean } = {}) {
  const files = new Map<string, Uint8Array>()
  const locked = new Set<string>()
  const notFound = () => new DOMException('no such file', 'NotFoundError')
  const handle = (name: string) => ({
    async createSyncAccessHandle() {
      if (locked.has(name)) throw new DOMException('locked', 'NoModificationAllowedError')
      locked.add(name)
      const bytes = () => files.get(name)!
      return {
        read(into: Uint8Array, { at }: { at: number }) {
          const part = bytes().subarray(at, at + into.byteLength)
          into.set(part)
          return part.byteLength
        },
        write(data: Uint8Array, { at }: { at: number }) {
          if (options.failWrites) throw new DOMException('disk full', 'QuotaExceededError')
          const grown = new Uint8Array(Math.max(bytes().byteLength, at + data.byteLength))
          grown.set(bytes())
          grown.set(data, at)
          files.set(name, grown)
          return data.byteLength
        },
        truncate(size: number) {
          files.set(name, bytes().slice(0, size))
        },
        getSize: () => bytes().byteLength,
        flush() {},
        close() {
          locked.delete(name)
        }
      }
    },
    async move(to: string) {
      files.set(to, files.get(name)!)
      files.delete(name)
    }
  })
  return {
    files,
    async getFileHandle(name: string, opts: { create?: boolean } = {}) {
      if (!files.has(name)) {
        if (!opts.create) throw notFound()
        files.set(name, new Uint8Array(0))
      }
      return handle(name)
    },
    async removeEntry(name: string) {
      if (!files.delete(name)) throw notFound()
    }
  }
}

function useFolder(folder: ReturnType<typeof memoryFolder> | null) {
  vi.stubGlobal('navigator', folder ? { storage: { getDirectory: async () => folder } } : {})
}

let db: ArchiveDatabase
let counter = 0
beforeEach(async () => {
  db = new ArchiveDatabase(`zongjie-index-store-${++counter}`)
  await db.open()
})
afterEach(async () => {
  vi.unstubAllGlobals()
  db.close()
  await Dexie.delete(db.name)
})

async function expectSameAnswers(loaded: SearchIndex | undefined, index: SearchIndex) {
  expect(loaded).toBeDefined()
  for (const q of QUERIES) expect(loaded!.query(q)).toEqual(index.query(q))
}

describe('where the search index is saved', () => {
  it('in one file where the worker has the file system; the database keeps no copy', async () => {
    const folder = memoryFolder()
    useFolder(folder)
    const index = sampleIndex()
    await saveSnapshot(db, index)
    expect([...folder.files.keys()]).toEqual(['search-index.bin'])
    expect(await db.searchIndex.count()).toBe(0)
    const loaded = await loadSnapshot(db)
    expect(loaded?.resave).toBe(false)
    await expectSameAnswers(loaded?.index, index)

    await dropSnapshot(db)
    expect(folder.files.size).toBe(0)
    expect(await loadSnapshot(db)).toBeNull()
  })

  it('an index an earlier release saved in the database is read, and marked to go to the file', async () => {
    useFolder(null)
    const index = sampleIndex()
    await saveSnapshot(db, index)
    expect(await db.searchIndex.count()).toBeGreaterThan(0)
    useFolder(memoryFolder())
    const loaded = await loadSnapshot(db)
    expect(loaded?.resave).toBe(true)
    await expectSameAnswers(loaded?.index, index)
  })

  it('a file system that will not write leaves the index in the database, whole', async () => {
    const folder = memoryFolder({ failWrites: true })
    useFolder(folder)
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const index = sampleIndex()
    await saveSnapshot(db, index)
    expect(folder.files.size).toBe(0)
    await expectSameAnswers((await loadSnapshot(db))?.index, index)
  })

  it('a file cut short is not loaded: the index is built again rather than read wrong', async () => {
    const folder = memoryFolder()
    useFolder(folder)
    await saveSnapshot(db, sampleIndex())
    const bytes = folder.files.get('search-index.bin')!
    folder.files.set('search-index.bin', bytes.slice(0, bytes.byteLength - 100))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await loadSnapshot(db)).toBeNull()
  })

  it('a new save replaces the file a start reads', async () => {
    const folder = memoryFolder()
    useFolder(folder)
    await saveSnapshot(db, sampleIndex())
    const index = sampleIndex()
    index.upsert('c', report('新报告', '家校共育'), FACETS)
    await saveSnapshot(db, index)
    expect([...folder.files.keys()]).toEqual(['search-index.bin'])
    const loaded = (await loadSnapshot(db))?.index
    expect(loaded?.query('家校共育').total).toBe(1)
  })
})

import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '@shared/doc/model'
import type { SearchRequest, SearchResponse } from '@shared/search/protocol'
import { ArchiveDatabase } from '../../db/database'
import { seedArchive } from '../../db/testing'
import { recordFor } from '../../db/reports'
import { createSearchClient, type WorkerLike } from './searchClient'
import { createWorkerHandler } from './workerHandler'
import { PROGRESS_FROM } from './archiveIndex'

let counter = 0
const opened: ArchiveDatabase[] = []

async function freshDb(): Promise<ArchiveDatabase> {
  const db = new ArchiveDatabase(`zongjie-search-client-${++counter}`)
  opened.push(db)
  await db.open()
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

/** A stand-in for the worker: the worker's own handler over a database, answering asynchronously and in order. */
function fakeWorker(db: ArchiveDatabase): WorkerLike & { posted: SearchRequest[]; terminated: boolean } {
  const worker = {
    posted: [] as SearchRequest[],
    terminated: false,
    onmessage: null as ((event: MessageEvent<SearchResponse>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage(req: SearchRequest) {
      worker.posted.push(req)
      void handle(req)
    },
    terminate() {
      worker.terminated = true
    }
  }
  const handle = createWorkerHandler(db, (r) => setTimeout(() => worker.onmessage?.({ data: r } as MessageEvent<SearchResponse>), 0))
  return worker
}

function record(id: string, text: string, year = 2024) {
  const report = emptyReport({ title: `${id}总结`, kind: 'annual', period: `${year}年`, unit: '一中' })
  report.sections = [section(1, '主要做法', [paragraph(text)])]
  return { ...recordFor(report, null, { id }), updatedAt: 1000 }
}

describe('search client and worker', () => {
  it('indexes what is in the database, follows changes report by report, and searches within filters', async () => {
    const db = await freshDb()
    await seedArchive(db, { reports: [record('a', '开展教师培训。'), record('b', '推进学区建设。', 2023)], versions: [], settings: [] })
    const client = createSearchClient(() => fakeWorker(db))
    let r = await client.search('教师培训')
    expect(r.query).toBe('教师培训')
    expect(r.hits.map((h) => h.docId)).toEqual(['a'])
    expect(r.total).toBe(1)
    expect(r.hits[0].path).toEqual(['一、主要做法'])

    // A save elsewhere: the worker reads the report itself once told its id.
    await seedArchive(db, { reports: [{ ...record('b', '组织教师培训。', 2023), updatedAt: 2000 }], versions: [], settings: [] })
    await client.changed(['b'])
    r = await client.search('教师培训', { year: 2023 })
    expect(r.hits.map((h) => h.docId)).toEqual(['b'])

    // Trashed: gone from the results.
    await db.summaries.update('a', { deletedAt: 5000 })
    await client.changed(['a'])
    expect((await client.search('教师培训')).hits.map((h) => h.docId)).toEqual(['b'])
    client.dispose()
  })

  it('latest query wins: superseded searches resolve with the newest result, never run when queued', async () => {
    const db = await freshDb()
    await seedArchive(db, { reports: [record('a', '开展教师培训。'), record('b', '教师队伍建设。')], versions: [], settings: [] })
    const worker = fakeWorker(db)
    const client = createSearchClient(() => worker)
    await client.search('教')
    worker.posted.length = 0
    const typed = ['教', '教师', '教师培', '教师培训'].map((q) => client.search(q))
    const results = await Promise.all(typed)
    for (const r of results) {
      expect(r.query).toBe('教师培训')
      expect(r.hits.map((h) => h.docId)).toEqual(['a'])
    }
    // The first went out at once; the two in between were replaced before they started.
    expect(worker.posted.filter((m) => m.type === 'search').map((m) => (m.type === 'search' ? m.query : ''))).toEqual(['教', '教师培训'])
    client.dispose()
  })

  it('shows the progress of a long catch-up (a first build, a restore), not of an import batch indexed in a moment', async () => {
    const db = await freshDb()
    await seedArchive(db, { reports: Array.from({ length: PROGRESS_FROM }, (_, i) => record(`r${i}`, `第${i}项工作。`)), versions: [], settings: [] })
    const posted: SearchResponse[] = []
    const handle = createWorkerHandler(db, (r) => posted.push(r))
    const progress = () => posted.filter((r) => r.type === 'progress')
    await handle({ type: 'search', requestId: 1, query: '工作' })
    expect(progress().length).toBeGreaterThan(1)
    expect(progress().at(-1)).toMatchObject({ done: PROGRESS_FROM, total: PROGRESS_FROM })
    expect(posted.at(-1)).toMatchObject({ type: 'results', total: PROGRESS_FROM })

    posted.length = 0
    const batch = Array.from({ length: 40 }, (_, i) => record(`n${i}`, '新导入的报告。'))
    await seedArchive(db, { reports: batch, versions: [], settings: [] })
    await handle({ type: 'changed', requestId: 2, ids: batch.map((r) => r.id) })
    expect(posted).toEqual([expect.objectContaining({ type: 'done', docs: PROGRESS_FROM + 40 })])
  })

  it('dispose rejects what is pending', async () => {
    const db = await freshDb()
    const worker = fakeWorker(db)
    const client = createSearchClient(() => worker)
    const pending = client.search('教师')
    client.dispose()
    await expect(pending).rejects.toThrow('disposed')
    expect(worker.terminated).toBe(true)
    await expect(client.search('教师')).rejects.toThrow('disposed')
  })
})

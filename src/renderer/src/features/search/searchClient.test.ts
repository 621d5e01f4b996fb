import { describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '@shared/doc/model'
import type { SearchDoc, SearchRequest, SearchResponse } from '@shared/search/protocol'
import { createRequestHandler } from '@shared/search/requestHandler'
import { createSearchClient, type WorkerLike } from './searchClient'

/** A stand-in for the worker: the worker's own handler, answering asynchronously and in order. */
function fakeWorker(): WorkerLike & { posted: SearchRequest[]; terminated: boolean } {
  const handle = createRequestHandler()
  const worker = {
    posted: [] as SearchRequest[],
    terminated: false,
    onmessage: null as ((event: MessageEvent<SearchResponse>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage(req: SearchRequest) {
      worker.posted.push(req)
      setTimeout(() => worker.onmessage?.({ data: handle(req) } as MessageEvent<SearchResponse>), 0)
    },
    terminate() {
      worker.terminated = true
    }
  }
  return worker
}

function doc(id: string, text: string, year = 2024): SearchDoc {
  const report = emptyReport({ title: `${id}总结` })
  report.sections = [section(1, '主要做法', [paragraph(text)])]
  return { id, report, facets: { year, kind: 'annual', status: 'draft', unit: '一中' } }
}

describe('search client', () => {
  it('loads, searches, updates and removes through the worker', async () => {
    const client = createSearchClient(fakeWorker)
    await client.load([doc('a', '开展教师培训。'), doc('b', '推进学区建设。', 2023)])
    let r = await client.search('教师培训')
    expect(r.query).toBe('教师培训')
    expect(r.hits.map((h) => h.docId)).toEqual(['a'])
    expect(r.total).toBe(1)
    expect(r.hits[0].path).toEqual(['一、主要做法'])

    await client.upsert(doc('b', '组织教师培训。', 2023))
    r = await client.search('教师培训', { year: 2023 })
    expect(r.hits.map((h) => h.docId)).toEqual(['b'])

    await client.remove('a')
    expect((await client.search('教师培训')).hits.map((h) => h.docId)).toEqual(['b'])
    client.dispose()
  })

  it('latest query wins: superseded searches resolve with the newest result, never run when queued', async () => {
    const worker = fakeWorker()
    const client = createSearchClient(() => worker)
    await client.load([doc('a', '开展教师培训。'), doc('b', '教师队伍建设。')])
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

  it('a failed request rejects, and dispose rejects what is pending', async () => {
    const worker = fakeWorker()
    const client = createSearchClient(() => worker)
    const broken = { id: 'x', report: null, facets: doc('x', '').facets } as unknown as SearchDoc
    await expect(client.upsert(broken)).rejects.toThrow()
    const pending = client.search('教师')
    client.dispose()
    await expect(pending).rejects.toThrow('disposed')
    expect(worker.terminated).toBe(true)
    await expect(client.search('教师')).rejects.toThrow('disposed')
  })
})

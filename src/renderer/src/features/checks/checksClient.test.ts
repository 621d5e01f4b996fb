import { describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '@shared/doc/model'
import { runChecks } from '@shared/checks'
import type { ChecksRequest, ChecksResponse } from '@shared/checks/protocol'
import { createChecksHandler } from '@shared/checks/requestHandler'
import { createChecksClient, type ChecksWorkerLike } from './checksClient'

/** A stand-in for the worker: the worker's own handler, answering asynchronously and in order. */
function fakeWorker(): ChecksWorkerLike & { posted: ChecksRequest[]; fail(message: string): void } {
  const handle = createChecksHandler()
  const worker = {
    posted: [] as ChecksRequest[],
    onmessage: null as ((event: MessageEvent<ChecksResponse>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage(req: ChecksRequest) {
      worker.posted.push(req)
      // Structured clone, as postMessage does: the handler never shares objects with the page.
      const response = handle(structuredClone(req))
      if (response) setTimeout(() => worker.onmessage?.({ data: response } as MessageEvent<ChecksResponse>), 0)
    },
    fail(message: string) {
      worker.onerror?.({ message } as ErrorEvent)
    },
    terminate() {}
  }
  return worker
}

function report(text: string, period = '2025年') {
  const r = emptyReport({ title: `${period}工作总结`, period })
  r.sections = [section(1, '主要工作', [paragraph(text)]), section(1, '下一步打算', [paragraph('继续努力。')])]
  return r
}

describe('checks client', () => {
  it('answers with the same findings the rules give on the main thread, last period included', async () => {
    let worker!: ReturnType<typeof fakeWorker>
    const client = createChecksClient(() => (worker = fakeWorker()))
    const r = report('全年培训教师__名,比2024年增长。')
    const previous = report('全年培训教师700名。', '2024年')
    const findings = await client.run(r, previous)
    expect(findings).toEqual(runChecks(r, { previous }))
    expect(findings!.map((f) => f.rule)).toEqual(expect.arrayContaining(['placeholder', 'halfwidth-punctuation']))
    // Last period's report crosses to the worker once, not with every run.
    await client.run(report('全年培训教师800名。'), previous)
    expect(worker.posted.filter((m) => m.type === 'previous')).toHaveLength(1)
  })

  it('runs only the newest of the reports handed in while one runs; the others resolve as superseded', async () => {
    let worker!: ReturnType<typeof fakeWorker>
    const client = createChecksClient(() => (worker = fakeWorker()))
    const texts = ['第一稿__。', '第二稿__。', '第三稿,', '第四稿。']
    const results = await Promise.all(texts.map((t) => client.run(report(t), null)))
    expect(results[1]).toBeNull()
    expect(results[2]).toBeNull()
    expect(results[0]!.map((f) => f.excerpt).join()).toContain('第一稿')
    expect(results[3]).toEqual(runChecks(report('第四稿。')))
    expect(worker.posted.filter((m) => m.type === 'run')).toHaveLength(2)
  })

  it('rejects what is waiting when the worker dies, and refuses runs after that', async () => {
    let worker!: ReturnType<typeof fakeWorker>
    const client = createChecksClient(() => (worker = fakeWorker()))
    const pending = client.run(report('正文。'), null)
    worker.fail('out of memory')
    await expect(pending).rejects.toThrow('checks worker failed: out of memory')
    await expect(client.run(report('正文。'), null)).rejects.toThrow()
  })
})

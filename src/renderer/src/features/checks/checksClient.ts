/**
 * A typed wrapper around the checks worker. Latest report wins: one run is with the worker at a
 * time, and a report handed in meanwhile replaces any still waiting, whose caller gets null
 * (superseded). So the worker never works through a backlog of half-typed text, and findings
 * never arrive out of order.
 */
import type { Report } from '@shared/doc/model'
import type { ChecksRequest, ChecksResponse } from '@shared/checks/protocol'
import type { Finding } from '@shared/checks/types'

export interface ChecksClient {
  /** The findings for `report`, or null when a newer report took its place before it ran. */
  run(report: Report, previous: Report | null): Promise<Finding[] | null>
  dispose(): void
}

/** The part of Worker the client uses (a fake stands in for it in tests). */
export interface ChecksWorkerLike {
  postMessage(message: ChecksRequest): void
  onmessage: ((event: MessageEvent<ChecksResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

function startWorker(): ChecksWorkerLike {
  return new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module' }) as unknown as ChecksWorkerLike
}

interface Job {
  report: Report
  previous: Report | null
  resolve: (findings: Finding[] | null) => void
  reject: (error: Error) => void
}

export function createChecksClient(makeWorker: () => ChecksWorkerLike = startWorker): ChecksClient {
  const worker = makeWorker()
  let nextId = 1
  let disposed = false
  let inFlight: (Job & { requestId: number }) | null = null
  let queued: Job | null = null
  // undefined: nothing sent yet, so even a null previous is sent once.
  let sentPrevious: Report | null | undefined = undefined

  const start = (job: Job): void => {
    if (job.previous !== sentPrevious) {
      worker.postMessage({ type: 'previous', report: job.previous })
      sentPrevious = job.previous
    }
    inFlight = { ...job, requestId: nextId++ }
    worker.postMessage({ type: 'run', requestId: inFlight.requestId, report: job.report })
  }

  const finish = (): void => {
    inFlight = null
    const next = queued
    queued = null
    if (next) start(next)
  }

  const failAll = (error: Error): void => {
    inFlight?.reject(error)
    queued?.reject(error)
    inFlight = null
    queued = null
  }

  worker.onmessage = (event) => {
    const msg = event.data
    if (!inFlight || msg.requestId !== inFlight.requestId) return
    const job = inFlight
    finish()
    if (msg.type === 'findings') job.resolve(msg.findings)
    else job.reject(new Error(msg.message))
  }
  // A worker that failed to load or crashed answers nothing more.
  worker.onerror = (event) => {
    disposed = true
    failAll(new Error(`checks worker failed: ${event.message}`))
  }

  return {
    run(report, previous) {
      if (disposed) return Promise.reject(new Error('checks client disposed'))
      return new Promise((resolve, reject) => {
        const job = { report, previous, resolve, reject }
        if (!inFlight) return start(job)
        queued?.resolve(null)
        queued = job
      })
    },
    dispose() {
      if (disposed) return
      disposed = true
      worker.terminate()
      failAll(new Error('checks client disposed'))
    }
  }
}

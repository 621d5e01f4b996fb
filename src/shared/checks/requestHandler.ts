import type { Report } from '../doc/model'
import { runChecks } from './index'
import type { ChecksRequest, ChecksResponse } from './protocol'

/** What the checks worker does with each message; plain so tests can run it without a worker. */
export function createChecksHandler(): (req: ChecksRequest) => ChecksResponse | null {
  let previous: Report | null = null
  return (req) => {
    if (req.type === 'previous') {
      previous = req.report
      return null
    }
    try {
      return { type: 'findings', requestId: req.requestId, findings: runChecks(req.report, previous ? { previous } : {}) }
    } catch (e) {
      return { type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) }
    }
  }
}

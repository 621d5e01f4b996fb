import type { Report } from '../doc/model'
import type { Finding } from './types'

/**
 * Messages to and from the checks worker. `previous` (last period's report) travels only when it
 * changes, so a run copies one report across, not two.
 */
export type ChecksRequest =
  | { type: 'previous'; report: Report | null }
  | { type: 'run'; requestId: number; report: Report }

export type ChecksResponse = { type: 'findings'; requestId: number; findings: Finding[] } | { type: 'error'; requestId: number; message: string }

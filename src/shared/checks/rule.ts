import type { CheckContext } from './context'
import type { Finding, RuleId } from './types'

/** One proofreading rule: reads the prepared context, returns its findings in any order. */
export interface Rule {
  id: RuleId
  run(ctx: CheckContext): Finding[]
}

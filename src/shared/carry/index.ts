export { carryForward, type CarryOptions, type CarryResult } from './carry'
export { findMentions, formatPeriod, nextPeriod, reportPeriod, samePeriod, type Granularity, type Mention, type Period } from './period'

/**
 * Which automatic versions an old history can do without. Versions are taken every 10 minutes of
 * editing; kept forever, a report worked on for a month carries hundreds. What a clerk goes back
 * to is "how it read yesterday afternoon" or "how it read in March", so: everything from the last
 * day, then one an hour, and after a month one a day — the last one of each hour or day, the text
 * as that hour or day left it. Versions taken by hand, on finalize, on export and before a restore
 * are never thinned.
 */
import type { VersionReason } from './records'

export const HOUR_MS = 3600 * 1000
export const DAY_MS = 24 * HOUR_MS
/** Younger than this, every version stays. */
export const KEEP_ALL_MS = DAY_MS
/** Older than this, one a day; in between, one an hour. */
export const HOURLY_UNTIL_MS = 30 * DAY_MS

export const THINNABLE: readonly VersionReason[] = ['auto']

export interface ThinnableVersion {
  seq: number
  createdAt: number
  reason: VersionReason
}

/** Local hour or local day: a clerk's "that afternoon" and "that day". */
function bucketOf(at: number, daily: boolean): string {
  const d = new Date(at)
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}${daily ? '' : `-${d.getHours()}`}`
}

/** The numbers of the versions to remove from one report's history. */
export function versionsToThin(versions: readonly ThinnableVersion[], now: number): number[] {
  const latest = new Map<string, ThinnableVersion>()
  const drop: number[] = []
  for (const v of versions) {
    if (!THINNABLE.includes(v.reason)) continue
    const age = now - v.createdAt
    if (age < KEEP_ALL_MS) continue
    const key = bucketOf(v.createdAt, age >= HOURLY_UNTIL_MS) + (age >= HOURLY_UNTIL_MS ? '|d' : '|h')
    const kept = latest.get(key)
    if (!kept) {
      latest.set(key, v)
    } else if (v.createdAt > kept.createdAt || (v.createdAt === kept.createdAt && v.seq > kept.seq)) {
      drop.push(kept.seq)
      latest.set(key, v)
    } else {
      drop.push(v.seq)
    }
  }
  return drop.sort((a, b) => a - b)
}

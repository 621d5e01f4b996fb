/**
 * runChecks on a synthetic 100-page report (about 60,000 characters), 30 timed runs after one
 * warm-up (which loads OpenCC's dictionaries and fills the character cache, as the app's first
 * check does once per session). Target: each run ≤ 30 ms. Collected by the bench runner; never
 * part of the tests' pass/fail.
 */
import { runChecks } from '../src/shared/checks/index'
import { syntheticReport } from '../src/shared/checks/synthetic'

export async function benchChecks(): Promise<{ name: string; samples: number[] }> {
  const report = syntheticReport(100)
  runChecks(report)
  const samples: number[] = []
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now()
    runChecks(report)
    samples.push(performance.now() - t0)
  }
  return { name: 'runChecks, 100-page report (ms)', samples }
}

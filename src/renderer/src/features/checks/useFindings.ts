import { useEffect, useRef, useState } from 'react'
import type { Report } from '@shared/doc/model'
import { runChecks } from '@shared/checks'
import type { Finding } from '@shared/checks/types'
import { createChecksClient, type ChecksClient } from './checksClient'

export interface CheckedReport {
  /** The report the findings were computed on: their anchors point into it. */
  report: Report | null
  findings: Finding[]
}

const NONE: CheckedReport = { report: null, findings: [] }

/**
 * A start's first check waits until this long after the page began to load: the draft and the
 * search index's read come first, and on a two-core office machine a third busy thread (the checks
 * worker's 1.2 MB script and its first run) slowed both. Later checks run at once.
 */
const FIRST_CHECK_AFTER_MS = 2500

/**
 * The findings for the report, computed in the checks worker (started with the first check).
 * Until a run answers, the last findings stay with the report they belong to. Should the worker
 * fail, the rules run here.
 */
export function useFindings(report: Report | null, previous: Report | null): CheckedReport {
  const client = useRef<ChecksClient | null>(null)
  /** The worker could not start or failed: the rules run here from then on. */
  const failed = useRef(false)
  const [checked, setChecked] = useState<CheckedReport>(NONE)

  useEffect(
    () => () => {
      client.current?.dispose()
      client.current = null
    },
    []
  )

  useEffect(() => {
    if (!report) {
      setChecked(NONE)
      return
    }
    let live = true
    const publish = (findings: Finding[]) => {
      if (live) setChecked({ report, findings })
    }
    const here = () => publish(runChecks(report, previous ? { previous } : {}))
    const run = () => {
      if (!failed.current && !client.current) {
        try {
          client.current = createChecksClient()
        } catch {
          failed.current = true
        }
      }
      const worker = client.current
      if (!worker) return here()
      worker.run(report, previous).then(
        (findings) => findings && publish(findings),
        () => {
          // Disposed on unmount: nothing to show. Otherwise the worker failed, and the rules
          // run here from now on.
          if (!live) return
          if (client.current === worker) {
            client.current = null
            failed.current = true
          }
          here()
        }
      )
    }
    const wait = FIRST_CHECK_AFTER_MS - performance.now()
    const timer = wait > 0 ? setTimeout(run, wait) : undefined
    if (wait <= 0) run()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [report, previous])

  return checked
}

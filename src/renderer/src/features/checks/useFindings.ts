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
 * The findings for the report, computed in the checks worker. Until a run answers, the last
 * findings stay with the report they belong to. Should the worker fail, the rules run here.
 */
export function useFindings(report: Report | null, previous: Report | null): CheckedReport {
  const client = useRef<ChecksClient | null>(null)
  const [checked, setChecked] = useState<CheckedReport>(NONE)

  useEffect(() => {
    try {
      client.current = createChecksClient()
    } catch {
      client.current = null
    }
    return () => {
      client.current?.dispose()
      client.current = null
    }
  }, [])

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
    const worker = client.current
    if (!worker) here()
    else
      worker.run(report, previous).then(
        (findings) => findings && publish(findings),
        () => {
          // Disposed on unmount: nothing to show. Otherwise the worker failed, and the rules
          // run here from now on (unless a remount has already made a new client).
          if (!live) return
          if (client.current === worker) client.current = null
          here()
        }
      )
    return () => {
      live = false
    }
  }, [report, previous])

  return checked
}

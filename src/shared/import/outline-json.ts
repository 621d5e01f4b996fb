import { numberSections } from '../doc/numbering'
import { reportLines } from '../doc/stats'
import type { ImportResult } from './types'

/** The `outline --json` shape of docs/cli.md. */
export interface OutlineHeadingJson {
  depth: number
  /** The number the app shows, computed from the structure. */
  marker: string
  /** The marker as the source wrote it. */
  source_marker: string
  title: string
}

export interface OutlineReportJson {
  title: string
  headings: OutlineHeadingJson[]
  /** The report's whole text, one paragraph a line. */
  text: string
}

export interface OutlineJson {
  reports: OutlineReportJson[]
  removed: string[]
}

export function outlineJson(result: ImportResult): OutlineJson {
  return {
    reports: result.reports.map((report) => ({
      title: report.meta.title,
      headings: numberSections(report.sections).map((n) => ({
        depth: n.depth,
        marker: n.marker,
        source_marker: n.section.sourceMarker ?? n.marker,
        title: n.section.title
      })),
      text: reportLines(report).join('\n')
    })),
    removed: result.removed
  }
}

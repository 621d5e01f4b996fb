import type { ReportKind } from '@shared/doc/model'
import type { ReportStatus } from '../../db/database'
import type { DraftSummary } from '../drafts/DraftList'

export interface LibraryFilter {
  year: number | null
  kind: ReportKind | null
  status: ReportStatus | null
  unit: string | null
}

export type SortKey = 'title' | 'kind' | 'year' | 'unit' | 'status' | 'characters' | 'updatedAt'

export const NO_FILTER: LibraryFilter = { year: null, kind: null, status: null, unit: null }

export function matchesFilter(r: Pick<DraftSummary, 'year' | 'kind' | 'status' | 'unit'>, f: LibraryFilter): boolean {
  return (f.year === null || r.year === f.year) && (f.kind === null || r.kind === f.kind) && (f.status === null || r.status === f.status) && (f.unit === null || r.unit === f.unit)
}

export function sortReports(rows: DraftSummary[], key: SortKey, descending: boolean): DraftSummary[] {
  const dir = descending ? -1 : 1
  return [...rows].sort((a, b) => {
    const x = a[key] ?? ''
    const y = b[key] ?? ''
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')
    return c * dir || b.updatedAt - a.updatedAt
  })
}

/** The distinct values present, for the filter menus. */
export function facetValues(rows: DraftSummary[]): { years: number[]; units: string[]; kinds: ReportKind[] } {
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a)
  const units = [...new Set(rows.map((r) => r.unit).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
  const kinds = [...new Set(rows.map((r) => r.kind))]
  return { years, units, kinds }
}

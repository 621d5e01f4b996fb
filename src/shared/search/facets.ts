import type { SearchFacets, SearchFilter } from './types'

/** Doc numbers the filter lets through (1), or null when nothing is filtered. */
export function allowedDocs(docs: readonly ({ facets: SearchFacets } | null)[], filter: SearchFilter | undefined): Uint8Array | null {
  if (!filter) return null
  const { year, kind, status, unit } = filter
  const byYear = typeof year === 'number'
  if (!byYear && !kind && !status && !unit) return null
  const allowed = new Uint8Array(docs.length)
  docs.forEach((doc, d) => {
    if (!doc) return
    const f = doc.facets
    allowed[d] = (!byYear || f.year === year) && (!kind || f.kind === kind) && (!status || f.status === status) && (!unit || f.unit === unit) ? 1 : 0
  })
  return allowed
}

/** What the library filters on; denormalised from ReportRecord by the caller. */
export interface SearchFacets {
  year: number | null
  kind: string
  status: string
  unit: string
}

/** Library filters; an absent (or empty-string) field does not filter. */
export interface SearchFilter {
  year?: number
  kind?: string
  status?: string
  unit?: string
}

export interface SearchOptions {
  filter?: SearchFilter
  /** Most hits returned (the best first); 50 when absent. */
  limit?: number
}

/** One report that matches every term, shown through its best passage. */
export interface SearchHit {
  docId: string
  title: string
  /** Section path of the passage shown: ['二、主要做法', '（一）加强领导']; [] for title and preamble. */
  path: string[]
  snippet: string
  /** [start, end) offsets into `snippet` of every term occurrence shown. */
  highlights: [number, number][]
  score: number
  /** Passages (title, preamble, sections…) holding a term, summed over the terms. */
  matches: number
}

export interface SearchResult {
  hits: SearchHit[]
  /** Reports that match, before `limit`. */
  total: number
}

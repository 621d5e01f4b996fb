import type { Report } from '../doc/model'

/** What an import yields: the reports found and the noise removed (so nothing disappears silently). */
export interface ImportResult {
  reports: Report[]
  /** Each stripped noise line or fragment, as it stood in the source. */
  removed: string[]
  /** Encoding detected for text files (utf-8, gb18030, big5), for display. */
  encoding?: string
}

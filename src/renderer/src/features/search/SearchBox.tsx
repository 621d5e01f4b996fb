import { useEffect, useState, type ReactElement } from 'react'
import { useStore } from '../../app/store'
import type { LibraryFilter } from '../library/libraryFilter'
import { createSearchController } from './searchController'
import type { SearchClient, SearchHit } from './searchClient'
import type { SearchIndexHandle } from './useSearch'

function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: ReactElement[] = []
  let pos = 0
  ;[...ranges].sort((a, b) => a[0] - b[0]).forEach(([s, e], i) => {
    if (s < pos) return
    if (s > pos) parts.push(<span key={`t${i}`}>{text.slice(pos, s)}</span>)
    parts.push(<mark key={`m${i}`}>{text.slice(s, e)}</mark>)
    pos = e
  })
  if (pos < text.length) parts.push(<span key="rest">{text.slice(pos)}</span>)
  return <>{parts}</>
}

/** Full-text search over the archive, within the library's filters; results open at their section. */
export function SearchBox({ client, progress, filter, onOpen }: { client: () => SearchClient | null; progress: SearchIndexHandle['progress']; filter: LibraryFilter; onOpen: (hit: SearchHit) => void }) {
  const [controller] = useState(() => createSearchController())
  const { query, result, error } = useStore(controller.store, (s) => s)
  const building = useStore(progress, (s) => s.building)
  useEffect(() => {
    controller.setContext(client, { year: filter.year ?? undefined, kind: filter.kind ?? undefined, status: filter.status ?? undefined, unit: filter.unit ?? undefined })
  }, [controller, client, filter])
  useEffect(() => () => controller.cancel(), [controller])

  return (
    <div className="search">
      <input
        type="search"
        className="search-input"
        placeholder="全文搜索，如：教师培训"
        aria-label="全文搜索"
        value={query}
        onChange={(e) => controller.type(e.target.value)}
        onCompositionStart={() => controller.compose(true)}
        onCompositionEnd={(e) => controller.compose(false, e.currentTarget.value)}
      />
      {building && (
        // A search typed meanwhile is answered once the index is complete.
        <p className="search-building muted" role="status">
          <progress max={building.total} value={building.done} aria-label="搜索索引进度" />
          正在建立搜索索引：{building.done} / {building.total} 篇，完成后即可搜索。
        </p>
      )}
      {error && <p className="preview-error">{error}</p>}
      {result && (
        <div className="search-results" role="region" aria-label="搜索结果" data-query={result.query}>
          <p className="muted">
            {result.total === 0 ? `没有找到“${result.query}”。` : `找到 ${result.total} 篇（${result.tookMs.toFixed(0)} 毫秒）`}
          </p>
          <ul>
            {result.hits.map((h, i) => (
              <li key={`${h.docId}-${i}`}>
                <button type="button" className="search-hit" onClick={() => onOpen(h)}>
                  <span className="search-title">{h.title || '（未命名）'}</span>
                  {h.path.length > 0 && <span className="search-path">{h.path.join(' › ')}</span>}
                  <span className="search-snippet">
                    <Highlighted text={h.snippet} ranges={h.highlights} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

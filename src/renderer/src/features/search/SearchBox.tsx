import { useEffect, useRef, useState, type ReactElement } from 'react'
import type { LibraryFilter } from '../library/libraryFilter'
import { createQueryPacer } from './queryPacing'
import type { SearchClient, SearchHit } from './searchClient'

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
export function SearchBox({ client, filter, onOpen }: { client: () => SearchClient | null; filter: LibraryFilter; onOpen: (hit: SearchHit) => void }) {
  const [query, setQuery] = useState('')
  const [result, setResult] = useState<{ query: string; hits: SearchHit[]; total: number; tookMs: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** True while an IME composes: the box then holds pinyin, not the words to search. */
  const [composing, setComposing] = useState(false)
  // A key after a pause is searched at once, the keys of a burst once it ends (queryPacing.ts).
  // An IME's pinyin is never searched: only committed text is.
  const [pacer] = useState(createQueryPacer)
  const delay = useRef(0)
  const change = (value: string) => {
    delay.current = pacer.delayFor()
    setQuery(value)
  }

  useEffect(() => {
    const q = query.trim()
    const c = client()
    if (!q || !c) {
      setResult(null)
      return
    }
    if (composing) return
    let live = true
    const wait = delay.current
    delay.current = 0 // a filter change is searched at once
    const send = () =>
      c.search(q, { year: filter.year ?? undefined, kind: filter.kind ?? undefined, status: filter.status ?? undefined, unit: filter.unit ?? undefined }, 50).then(
        (r) => {
          if (live && r.query === q) {
            setResult(r)
            setError(null)
          }
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e))
      )
    // Nothing to wait for: sent now, not a timer's turn later.
    let t: ReturnType<typeof setTimeout> | undefined
    if (wait > 0) t = setTimeout(send, wait)
    else void send()
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [query, filter, client, composing])

  return (
    <div className="search">
      <input
        type="search"
        className="search-input"
        placeholder="全文搜索，如：教师培训"
        aria-label="全文搜索"
        value={query}
        onChange={(e) => (composing ? setQuery(e.target.value) : change(e.target.value))}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(e) => {
          setComposing(false)
          change(e.currentTarget.value)
        }}
      />
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

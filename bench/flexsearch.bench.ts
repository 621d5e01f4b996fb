/**
 * FlexSearch beside the app's own index, on the same 5,000 synthetic reports and the same queries
 * (search.bench.ts), to choose by the numbers. FlexSearch indexes each passage with its CJK
 * encoder (one term per character) and a context index (neighbouring terms), the closest it has to
 * a phrase; it does not guarantee that the characters are contiguous, so its candidates are
 * checked against the text (indexOf), as the app's are. Measured: build time, memory, query time,
 * and whether the reports found are the same. Collected by the bench runner; never in the tests.
 */
import { Charset, Index } from 'flexsearch'
import { foldText, queryTerms } from '../src/shared/search/normalize'
import { reportPassages } from '../src/shared/search/passages'
import { SearchIndex } from '../src/shared/search/searchIndex'
import type { SearchFilter } from '../src/shared/search/types'
import { liveBytes } from './search.bench'

type Docs = { id: string; report: Parameters<typeof reportPassages>[0]; facets: { year: number | null; kind: string; status: string; unit: string } }[]

const quantile = (s: number[], q: number) => [...s].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * s.length) - 1)]

export async function benchFlexSearch(docs: Docs, mix: { q: string; filter?: SearchFilter }[], ours: SearchIndex): Promise<{ name: string; samples: number[]; goal?: string; note?: string }[]> {
  const before = await liveBytes()
  const t0 = performance.now()
  const flex = new Index({ encoder: Charset.CJK, tokenize: 'strict', context: { depth: 1, bidirectional: true, resolution: 9 } })
  const texts: string[] = []
  const docOf: number[] = []
  docs.forEach((d, di) => {
    for (const p of reportPassages(d.report)) {
      flex.add(texts.length, p.text)
      texts.push(foldText(p.text))
      docOf.push(di)
    }
  })
  const buildMs = performance.now() - t0
  const bytes = (await liveBytes()) - before

  const samples: number[] = []
  let differ = 0
  let missed = 0
  for (const { q, filter } of mix) {
    const t = performance.now()
    const terms = queryTerms(q)
    // Every term's candidate passages from FlexSearch, then the phrase checked in the text, then the report filter.
    const found = new Map<number, number>()
    terms.forEach((term, k) => {
      const ids = flex.search(term, { limit: 1_000_000 }) as number[]
      for (const id of ids) {
        const d = docOf[id]
        if ((found.get(d) ?? 0) !== k || !texts[id].includes(term)) continue
        const f = docs[d].facets
        if (filter && ((filter.year && f.year !== filter.year) || (filter.kind && f.kind !== filter.kind) || (filter.status && f.status !== filter.status) || (filter.unit && f.unit !== filter.unit))) continue
        found.set(d, k + 1)
      }
    })
    const flexDocs = new Set([...found].filter(([, n]) => n === terms.length).map(([d]) => docs[d].id))
    samples.push(performance.now() - t)
    const ourTotal = ours.query(q, { filter, limit: 0 }).total
    if (ourTotal !== flexDocs.size) differ++
    if (flexDocs.size < ourTotal) missed++
  }
  const n = docs.length
  return [
    {
      name: `FlexSearch 0.8 build, the same ${n} reports (ms)`,
      samples: [buildMs],
      note: `CJK encoder, context index (depth 1, bidirectional); ${(bytes / 2 ** 20).toFixed(0)} MB with the folded texts it needs for the phrase check`
    },
    {
      name: `FlexSearch 0.8 query, the same ${mix.length} queries, phrase checked in the text (ms)`,
      samples,
      note: `p95 ${quantile(samples, 0.95).toFixed(1)} ms; reports found differ from the app's index in ${differ} of ${mix.length} queries (${missed} with fewer); it has no saved form to load at start but its export/import of the whole index`
    }
  ]
}

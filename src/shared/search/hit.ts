import { nextMatch } from './match'
import type { PassageTable } from './passageTable'
import { makeSnippet } from './snippet'
import type { SearchHit } from './types'

/**
 * The report's hit, shown through its best passage: the one holding the most terms, then one
 * whose title or heading holds a term, then the earliest.
 */
export function hitFor(p: PassageTable, docId: string, title: string, pids: readonly number[], terms: readonly string[], score: number, matches: number): SearchHit {
  let best = -1
  let bestRank = -1
  let bestAt = 0
  let bestLen = 0
  for (const pid of pids) {
    const text = p.textOf(pid)
    let found = 0
    let inHead = 0
    let at = -1
    let len = 0
    for (const term of terms) {
      const pos = nextMatch(text, term, 0)
      if (pos < 0) continue
      found++
      if (pos < p.headLen[pid]) inHead = 1
      if (at < 0 || pos < at) {
        at = pos
        len = term.length
      }
    }
    const rank = found * 2 + inHead
    if (found > 0 && rank > bestRank) {
      best = pid
      bestRank = rank
      bestAt = at
      bestLen = len
    }
  }
  // A match in the body: leave the heading out of the snippet, the path already shows it.
  const headLen = p.headLen[best]
  const text = p.textOf(best)
  const bodyStart = p.kind[best] === 'section' && headLen > 0 && bestAt >= headLen ? headLen + (/[\n。]/.test(text.charAt(headLen)) ? 1 : 0) : 0
  const snippet = makeSnippet(text, terms, bestAt, bestLen, 72, bodyStart)
  return { docId, title, path: [...p.path(best)], snippet: snippet.text, highlights: snippet.highlights, score, matches }
}

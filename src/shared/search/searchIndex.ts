import type { Report } from '../doc/model'
import { matchesBefore, nextMatch } from './match'
import { foldText, queryTerms, startsWithWordChar } from './normalize'
import { PassageTable, type PassageSnapshot } from './passageTable'
import { reportPassages, type Passage, type PassageKind } from './passages'
import { PostingStore, type PostingList, type PostingSnapshot } from './postingStore'
import { intersectSorted } from './postings'
import { hitFor } from './hit'
import { allowedDocs } from './facets'
import type { Pager } from './filePager'
import type { SearchFacets, SearchHit, SearchOptions, SearchResult } from './types'

/**
 * Full-text search over reports. Chinese has no spaces, so the index holds character bigrams
 * (and single characters, for one-character queries) of the folded text, each with the ids of
 * the passages containing it. A query term's candidates are the intersection of its bigrams'
 * postings, rarest first; candidates are then checked for the contiguous phrase with indexOf, so
 * 教师培训 never matches 教师…培训 apart. Several space-separated terms must all occur in the same
 * report.
 *
 * Ranking: the number of passages holding each term (a term all over the report beats one
 * mention), plus a bonus per term in the title and a smaller one per term in a heading. Passages,
 * not occurrences: for a one- or two-character term the postings alone give that without reading
 * any text, which is what keeps 工作 or 的 fast over 25 million characters.
 *
 * Updates are cheap: a passage whose text did not change keeps its id and postings; changed and
 * removed passages are only marked dead, new ones go to the postings' small tail, and tail and
 * dead entries are folded into a fresh base once they add up to a good share of it.
 *
 * Memory: one copy of each passage's text (matching folds as it compares, match.ts) and the
 * postings as varint gaps (postingStore.ts). A snapshot (toSnapshot) is typed arrays and a few
 * long strings, which the search worker saves and loads instead of building the index again.
 */

const DEFAULT_LIMIT = 50
const TITLE_BONUS = 10
const HEADING_BONUS = 4
const NO_POSTINGS: PostingList = []

interface DocEntry {
  id: string
  title: string
  facets: SearchFacets
  /** Passage ids in document order. */
  pids: number[]
  /** What the caller says this text is (the record's last change), to tell later whether it is still current. */
  rev: number
}

/** A report as a bulk load takes it. */
export interface BulkDoc {
  id: string
  report: Report
  facets: SearchFacets
  rev?: number
}

/** The index as saved: every array typed, the texts in a few long strings. */
export interface SearchSnapshot {
  version: 2
  docs: { id: string; title: string; facets: SearchFacets; rev: number; pids: number[] }[]
  passages: PassageSnapshot
  store: PostingSnapshot
  heads: PostingSnapshot
  liveEntries: number
}

function bitCount(mask: number): number {
  let n = 0
  for (let m = mask; m; m &= m - 1) n++
  return n
}

export class SearchIndex {
  /** Postings of the passages' whole text. */
  private store = new PostingStore()
  /** Postings of the title and headings alone: finds title/heading matches without reading text. */
  private heads = new PostingStore()
  private docs: (DocEntry | null)[] = []
  private docNumber = new Map<string, number>()

  private p = new PassageTable()

  private liveEntries = 0
  private deadEntries = 0
  private readonly mergeAfter: number
  /** Parts of the saved file not read yet, for an index loaded from one (openSnapshot). */
  private pager: Pager | null = null

  /** `mergeAfter`: the fewest dead or tail postings entries worth a merge (tests lower it). */
  constructor(options: { mergeAfter?: number } = {}) {
    this.mergeAfter = options.mergeAfter ?? 200_000
  }

  get size(): number {
    return this.docNumber.size
  }

  has(docId: string): boolean {
    return this.docNumber.has(docId)
  }

  /** Sizes for the benchmark and diagnostics. */
  stats(): { docs: number; passages: number; keys: number; postings: number; deadPostings: number; tailPostings: number; postingBytes: number } {
    let passages = 0
    for (const d of this.docs) if (d) passages += d.pids.length
    return {
      docs: this.size,
      passages,
      keys: this.store.keyCount,
      postings: this.liveEntries,
      deadPostings: this.deadEntries,
      tailPostings: this.store.tailEntries,
      postingBytes: this.store.bytes + this.heads.bytes
    }
  }

  /** Adds many reports to an empty index at once: the postings are written in one pass at the end. */
  load(docs: Iterable<BulkDoc>): void {
    this.beginBulk()
    try {
      for (const d of docs) this.addBulk(d)
    } finally {
      this.endBulk()
    }
  }

  /**
   * As load(), from batches that arrive one after another (read from a database): each report is
   * cut into passages as it comes and can go, so a build never holds the reports, only the index.
   */
  async loadBatches(batches: AsyncIterable<Iterable<BulkDoc>>): Promise<void> {
    this.beginBulk()
    try {
      for await (const docs of batches) for (const d of docs) this.addBulk(d)
    } finally {
      this.endBulk()
    }
  }

  private addBulk(d: BulkDoc): void {
    this.upsertPassages(d.id, d.report.meta.title, d.facets, reportPassages(d.report), false, d.rev)
  }

  /** Adds or replaces a report. Passages whose text is unchanged keep their postings. */
  upsert(docId: string, report: Report, facets: SearchFacets, rev = 0): void {
    this.upsertPassages(docId, report.meta.title, facets, reportPassages(report), true, rev)
  }

  /** The revision a report was indexed at (upsert's `rev`), or undefined when it is not in the index. */
  revOf(docId: string): number | undefined {
    const d = this.docNumber.get(docId)
    return d === undefined ? undefined : this.docs[d]!.rev
  }

  facetsOf(docId: string): SearchFacets | undefined {
    const d = this.docNumber.get(docId)
    return d === undefined ? undefined : this.docs[d]!.facets
  }

  /** Changes the filter fields of a report without touching its text (it was finalized, say). */
  setFacets(docId: string, facets: SearchFacets): void {
    const d = this.docNumber.get(docId)
    if (d !== undefined) this.docs[d]!.facets = { ...facets }
  }

  docIds(): IterableIterator<string> {
    return this.docNumber.keys()
  }

  remove(docId: string): void {
    const d = this.docNumber.get(docId)
    if (d === undefined) return
    for (const pid of this.docs[d]!.pids) this.killPassage(pid)
    this.docs[d] = null
    this.docNumber.delete(docId)
    this.maybeMerge()
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    return this.query(query, opts).hits
  }

  /** search() with the number of matching reports before the limit. */
  query(query: string, opts: SearchOptions = {}): SearchResult {
    const terms = queryTerms(query)
    if (terms.length === 0) return { hits: [], total: 0 }
    const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT)
    const allowed = allowedDocs(this.docs, opts.filter)

    const candidates = terms.map((t) => this.candidates(t))
    if (candidates.some((c) => c.length === 0)) return { hits: [], total: 0 }
    // Fewest candidates first: later terms only look at reports every earlier term matched.
    const order = terms.map((_, i) => i).sort((a, b) => candidates[a].length - candidates[b].length)

    // Tallies by doc number: typed arrays, because a common term visits most passages.
    const docCount = this.docs.length
    const termsFound = new Uint8Array(docCount) // terms proven present so far, in evaluation order
    const candidateCount = new Uint32Array(docCount) // passages that may hold a term: exact for exact terms
    let allExact = true
    order.forEach((ti, k) => {
      const term = terms[ti]
      const list = candidates[ti]
      // One or two characters are one key: its postings are exactly the passages with the term.
      const exact = term.length <= 2 && !startsWithWordChar(term)
      allExact &&= exact
      for (let i = 0; i < list.length; i++) {
        const pid = list[i]
        const d = this.p.doc[pid]
        if (d < 0 || termsFound[d] < k || (allowed && !allowed[d])) continue
        candidateCount[d]++
        // Read a report's text only until it is proven to hold the term.
        if (termsFound[d] === k && (exact || nextMatch(this.p.textOf(pid), term, 0) >= 0)) termsFound[d] = k + 1
      }
    })
    const { titleTerms, headingTerms } = this.headingMatches(terms, termsFound)

    const bonus = (d: number): number => TITLE_BONUS * bitCount(titleTerms[d]) + HEADING_BONUS * bitCount(headingTerms[d])
    type Ranked = { d: number; score: number }
    const byScore = (a: Ranked, b: Ranked): number => b.score - a.score || this.newerFirst(a.d, b.d)
    const matched: Ranked[] = []
    for (let d = 0; d < docCount; d++) {
      if (termsFound[d] === terms.length) matched.push({ d, score: candidateCount[d] + bonus(d) })
    }
    matched.sort(byScore)
    let top = matched.slice(0, limit)
    if (!allExact) {
      // The scores are upper bounds: read the passages of reports in that order, exactly, until
      // no bound left can reach the top `limit`.
      top = []
      for (const m of matched) {
        if (top.length >= limit && (limit === 0 || m.score < top[limit - 1].score)) break
        const exact = { d: m.d, score: this.passagesWithTerms(m.d, terms) + bonus(m.d) }
        let at = top.length
        while (at > 0 && byScore(exact, top[at - 1]) < 0) at--
        top.splice(at, 0, exact)
        if (top.length > limit) top.pop()
      }
    }
    const hits = top.map((m) => this.hitFor(m.d, terms, m.score, m.score - bonus(m.d)))
    return { hits, total: matched.length }
  }

  /** For the reports that hold every term: a bit per term found in the title, and in a heading. */
  private headingMatches(terms: readonly string[], termsFound: Uint8Array): { titleTerms: Uint8Array; headingTerms: Uint8Array } {
    const titleTerms = new Uint8Array(termsFound.length)
    const headingTerms = new Uint8Array(termsFound.length)
    terms.forEach((term, ti) => {
      const list = this.candidates(term, this.heads)
      for (let i = 0; i < list.length; i++) {
        const pid = list[i]
        const d = this.p.doc[pid]
        if (d < 0 || termsFound[d] !== terms.length || !matchesBefore(this.p.textOf(pid), term, this.p.headLen[pid])) continue
        if (this.p.kind[pid] === 'title') titleTerms[d] |= 1 << ti
        else headingTerms[d] |= 1 << ti
      }
    })
    return { titleTerms, headingTerms }
  }

  /** Passages of the report holding each term, summed over the terms. */
  private passagesWithTerms(d: number, terms: readonly string[]): number {
    let n = 0
    for (const pid of this.docs[d]!.pids) for (const term of terms) if (nextMatch(this.p.textOf(pid), term, 0) >= 0) n++
    return n
  }

  /** The whole index as typed arrays and strings, to save (updates folded into the base first); see PassageTable.toSnapshot for `onText`. */
  toSnapshot(onText?: (text: string, index: number) => void): SearchSnapshot {
    // Everything still in the file is read first: it is about to be written over.
    this.pager?.finish()
    this.compact()
    const docs = this.docs.filter((d): d is DocEntry => d !== null).map((d) => ({ id: d.id, title: d.title, facets: d.facets, rev: d.rev, pids: d.pids }))
    return { version: 2, docs, passages: this.p.toSnapshot(onText), store: this.store.toSnapshot(), heads: this.heads.toSnapshot(), liveEntries: this.liveEntries }
  }

  /** `pager`: what of the snapshot is still in its file (openSnapshot); the index reads it as needed. */
  static fromSnapshot(s: SearchSnapshot, options: { mergeAfter?: number; pager?: Pager } = {}): SearchIndex {
    if (s.version !== 2) throw new Error(`unknown search index version: ${String(s.version)}`)
    const index = new SearchIndex(options)
    const need = options.pager && options.pager.need.bind(options.pager)
    index.pager = options.pager ?? null
    index.p = PassageTable.fromSnapshot(s.passages, need)
    index.store = PostingStore.fromSnapshot(s.store, need)
    index.heads = PostingStore.fromSnapshot(s.heads, need)
    index.liveEntries = s.liveEntries
    for (const d of s.docs) {
      const number = index.docs.length
      index.docs.push({ id: d.id, title: d.title, facets: d.facets, rev: d.rev, pids: [...d.pids] })
      index.docNumber.set(d.id, number)
      // Passages keep their doc numbers from the saved index: renumber them to this one's.
      for (const pid of d.pids) index.p.doc[pid] = number
    }
    return index
  }

  private upsertPassages(docId: string, title: string, facets: SearchFacets, passages: readonly Passage[], mayMerge: boolean, rev = 0): void {
    let d = this.docNumber.get(docId)
    // Old passages by content: the editor saves every second and most sections are unchanged.
    const reusable = new Map<string, number[]>()
    if (d === undefined) {
      d = this.docs.length
      this.docs.push(null)
      this.docNumber.set(docId, d)
    } else {
      for (const pid of this.docs[d]!.pids) {
        const key = this.reuseKey(this.p.kind[pid], this.p.headLen[pid], this.p.textOf(pid))
        const same = reusable.get(key)
        if (same) same.push(pid)
        else reusable.set(key, [pid])
      }
    }
    const pids: number[] = []
    for (const p of passages) {
      const old = reusable.get(this.reuseKey(p.kind, p.headLen, p.text))?.shift()
      if (old !== undefined) {
        this.p.setPath(old, p.path)
        pids.push(old)
      } else {
        pids.push(this.addPassage(d, p))
      }
    }
    for (const left of reusable.values()) for (const pid of left) this.killPassage(pid)
    this.docs[d] = { id: docId, title, facets: { ...facets }, pids, rev }
    if (mayMerge) this.maybeMerge()
  }

  private reuseKey(kind: PassageKind, headLen: number, text: string): string {
    return `${kind}\u0001${headLen}\u0001${text}`
  }

  private addPassage(d: number, p: Passage): number {
    const pid = this.p.length
    const folded = foldText(p.text)
    const entries = this.store.add(pid, folded)
    if (p.headLen > 0) this.heads.add(pid, folded.slice(0, p.headLen))
    this.p.add(d, p, entries)
    this.liveEntries += entries
    return pid
  }

  private readonly alive = (pid: number): boolean => this.p.doc[pid] >= 0

  private killPassage(pid: number): void {
    const entries = this.p.kill(pid)
    this.liveEntries -= entries
    this.deadEntries += entries
  }

  /**
   * One step of the idle work on a loaded index: reading the next stretch still in its file, then
   * making the loaded texts into strings (PassageTable.settle). Returns whether more is left.
   */
  settle(): boolean {
    if (this.pager?.step()) return true
    return this.p.settle()
  }

  /** Lets go of the saved file without reading the rest: this index is being replaced. */
  release(): void {
    this.pager?.release()
  }

  /** Folds pending updates into the compact postings now (the worker may call it when idle). */
  compact(): void {
    this.store.merge(this.alive)
    this.heads.merge(this.alive)
    this.deadEntries = 0
  }

  /**
   * Compacts once the tail or the dead entries are a quarter of the base: a merge costs about
   * as much as the base is big, so updates stay amortised O(their own size).
   */
  private maybeMerge(): void {
    const threshold = Math.max(this.mergeAfter, this.store.baseEntries / 4)
    if (this.deadEntries >= threshold || this.store.tailEntries >= threshold) this.compact()
  }

  private beginBulk(): void {
    this.store.beginBulk()
    this.heads.beginBulk()
  }

  /** Writes the postings in a second pass over the live passages' text (postingStore.ts). */
  private endBulk(): void {
    const live = (post: (pid: number, folded: string) => void, head: boolean) => {
      for (let pid = 0; pid < this.p.length; pid++) {
        if (this.p.doc[pid] < 0 || (head && this.p.headLen[pid] === 0)) continue
        const text = this.p.textOf(pid)
        post(pid, foldText(head ? text.slice(0, this.p.headLen[pid]) : text))
      }
    }
    this.store.endBulk((post) => live(post, false))
    this.heads.endBulk((post) => live(post, true))
    this.deadEntries = 0
  }

  /** Passage ids whose text (in `store`) holds every bigram of the term (the character, for one character). */
  private candidates(term: string, store: PostingStore = this.store): PostingList {
    if (term.length === 1) return store.list(store.charSlot(term.charCodeAt(0)))
    const seen = new Set<number>()
    const lists: PostingList[] = []
    for (let i = 1; i < term.length; i++) {
      const slot = store.pairSlotOf(term.charCodeAt(i - 1), term.charCodeAt(i))
      if (slot < 0) return NO_POSTINGS
      if (seen.has(slot)) continue
      seen.add(slot)
      const list = store.list(slot)
      if (list.length === 0) return NO_POSTINGS
      lists.push(list)
    }
    lists.sort((a, b) => a.length - b.length)
    let out = lists[0]
    for (let i = 1; i < lists.length && out.length > 0; i++) out = intersectSorted(out, lists[i])
    return out
  }

  /** Tie-break: the later year first (reports without a year last), then by id for a stable order. */
  private newerFirst(a: number, b: number): number {
    const da = this.docs[a]!
    const db = this.docs[b]!
    const ya = da.facets.year ?? -Infinity
    const yb = db.facets.year ?? -Infinity
    if (ya !== yb) return yb - ya
    return da.id < db.id ? -1 : da.id > db.id ? 1 : 0
  }

  private hitFor(d: number, terms: readonly string[], score: number, matches: number): SearchHit {
    const doc = this.docs[d]!
    return hitFor(this.p, doc.id, doc.title, doc.pids, terms, score, matches)
  }
}

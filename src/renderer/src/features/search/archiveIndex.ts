/**
 * The search index of the whole archive, as the search worker keeps it: loaded from its saved
 * snapshot, brought up to date from the summary table (only reports changed since the snapshot are
 * read, their model without the editor state), kept up to date report by report as the app says
 * what changed, and saved again once enough has changed. Nothing here runs on the window's thread.
 *
 * Runs in Node too (tests, with fake-indexeddb): it needs a database, not a worker.
 */
import type { ReportSummary } from '@shared/archive/records'
import { SearchIndex, type BulkDoc } from '@shared/search/searchIndex'
import type { SearchFacets, SearchFilter, SearchResult } from '@shared/search/types'
import type { ArchiveDatabase } from '../../db/database'
import { dropSnapshot, loadSnapshot, saveSnapshot } from './indexStore'

/** Reports read per batch while catching up: small enough that a search waits at most one batch. */
const BATCH = 40
/** Save a new snapshot once this many reports changed since the last one (a start then reads at most these). */
export const SAVE_AFTER_CHANGES = 50
/**
 * A catch-up of this many reports shows its progress (after a restore or an upgrade: seconds). An
 * import's batch of fifty is indexed in a moment: a progress line would only flicker.
 */
export const PROGRESS_FROM = 200

export interface IndexProgress {
  /** Reports indexed so far while catching up, out of `total`; equal once the index is current. */
  done: number
  total: number
}

const facetsOf = (s: ReportSummary): SearchFacets => ({ year: s.year, kind: s.kind, status: s.status, unit: s.unit })
const sameFacets = (a: SearchFacets | undefined, b: SearchFacets) => !!a && a.year === b.year && a.kind === b.kind && a.status === b.status && a.unit === b.unit

export class ArchiveIndex {
  index = new SearchIndex()
  /** Reports changed since the saved snapshot. */
  private unsaved = new Set<string>()

  constructor(
    private readonly db: ArchiveDatabase,
    private readonly onProgress: (p: IndexProgress) => void = () => {}
  ) {}

  /** Loads the saved index and catches up with the archive. Returns how many reports had to be read. */
  async start(): Promise<number> {
    // The summaries are read while the snapshot is: the catching up after it waits for neither.
    const summaries = this.db.summaries.toArray()
    const saved = await loadSnapshot(this.db).catch((e: unknown) => {
      void summaries.catch(() => undefined)
      throw e
    })
    if (saved) this.index = saved.index
    const read = await this.catchUp(await summaries)
    if (!saved || saved.resave || this.unsaved.size >= SAVE_AFTER_CHANGES) await this.save()
    return read
  }

  /** Everything may have changed (a restore): start over from the archive. */
  async rebuild(): Promise<void> {
    // The saved file cannot be removed while this index still reads from it.
    this.index.release()
    await dropSnapshot(this.db)
    this.index = new SearchIndex()
    await this.catchUp()
    await this.save()
  }

  /**
   * Compares the index with the summary table: reports gone are removed, reports whose last change
   * differs from the indexed one are read again, reports only finalized or moved get new facets.
   */
  private async catchUp(summaries?: ReportSummary[]): Promise<number> {
    const live = new Map<string, ReportSummary>()
    for (const s of summaries ?? (await this.db.summaries.toArray())) if (!s.deletedAt) live.set(s.id, s)
    for (const id of [...this.index.docIds()]) {
      if (live.has(id)) continue
      this.index.remove(id)
      this.unsaved.add(id)
    }
    const stale: ReportSummary[] = []
    for (const s of live.values()) {
      if (this.index.revOf(s.id) !== s.updatedAt) stale.push(s)
      else if (!sameFacets(this.index.facetsOf(s.id), facetsOf(s))) this.index.setFacets(s.id, facetsOf(s))
    }
    await this.reindex(stale)
    return stale.length
  }

  /** Reads these reports' models (not their editor states) a batch at a time and indexes them. */
  private async reindex(summaries: ReportSummary[]): Promise<void> {
    // A first build into an empty index writes the postings once at the end (SearchIndex.loadBatches).
    if (this.index.size === 0 && summaries.length > BATCH) {
      const index = new SearchIndex()
      await index.loadBatches(this.read(summaries))
      this.index = index
      return
    }
    for await (const docs of this.read(summaries)) for (const d of docs) this.index.upsert(d.id, d.report, d.facets, d.rev)
  }

  /** The reports' models in batches, each batch read when the one before is indexed. */
  private async *read(summaries: ReportSummary[]): AsyncGenerator<BulkDoc[]> {
    for (let i = 0; i < summaries.length; i += BATCH) {
      const batch = summaries.slice(i, i + BATCH)
      const contents = await this.db.reports.bulkGet(batch.map((s) => s.id))
      const docs = batch.flatMap((s, k) => {
        const content = contents[k]
        return content ? [{ id: s.id, report: content.report, facets: facetsOf(s), rev: s.updatedAt }] : []
      })
      for (const d of docs) this.unsaved.add(d.id)
      yield docs
      if (summaries.length >= PROGRESS_FROM) this.onProgress({ done: Math.min(i + BATCH, summaries.length), total: summaries.length })
    }
  }

  /** These reports changed (saved, trashed, restored, finalized, removed): bring them up to date. */
  async changed(ids: string[]): Promise<void> {
    const summaries = await this.db.summaries.bulkGet(ids)
    const stale: ReportSummary[] = []
    ids.forEach((id, i) => {
      const s = summaries[i]
      if (!s || s.deletedAt) {
        if (this.index.has(id)) this.index.remove(id)
      } else if (this.index.revOf(id) !== s.updatedAt) {
        stale.push(s)
      } else {
        this.index.setFacets(id, facetsOf(s))
      }
      this.unsaved.add(id)
    })
    await this.reindex(stale)
  }

  /** One step of the index's idle work (SearchIndex.settle); returns whether more is left. */
  settle(): boolean {
    return this.index.settle()
  }

  search(query: string, filter?: SearchFilter, limit?: number): SearchResult {
    return this.index.query(query, { filter, limit })
  }

  /** Whether enough changed since the last snapshot that the next start would read too much. */
  get wantsSave(): boolean {
    return this.unsaved.size >= SAVE_AFTER_CHANGES
  }

  /** Saves a snapshot. The caller runs nothing else on the index meanwhile (the worker's queue). */
  async save(): Promise<void> {
    await saveSnapshot(this.db, this.index)
    this.unsaved.clear()
  }
}

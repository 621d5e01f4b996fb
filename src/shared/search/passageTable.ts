/**
 * The indexed passages, by id, as parallel arrays (compact, and fast to index in the query's hot
 * loop), and their saved form: texts in a few long strings, paths as numbers into a table of
 * section labels (a label like 一、基本情况 recurs in thousands of reports).
 *
 * Texts loaded from a file come as UTF-16 code units, and turning 25 million of them into strings
 * takes a third of a second: a passage's text is made when first asked for, and `settle` makes the
 * rest a chunk at a time while the worker is idle, so a start answers before all are made.
 */
import type { Pager } from './filePager'
import type { Passage, PassageKind } from './passages'
import { fromCodeUnits } from './utf16'

const KINDS: readonly PassageKind[] = ['title', 'preamble', 'section', 'attachments', 'signature']
const NO_PATH: readonly string[] = []
/** Texts are saved in strings of about this many characters (a passage never spans two). */
const TEXT_CHUNK = 1 << 20

export interface PassageSnapshot {
  count: number
  doc: Int32Array
  kind: Uint8Array
  headLen: Uint32Array
  entries: Uint32Array
  /** Strings as cut (and as the database stores them); UTF-16 code units as the file stores them. */
  texts: SavedText[]
  textChunk: Uint32Array
  textStart: Uint32Array
  textLength: Uint32Array
  labels: string[]
  pathStart: Uint32Array
  pathLabels: Uint32Array
}

/** The saved texts, as strings (the database) or as UTF-16 code units (the file). */
export type SavedText = string | Uint16Array

/** Texts still held as code units: per chunk, its units (null once made into a string) and its first passage. */
interface PendingTexts {
  units: (Uint16Array | null)[]
  firstPid: number[]
  /** Passages loaded (later ones were added since, with their text). */
  count: number
  chunk: Uint32Array
  start: Uint32Array
  length: Uint32Array
  next: number
}


export class PassageTable {
  /** Doc number of each passage; -1 once the passage is dead. */
  doc: number[] = []
  /** Each passage's text; undefined while it is still in `pending`. */
  private text: (string | undefined)[] = []
  private pending: PendingTexts | null = null
  headLen: number[] = []
  kind: PassageKind[] = []
  /** Postings entries the passage added, for the dead-entry tally. */
  entries: number[] = []
  private paths: (readonly string[] | undefined)[] = []
  /** Paths of passages loaded from a snapshot, turned into arrays when first asked for. */
  private saved: Pick<PassageSnapshot, 'labels' | 'pathStart' | 'pathLabels'> | null = null
  /** Reads code units still in the file in, as they are needed (filePager.ts). */
  private need: Pager['need'] | null = null

  get length(): number {
    return this.doc.length
  }

  add(d: number, p: Passage, entries: number): number {
    const pid = this.doc.length
    this.doc.push(d)
    this.text.push(p.text)
    this.headLen.push(p.headLen)
    this.kind.push(p.kind)
    this.entries.push(entries)
    this.paths.push(p.path)
    return pid
  }

  textOf(pid: number): string {
    const known = this.text[pid]
    if (known !== undefined) return known
    const p = this.pending!
    const at = p.start[pid]
    const units = p.units[p.chunk[pid]]!
    this.need?.(units, at, at + p.length[pid])
    const text = fromCodeUnits(units.subarray(at, at + p.length[pid]))
    this.text[pid] = text
    return text
  }

  /**
   * Makes the texts of the next chunk still held as code units into one string (its passages'
   * texts become slices of it, and the units can go). Returns whether any are left.
   */
  settle(): boolean {
    const p = this.pending
    if (!p) return false
    const c = p.next++
    const units = p.units[c]
    if (units) {
      this.need?.(units, 0, units.length)
      const all = fromCodeUnits(units)
      const end = c + 1 < p.firstPid.length ? p.firstPid[c + 1] : p.count
      for (let pid = p.firstPid[c]; pid < end; pid++) if (this.doc[pid] >= 0) this.text[pid] = all.substring(p.start[pid], p.start[pid] + p.length[pid])
      p.units[c] = null
    }
    if (p.next >= p.units.length) this.pending = null
    return this.pending !== null
  }

  path(pid: number): readonly string[] {
    const known = this.paths[pid]
    if (known) return known
    const s = this.saved
    if (!s || pid >= s.pathStart.length - 1) return NO_PATH
    const path = Array.from(s.pathLabels.subarray(s.pathStart[pid], s.pathStart[pid + 1]), (i) => s.labels[i])
    this.paths[pid] = path
    return path
  }

  setPath(pid: number, path: readonly string[]): void {
    this.paths[pid] = path
  }

  /** Marks a passage dead and drops its text; returns the postings entries it held. */
  kill(pid: number): number {
    const entries = this.entries[pid]
    this.doc[pid] = -1
    this.text[pid] = ''
    this.paths[pid] = NO_PATH
    this.entries[pid] = 0
    return entries
  }

  /**
   * The table as saved. With `onText`, each long text string goes to it as soon as it is cut (and
   * `texts` stays empty), so a caller storing them never holds them all a second time.
   */
  toSnapshot(onText?: (text: string, index: number) => void): PassageSnapshot {
    const count = this.length
    const texts: string[] = []
    let chunks = 0
    const emit = (text: string) => {
      if (onText) onText(text, chunks)
      else texts.push(text)
      chunks++
    }
    const textChunk = new Uint32Array(count)
    const textStart = new Uint32Array(count)
    const textLength = new Uint32Array(count)
    let parts: string[] = []
    let chunkLength = 0
    const labels: string[] = []
    const labelIds = new Map<string, number>()
    const pathStart = new Uint32Array(count + 1)
    const pathLabels: number[] = []
    for (let pid = 0; pid < count; pid++) {
      const text = this.doc[pid] < 0 ? '' : this.textOf(pid)
      if (chunkLength > 0 && chunkLength + text.length > TEXT_CHUNK) {
        emit(parts.join(''))
        parts = []
        chunkLength = 0
      }
      textChunk[pid] = chunks
      textStart[pid] = chunkLength
      textLength[pid] = text.length
      parts.push(text)
      chunkLength += text.length
      for (const label of this.path(pid)) {
        let id = labelIds.get(label)
        if (id === undefined) {
          id = labels.length
          labels.push(label)
          labelIds.set(label, id)
        }
        pathLabels.push(id)
      }
      pathStart[pid + 1] = pathLabels.length
    }
    emit(parts.join(''))
    return {
      count,
      doc: Int32Array.from(this.doc),
      kind: Uint8Array.from(this.kind, (k) => KINDS.indexOf(k)),
      headLen: Uint32Array.from(this.headLen),
      entries: Uint32Array.from(this.entries),
      texts,
      textChunk,
      textStart,
      textLength,
      labels,
      pathStart,
      pathLabels: Uint32Array.from(pathLabels)
    }
  }

  static fromSnapshot(s: PassageSnapshot, need?: Pager['need']): PassageTable {
    const t = new PassageTable()
    t.need = need ?? null
    t.doc = Array.from(s.doc)
    t.kind = Array.from(s.kind, (k) => KINDS[k] ?? 'section')
    t.headLen = Array.from(s.headLen)
    t.entries = Array.from(s.entries)
    t.text = new Array<string | undefined>(s.count)
    const saved = s.texts
    if (saved.every((x) => typeof x === 'string')) {
      // Substrings of the saved strings: V8 keeps them as slices, not copies.
      for (let pid = 0; pid < s.count; pid++) t.text[pid] = saved[s.textChunk[pid]].substring(s.textStart[pid], s.textStart[pid] + s.textLength[pid])
    } else {
      const firstPid = saved.map(() => s.count)
      for (let pid = s.count - 1; pid >= 0; pid--) firstPid[s.textChunk[pid]] = pid
      const units = saved.map((x) => {
        if (typeof x === 'string') throw new Error('search snapshot: texts both as strings and as code units')
        return x
      })
      t.pending = { units, firstPid, count: s.count, chunk: s.textChunk, start: s.textStart, length: s.textLength, next: 0 }
    }
    t.paths = new Array<readonly string[] | undefined>(s.count)
    t.saved = { labels: s.labels, pathStart: s.pathStart, pathLabels: s.pathLabels }
    return t
  }
}

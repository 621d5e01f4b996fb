/**
 * The indexed passages, by id, as parallel arrays (compact, and fast to index in the query's hot
 * loop), and their saved form: texts in a few long strings, paths as numbers into a table of
 * section labels (a label like 一、基本情况 recurs in thousands of reports).
 */
import type { Passage, PassageKind } from './passages'

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
  texts: string[]
  textChunk: Uint32Array
  textStart: Uint32Array
  textLength: Uint32Array
  labels: string[]
  pathStart: Uint32Array
  pathLabels: Uint32Array
}

export class PassageTable {
  /** Doc number of each passage; -1 once the passage is dead. */
  doc: number[] = []
  text: string[] = []
  headLen: number[] = []
  kind: PassageKind[] = []
  /** Postings entries the passage added, for the dead-entry tally. */
  entries: number[] = []
  private paths: (readonly string[] | undefined)[] = []
  /** Paths of passages loaded from a snapshot, turned into arrays when first asked for. */
  private saved: Pick<PassageSnapshot, 'labels' | 'pathStart' | 'pathLabels'> | null = null

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
      const text = this.text[pid]
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

  static fromSnapshot(s: PassageSnapshot): PassageTable {
    const t = new PassageTable()
    t.doc = Array.from(s.doc)
    t.kind = Array.from(s.kind, (k) => KINDS[k] ?? 'section')
    t.headLen = Array.from(s.headLen)
    t.entries = Array.from(s.entries)
    // Substrings of the saved strings: V8 keeps them as slices, not copies.
    t.text = Array.from({ length: s.count }, (_, pid) => s.texts[s.textChunk[pid]].substring(s.textStart[pid], s.textStart[pid] + s.textLength[pid]))
    t.paths = new Array<readonly string[] | undefined>(s.count)
    t.saved = { labels: s.labels, pathStart: s.pathStart, pathLabels: s.pathLabels }
    return t
  }
}

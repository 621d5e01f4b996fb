import { isKept, type SourceLine } from './lines'

/**
 * Page-chunk counters. Document-sharing sites show a document as numbered chunks of a
 * few hundred characters (`1、…`, `2、…`), cut wherever the chunk ends, often inside a
 * word (`第二届“` / `2、十佳”…`). Such a number is not a section: it opens a long line
 * whose previous line broke off mid-sentence, or text that cannot start a sentence. When
 * a run of 1, 2, 3… looks like that, or its lines are all as long as each other (a chunker
 * cuts at a fixed length), every number in it is removed and each broken line is joined
 * back to the line it was cut from.
 */

const COUNTER = /^(\d{1,3})\s*[、.．]\s*/
/** A line that ends a sentence (possibly closed by a quote or bracket). */
const ENDS = /[。！？!?…；;：:][”’」』）)"']*$/
const CANNOT_START = /^[，,。.；;、：:）)”’%％]/
const LONG = 60

interface Hit {
  line: number
  ordinal: number
  length: number
  broken: boolean
  /** The line before was cut mid-sentence: join to it. */
  join: boolean
}

export function joinChunkCounters(lines: SourceLine[], keep?: ReadonlySet<string>): { lines: SourceLine[]; removed: string[] } {
  const content: number[] = []
  lines.forEach((l, i) => {
    if (!l.table && l.text && !l.auto && !l.heading) content.push(i)
  })
  const hits: Hit[] = []
  content.forEach((i, k) => {
    const t = lines[i].text
    const m = COUNTER.exec(t)
    if (!m || isKept(keep, m[0].trim())) return
    const prevIndex = content[k - 1]
    const prev = prevIndex === undefined ? '' : lines[prevIndex].text
    const join = prev.length >= LONG && !ENDS.test(prev)
    // A chunk is long, unless it is the last one, cut short by the end of the page (after a long one).
    if (t.length < LONG && !join && prev.length < 100) return
    const rest = t.slice(m[0].length)
    hits.push({ line: i, ordinal: Number(m[1]), length: t.length, broken: join || CANNOT_START.test(rest), join })
  })
  // Runs of consecutive numbers; a run is counters when half of its breaks, and at least one, fall mid-sentence.
  const counters = new Set<Hit>()
  let run: Hit[] = []
  const close = (): void => {
    const broken = run.filter((h) => h.broken).length
    // A chunker cuts at a fixed length: every chunk but the last is as long as the first.
    // (Two paragraphs can be as long as each other by chance; three chunks in a row cannot.)
    const full = run.slice(0, -1)
    const sameLength = full.length >= 2 && full[0].length >= 100 && full.every((h) => Math.abs(h.length - full[0].length) <= 1) && run[run.length - 1].length <= full[0].length + 1
    if (run.length >= 2 && (sameLength || (broken >= 1 && broken * 2 >= run.length))) for (const h of run) counters.add(h)
    run = []
  }
  for (const h of hits) {
    if (run.length && h.ordinal !== run[run.length - 1].ordinal + 1) close()
    // A run starts at 1, or wherever a chunk visibly breaks a sentence (the first chunks may be gone with the page's noise).
    if (!run.length && h.ordinal !== 1 && !h.broken) continue
    run.push(h)
  }
  close()
  if (!counters.size) return { lines, removed: [] }

  const removed: string[] = []
  const out: SourceLine[] = []
  const byLine = new Map([...counters].map((h) => [h.line, h]))
  lines.forEach((line, i) => {
    const hit = byLine.get(i)
    if (!hit) {
      out.push(line)
      return
    }
    const m = COUNTER.exec(line.text)!
    removed.push(m[0].trim())
    const text = line.text.slice(m[0].length)
    // Join across the blank lines between chunks to the line this one was cut from.
    let j = out.length - 1
    while (j >= 0 && !out[j].table && !out[j].text) j--
    if (hit.join && j >= 0) {
      out[j] = { ...out[j], text: out[j].text + text }
      out.length = j + 1
    } else out.push({ ...line, text })
  })
  return { lines: out, removed }
}

import type { HeadingLevel } from '../doc/model'

/**
 * Which numbered candidates are the document's headings, and how they nest: the most
 * plausible numbering over the whole document, found by a beam search over the possible
 * stacks of open numbering styles. Ordinals count up by one within a level; a new style
 * opens a level under the current one, starting from 1; styles nest in the order
 * 一、 → （一） → 1. → （1） unless the document shows otherwise. Each candidate brings its
 * own evidence (where it stands, the shape of its heading text, what the source declared);
 * the sequence decides the doubtful ones: a `二、` glued after a sentence is a heading
 * when it continues a `一、`, and a marker that fits nothing is text.
 */

export interface Candidate {
  /** The numbering style as written: `cn、`, `cn()`, `num.`, `num、`, `num()`… */
  style: string
  /** Styles that differ only in their delimiter (`1.` and `1、`) count as one family. */
  family: string
  /** The 公文 level the style denotes: 1 一、 · 2 （一） · 3 1. · 4 （1）. */
  canon: HeadingLevel
  ordinal: number
  /** Evidence that this is a heading, before the sequence is considered (log-odds-like). */
  evidence: number
}

export interface Chosen {
  index: number
  /** 1 = top of the tree. */
  depth: number
}

interface Open {
  style: string
  family: string
  canon: HeadingLevel
  ordinal: number
}

interface Path {
  index: number
  depth: number
  prev: Path | null
}

interface State {
  stack: Open[]
  /** keys[i] identifies stack[0..i]: states with equal keys are merged, keeping the better. */
  keys: string[]
  score: number
  path: Path | null
}

const BEAM = 12
const MARGIN = 6

function continuation(prev: number, n: number): number {
  if (n === prev + 1) return 2
  if (n === prev) return -1.5
  if (n < prev) return -3
  return Math.max(-1, 2 - 0.7 * (n - prev - 1))
}

/** A level starting past 1 is a gap; the document's very first heading less so (a page may begin mid-document). */
function start(n: number, first = false): number {
  return n === 1 ? 1 : (first ? -0.15 : -0.45) * Math.min(n - 1, 6)
}

/** Where a candidate can go in a stack of open styles: the depth it pops to, the entry it pushes, and what the move is worth. */
function placements(stack: Open[], c: Candidate): { depth: number; entry: Open; gain: number }[] {
  const out: { depth: number; entry: Open; gain: number }[] = []
  const entry: Open = { style: c.style, family: c.family, canon: c.canon, ordinal: c.ordinal }
  const at = stack.findIndex((o) => o.style === c.style)
  if (at >= 0) out.push({ depth: at, entry, gain: continuation(stack[at].ordinal, c.ordinal) })
  // The same family with another delimiter continuing a level: one level written two ways.
  const variant = stack.findIndex((o) => o.family === c.family && o.style !== c.style && c.ordinal === o.ordinal + 1)
  if (variant >= 0 && at < 0) out.push({ depth: variant, entry: { ...entry, style: stack[variant].style }, gain: 1.2 })
  // A new level: under the innermost open level, under the deepest one whose style it nests in by the
  // 公文 order, or at the top. (Other depths are never better than one of these three.)
  const limit = at >= 0 ? at : stack.length
  let natural = limit
  while (natural > 0 && stack[natural - 1].canon >= c.canon) natural--
  for (const d of new Set([limit, natural, 0])) {
    const parent = stack[d - 1]
    let gain = start(c.ordinal, stack.length === 0)
    // 1. under 3、: the same numerals with another delimiter can open a level too, less readily.
    if (parent && parent.family === c.family) gain -= 0.5
    else if (parent) gain += parent.canon < c.canon ? 0.5 : -1.5
    else if (stack.length) gain += stack[0].canon <= c.canon ? -2 : -0.5
    out.push({ depth: d, entry, gain })
  }
  return out
}

export function chooseSequence(candidates: Candidate[]): Chosen[] {
  let beam: State[] = [{ stack: [], keys: [], score: 0, path: null }]
  candidates.forEach((c, index) => {
    // Moves are scored first and only the survivors are built: most never enter the beam.
    const best = new Map<string, { from: State; depth: number; entry: Open | null; score: number }>()
    const offer = (k: string, from: State, depth: number, entry: Open | null, score: number): void => {
      const had = best.get(k)
      if (!had || had.score < score) best.set(k, { from, depth, entry, score })
    }
    for (const s of beam) {
      offer(s.keys[s.keys.length - 1] ?? '', s, -1, null, s.score)
      for (const p of placements(s.stack, c)) {
        offer(`${s.keys[p.depth - 1] ?? ''}/${p.entry.style}${p.entry.ordinal}`, s, p.depth, p.entry, s.score + c.evidence + p.gain)
      }
    }
    const moves = [...best.entries()].sort((a, b) => b[1].score - a[1].score)
    // A state this far behind the best does not catch up within a document's few doubtful markers.
    const floor = moves[0][1].score - MARGIN
    beam = []
    for (const [k, m] of moves) {
      if (beam.length >= BEAM || m.score < floor) break
      if (!m.entry) {
        beam.push(m.from)
        continue
      }
      const keys = m.from.keys.slice(0, m.depth)
      keys.push(k)
      const stack = m.from.stack.slice(0, m.depth)
      stack.push(m.entry)
      beam.push({ stack, keys, score: m.score, path: { index, depth: m.depth + 1, prev: m.from.path } })
    }
  })
  const top = beam.reduce((a, b) => (b.score > a.score ? b : a), beam[0])
  const chosen: Chosen[] = []
  for (let p = top.path; p; p = p.prev) chosen.push({ index: p.index, depth: p.depth })
  return chosen.reverse()
}

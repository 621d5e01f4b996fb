import { Bytes, DocFormatError } from './bytes'

/**
 * The piece table (Clx → PlcPcd): the document's text is stored in pieces, each either
 * UTF-16 or "compressed" 8-bit text, anywhere in the WordDocument stream. Reading it
 * gives the main text and, for each character, the file offset its properties are
 * keyed by.
 */
export interface DocText {
  text: string
  /** File offset of each character of `text`. */
  fcAt: (cp: number) => number
}

/** Windows-1252's 0x80–0x9F, the only part of compressed text that is not Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

interface Piece {
  cp: number
  cpEnd: number
  fc: number
  compressed: boolean
}

function readPieces(table: Bytes, fc: number, lcb: number): Piece[] {
  let p = fc
  const end = fc + lcb
  while (p < end) {
    const type = table.u8(p)
    if (type === 1) {
      // A Prc: property modifiers for pieces, skipped.
      p += 3 + table.u16(p + 1)
    } else if (type === 2) {
      const size = table.u32(p + 1)
      const n = (size - 4) / 12
      if (!Number.isInteger(n) || n <= 0 || n > 1_000_000) throw new DocFormatError('bad piece table')
      const base = p + 5
      const pieces: Piece[] = []
      for (let i = 0; i < n; i++) {
        const cp = table.u32(base + i * 4)
        const cpEnd = table.u32(base + (i + 1) * 4)
        const raw = table.u32(base + (n + 1) * 4 + i * 8 + 2)
        const compressed = (raw & 0x40000000) !== 0
        const pfc = raw & 0x3fffffff
        if (cpEnd < cp) throw new DocFormatError('bad piece bounds')
        pieces.push({ cp, cpEnd, fc: compressed ? pfc / 2 : pfc, compressed })
      }
      return pieces
    } else {
      break
    }
  }
  throw new DocFormatError('no piece table')
}

export function readText(wd: Bytes, table: Bytes, clx: { fc: number; lcb: number }, ccpText: number): DocText {
  const pieces = readPieces(table, clx.fc, clx.lcb)
  const chars: string[] = []
  const starts: number[] = []
  for (const piece of pieces) {
    if (piece.cp >= ccpText) break
    const last = Math.min(piece.cpEnd, ccpText)
    starts.push(chars.length)
    for (let cp = piece.cp; cp < last; cp++) {
      const i = cp - piece.cp
      if (piece.compressed) {
        const b = wd.u8(piece.fc + i)
        chars.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))
      } else {
        chars.push(String.fromCharCode(wd.u16(piece.fc + 2 * i)))
      }
    }
  }
  const text = chars.join('')
  return {
    text,
    fcAt(cp) {
      // Pieces are in CP order: find the one holding cp.
      let lo = 0
      let hi = pieces.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (pieces[mid].cp <= cp) lo = mid
        else hi = mid - 1
      }
      const piece = pieces[lo]
      return piece.compressed ? piece.fc + (cp - piece.cp) : piece.fc + 2 * (cp - piece.cp)
    }
  }
}

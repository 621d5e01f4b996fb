/**
 * Texts as UTF-16 code units and back, the form the saved search index keeps its texts in
 * (snapshotFile.ts writes them, PassageTable makes strings of them when needed).
 */

// ignoreBOM: a text may well start with U+FEFF, which must stay a character of it. A lone
// surrogate, which no saved report should hold, comes back as U+FFFD: same length, nothing moves.
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true })

export function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i)
  return units
}

export function fromCodeUnits(units: Uint16Array): string {
  return decoder.decode(units)
}

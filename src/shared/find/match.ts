/**
 * Find and replace matching, as Word's 查找 does it: plain text (no patterns), optionally case-
 * sensitive, and optionally treating full-width and half-width forms as the same character
 * (ＡＢＣ１２３，and ABC123, alike). Folding maps one UTF-16 unit to one, so an offset in the folded
 * text is the same offset in the original.
 */
export interface FindOptions {
  matchCase: boolean
  /** Full-width ASCII forms (U+FF01–FF5E) and the ideographic space match their half-width forms. */
  widthInsensitive: boolean
}

export const DEFAULT_FIND_OPTIONS: FindOptions = { matchCase: false, widthInsensitive: true }

function foldChar(c: string, opts: FindOptions): string {
  let code = c.charCodeAt(0)
  if (opts.widthInsensitive) {
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0
    else if (code === 0x3000) code = 0x20
  }
  let out = String.fromCharCode(code)
  if (!opts.matchCase) {
    const lower = out.toLowerCase()
    // Only foldings that keep the length (İ lowers to two units): offsets must stay aligned.
    if (lower.length === 1) out = lower
  }
  return out
}

/** The text as matching sees it, unit for unit. */
export function foldText(text: string, opts: FindOptions): string {
  if (opts.matchCase && !opts.widthInsensitive) return text
  let out = ''
  for (let i = 0; i < text.length; i++) out += foldChar(text[i], opts)
  return out
}

/** Every occurrence of `query` in `text`, left to right and not overlapping, as [start, end). */
export function findAll(text: string, query: string, opts: FindOptions): [number, number][] {
  if (!query) return []
  const hay = foldText(text, opts)
  const needle = foldText(query, opts)
  const out: [number, number][] = []
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push([i, i + needle.length])
  return out
}

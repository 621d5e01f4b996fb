import { isKept, type SourceLine } from './lines'

/**
 * Pinyin glosses some sites put after characters, `規(guī)范`: a reading aid, not text.
 * A gloss is a bracket right after a Chinese character holding one pinyin syllable with
 * a tone mark (or tone number), or a few such syllables for the characters before it; Latin words
 * in brackets (`(Chrome)`, `(a)`) are not glosses.
 */
const SYLLABLE = '(?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|[a-zü]{1,6}[1-5])'
// One syllable, or a few for the characters before it (规范(guī fàn)).
const GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff])[（(]${SYLLABLE}(?:[\\s·]+${SYLLABLE}){0,5}[)）]`, 'g')

export function stripGlosses(lines: SourceLine[], keep?: ReadonlySet<string>): { lines: SourceLine[]; removed: string[] } {
  const removed: string[] = []
  const out = lines.map((line) => {
    if (line.table || (!line.text.includes('(') && !line.text.includes('（')) || !/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|[a-z][1-5][)）]/.test(line.text)) return line
    const text = line.text.replace(GLOSS, (g: string) => {
      if (isKept(keep, g)) return g
      removed.push(g)
      return ''
    })
    return text === line.text ? line : { ...line, text }
  })
  return { lines: out, removed }
}

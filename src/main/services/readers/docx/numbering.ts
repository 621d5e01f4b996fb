import { numberFormatFromName, type ListInstance, type ListLevel } from '../list-numbering'
import type { Styles } from './styles'
import { child, elements, val, type XmlElement } from './xml'

/**
 * numbering.xml: abstract list definitions and the numbered instances (`w:num`) that
 * paragraphs point at, with their level overrides. An abstract definition that only links
 * to a numbering style (`w:numStyleLink`) takes its levels from the list that style names.
 */

export interface Numbering {
  instance(numId: string): ListInstance | undefined
}

function readLevel(lvl: XmlElement): ListLevel {
  const start = Number(val(lvl, 'w:start') ?? '1')
  const restart = val(lvl, 'w:lvlRestart')
  const suff = val(lvl, 'w:suff')
  const isLgl = child(lvl, 'w:isLgl')
  return {
    start: Number.isFinite(start) ? start : 1,
    format: numberFormatFromName(val(lvl, 'w:numFmt')),
    text: val(lvl, 'w:lvlText') ?? '',
    ...(restart !== undefined && /^\d+$/.test(restart) ? { restartAfter: Number(restart) } : {}),
    ...(isLgl && isLgl.attrs['w:val'] !== '0' ? { legal: true } : {}),
    suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab'
  }
}

function levelsOf(abs: XmlElement): (ListLevel | undefined)[] {
  const levels: (ListLevel | undefined)[] = []
  for (const lvl of elements(abs, 'w:lvl')) {
    const i = Number(lvl.attrs['w:ilvl'])
    if (Number.isInteger(i) && i >= 0 && i < 9) levels[i] = readLevel(lvl)
  }
  return levels
}

export function parseNumbering(root: XmlElement | undefined, styles: Styles): Numbering {
  const abstracts = new Map<string, XmlElement>()
  for (const abs of elements(root, 'w:abstractNum')) abstracts.set(abs.attrs['w:abstractNumId'] ?? '', abs)
  const nums = new Map<string, XmlElement>()
  for (const num of elements(root, 'w:num')) nums.set(num.attrs['w:numId'] ?? '', num)

  const cache = new Map<string, ListInstance | undefined>()
  const resolve = (numId: string, depth: number): ListInstance | undefined => {
    if (cache.has(numId)) return cache.get(numId)
    const num = nums.get(numId)
    let absId = val(num, 'w:abstractNumId')
    let abs = absId !== undefined ? abstracts.get(absId) : undefined
    if (!num || !abs || absId === undefined) return undefined
    // A definition that links to a numbering style: the style's own list holds the levels.
    const link = val(abs, 'w:numStyleLink')
    if (link && depth < 3) {
      const linkedNum = styles.byId(link)?.numId
      const linked = linkedNum !== undefined ? resolve(linkedNum, depth + 1) : undefined
      if (linked) {
        absId = linked.list
        abs = abstracts.get(absId) ?? abs
      }
    }
    const levels = levelsOf(abs)
    const startOverrides = new Map<number, number>()
    for (const o of elements(num, 'w:lvlOverride')) {
      const i = Number(o.attrs['w:ilvl'])
      if (!Number.isInteger(i) || i < 0 || i > 8) continue
      const so = val(o, 'w:startOverride')
      if (so !== undefined && /^\d+$/.test(so)) startOverrides.set(i, Number(so))
      const lvl = child(o, 'w:lvl')
      if (lvl) levels[i] = readLevel(lvl)
    }
    const inst = { list: absId, levels, startOverrides }
    cache.set(numId, inst)
    return inst
  }
  return {
    instance: (numId) => (numId === '0' ? undefined : resolve(numId, 0))
  }
}

/**
 * mixed-script: traditional characters in a document meant to be simplified (meta.script), or
 * simplified ones in a traditional document. One finding per paragraph (or heading, title,
 * table) with the count and the characters, anchored on the first one; a pasted traditional
 * page would otherwise bury every other finding. Which characters count is decided in
 * src/shared/convert/script.ts with OpenCC.
 */
import { foreignChars, primeScriptCache } from '../../convert/script'
import { makeFinding } from '../context'
import type { Rule } from '../rule'
import type { Finding } from '../types'

/** How many distinct characters the message lists before eliding. */
const LIST_MAX = 8

export const mixedScript: Rule = {
  id: 'mixed-script',
  run(ctx) {
    const out: Finding[] = []
    const script = ctx.report.meta.script
    const other = script === 'simplified' ? '繁体字' : '简体字'
    const own = script === 'simplified' ? '简体' : '繁体'
    primeScriptCache(ctx.units.map((u) => u.text).join('\n'))
    for (const unit of ctx.units) {
      const found = foreignChars(unit.text, script)
      if (found.length === 0) continue
      const distinct = [...new Set(found.map((f) => f.char))]
      const shown = distinct.slice(0, LIST_MAX).join('、') + (distinct.length > LIST_MAX ? '等' : '')
      const first = found[0]
      out.push(
        makeFinding(
          unit,
          'mixed-script',
          `文档设定为${own}，此处有${found.length}个${other}：${shown}`,
          first.index,
          first.index + first.char.length
        )
      )
    }
    return out
  }
}

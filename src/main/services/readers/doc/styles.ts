import type { Bytes } from './bytes'
import { applyParaSprms, type ParaProps } from './sprm'

/**
 * The style sheet (STSH): each paragraph style's name, the style it is based on, and the
 * paragraph properties it sets, which may include list numbering (WPS puts outline
 * numbering on its heading styles) and an outline level.
 */
export interface DocStyle {
  name: string
  /** Built-in style identifier: 1–9 are the heading styles, 62 is Title. */
  sti: number
  base: number
  props: ParaProps
}

const STI_TITLE = 62
const NO_STYLE = 0x0fff

export interface DocStyles {
  /** Properties of a style with its base styles applied (own properties win). */
  resolved(istd: number): ParaProps & { heading?: number; title?: boolean }
}

export function readStyles(table: Bytes, stsh: { fc: number; lcb: number }): DocStyles {
  const styles = new Map<number, DocStyle>()
  if (stsh.lcb >= 4) {
    const cbStshi = table.u16(stsh.fc)
    const stshi = stsh.fc + 2
    const cstd = table.u16(stshi)
    const cbBase = table.u16(stshi + 2)
    let o = stshi + cbStshi
    const end = stsh.fc + stsh.lcb
    for (let istd = 0; istd < cstd && o + 2 <= end; istd++) {
      const cbStd = table.u16(o)
      const std = o + 2
      o = std + cbStd
      if (cbStd === 0 || cbStd < cbBase || o > end) continue
      const sti = table.u16(std) & 0x0fff
      const w2 = table.u16(std + 2)
      const stk = w2 & 0x000f
      const base = w2 >> 4
      const cupx = table.u16(std + 4) & 0x000f
      let p = std + cbBase
      const cch = table.u16(p)
      const name = table.utf16(p + 2, Math.min(cch, 255))
      p += 2 + cch * 2 + 2
      let props: ParaProps = {}
      // A paragraph style's first UPX is its paragraph properties: istd, then a grpprl.
      if (stk === 1 && cupx >= 1 && p + 2 <= o) {
        if (p % 2) p++
        const cbUpx = table.u16(p)
        if (cbUpx >= 2 && p + 2 + cbUpx <= o) props = applyParaSprms(table, {}, p + 4, p + 2 + cbUpx)
      }
      if (stk === 1) styles.set(istd, { name, sti, base, props })
    }
  }
  const cache = new Map<number, ParaProps & { heading?: number; title?: boolean }>()
  const resolve = (istd: number, depth: number): ParaProps & { heading?: number; title?: boolean } => {
    const hit = cache.get(istd)
    if (hit) return hit
    const style = styles.get(istd)
    if (!style || depth > 16) return {}
    const base = style.base !== NO_STYLE && style.base !== istd ? resolve(style.base, depth + 1) : {}
    const named = /^(?:heading|标题|標題)\s*([1-9])$/i.exec(style.name.trim())
    const heading = style.sti >= 1 && style.sti <= 9 ? style.sti : named ? Number(named[1]) : undefined
    const out = { ...base, title: undefined, heading: undefined, ...style.props } as ParaProps & { heading?: number; title?: boolean }
    if (heading !== undefined) out.heading = heading
    else if (style.props.outline !== undefined && style.props.outline < 9) out.heading = style.props.outline + 1
    else out.heading = base.heading
    if (style.sti === STI_TITLE || /^(?:title|标题|標題)$/i.test(style.name.trim())) out.title = true
    cache.set(istd, out)
    return out
  }
  return { resolved: (istd) => resolve(istd, 0) }
}

import type { Bytes } from './bytes'
import { applyParaSprms, type ParaProps } from './sprm'

/**
 * Paragraph properties (PAPX), stored in 512-byte pages (FKPs) of the WordDocument stream
 * and found through PlcBtePapx by the file offset of the paragraph's end mark.
 */
export interface Papx {
  fc: number
  fcEnd: number
  istd: number
  props: ParaProps
}

export function readPapxRuns(wd: Bytes, table: Bytes, plc: { fc: number; lcb: number }): Papx[] {
  if (plc.lcb < 12) return []
  const n = (plc.lcb - 4) / 8
  if (!Number.isInteger(n)) return []
  const runs: Papx[] = []
  for (let i = 0; i < n; i++) {
    const pn = table.u32(plc.fc + (n + 1) * 4 + i * 4) & 0x3fffff
    const page = wd.slice(pn * 512, 512)
    const crun = page.u8(511)
    for (let k = 0; k < crun; k++) {
      const fc = page.u32(k * 4)
      const fcEnd = page.u32((k + 1) * 4)
      const bx = page.u8((crun + 1) * 4 + k * 13)
      let istd = 0
      let props: ParaProps = {}
      if (bx) {
        let o = bx * 2
        let cb = page.u8(o)
        let size: number
        if (cb === 0) {
          cb = page.u8(o + 1)
          size = 2 * cb
          o += 2
        } else {
          size = 2 * cb - 1
          o += 1
        }
        if (size >= 2 && o + size <= 512) {
          istd = page.u16(o)
          props = applyParaSprms(page, {}, o + 2, o + size)
        }
      }
      runs.push({ fc, fcEnd, istd, props })
    }
  }
  runs.sort((a, b) => a.fc - b.fc)
  return runs
}

/** The properties in force at a file offset (binary search over the runs). */
export function papxAt(runs: Papx[], fc: number): Papx | undefined {
  let lo = 0
  let hi = runs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = runs[mid]
    if (fc < r.fc) hi = mid - 1
    else if (fc >= r.fcEnd) lo = mid + 1
    else return r
  }
  return undefined
}

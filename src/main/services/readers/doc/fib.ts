import { Bytes, DocFormatError } from './bytes'

/**
 * The File Information Block at the start of the WordDocument stream: which table
 * stream holds the document's tables, how long the main text is, and where each table
 * starts. Offsets follow [MS-DOC] 2.5 (FibBase, FibRgLw97, FibRgFcLcb97).
 */
export interface Fib {
  nFib: number
  encrypted: boolean
  tableStream: '0Table' | '1Table'
  ccpText: number
  /** Offset and size of the table with this index in FibRgFcLcb97. */
  fcLcb(index: number): { fc: number; lcb: number }
}

/** Indices into FibRgFcLcb97 of the tables the reader uses. */
export const FC = {
  Stshf: 1,
  PlcfBtePapx: 13,
  Clx: 33,
  PlfLst: 73,
  PlfLfo: 74
} as const

export function readFib(wd: Bytes): Fib {
  if (wd.length < 0x22 || wd.u16(0) !== 0xa5ec) throw new DocFormatError('not a Word 97 document')
  const nFib = wd.u16(2)
  const flags = wd.u16(0x0a)
  const csw = wd.u16(0x20)
  const lwStart = 0x22 + csw * 2
  const cslw = wd.u16(lwStart)
  const lw = lwStart + 2
  const ccpText = wd.i32(lw + 3 * 4)
  const fcStart = lw + cslw * 4
  const cbRgFcLcb = wd.u16(fcStart)
  const base = fcStart + 2
  return {
    nFib,
    encrypted: (flags & 0x0100) !== 0,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText,
    fcLcb(index) {
      if (index >= cbRgFcLcb) return { fc: 0, lcb: 0 }
      return { fc: wd.u32(base + index * 8), lcb: wd.u32(base + index * 8 + 4) }
    }
  }
}

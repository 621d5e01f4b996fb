import type { Bytes } from './bytes'

/**
 * Property modifiers (sprms): a 2-byte operation code whose top three bits give the
 * operand's size. Only paragraph properties the importer reads are named here.
 */
export const SPRM = {
  /** List level of the paragraph (0–8). */
  PIlvl: 0x260a,
  /** 1-based index into the list format overrides; 0 is "no list". */
  PIlfo: 0x460b,
  /** Outline level 0–8 (9 is body text). */
  POutLvl: 0x2640,
  PJc80: 0x2403,
  PJc: 0x2461,
  PFInTable: 0x2416,
  PFTtp: 0x2417,
  PItap: 0x6649,
  CFBold: 0x0835,
  CHps: 0x4a43
} as const

export interface Sprm {
  op: number
  /** Offset of the operand within the grpprl. */
  at: number
  size: number
}

/** The sprms of a grpprl, in order; stops at the first one that would overrun it. */
export function* sprms(g: Bytes, start = 0, end = g.length): Generator<Sprm> {
  let i = start
  while (i + 2 <= end) {
    const op = g.u16(i)
    i += 2
    let size: number
    switch (op >> 13) {
      case 0:
      case 1:
        size = 1
        break
      case 2:
      case 4:
      case 5:
        size = 2
        break
      case 3:
        size = 4
        break
      case 7:
        size = 3
        break
      default: {
        if (i >= end) return
        // Variable size: the first operand byte counts what follows (two bytes for this one table sprm).
        if (op === 0xd608) {
          if (i + 2 > end) return
          size = g.u16(i) + 1
        } else {
          size = g.u8(i) + 1
        }
      }
    }
    if (i + size > end) return
    yield { op, at: i, size }
    i += size
  }
}

/** What the importer reads from a paragraph's properties. */
export interface ParaProps {
  ilvl?: number
  ilfo?: number
  outline?: number
  center?: boolean
  inTable?: boolean
  rowEnd?: boolean
}

export function applyParaSprms(g: Bytes, props: ParaProps, start = 0, end = g.length): ParaProps {
  for (const s of sprms(g, start, end)) {
    switch (s.op) {
      case SPRM.PIlvl:
        props.ilvl = g.u8(s.at)
        break
      case SPRM.PIlfo:
        props.ilfo = g.i16(s.at)
        break
      case SPRM.POutLvl:
        props.outline = g.u8(s.at)
        break
      case SPRM.PJc:
      case SPRM.PJc80:
        props.center = g.u8(s.at) === 1
        break
      case SPRM.PFInTable:
        props.inTable = g.u8(s.at) !== 0
        break
      case SPRM.PFTtp:
        props.rowEnd = g.u8(s.at) !== 0
        break
      case SPRM.PItap:
        props.inTable = g.u32(s.at) > 0 || props.inTable
        break
    }
  }
  return props
}

import type { ListInstance, ListLevel, NumberFormat } from '../list-numbering'
import type { Bytes } from './bytes'

/**
 * The list tables: PlfLst holds each list's levels (LSTF then LVLs), PlfLfo the list
 * format overrides that paragraphs point at (sprmPIlfo), each naming a list by its id
 * and possibly restarting some of its levels.
 */

/** Number formats by their [MS-DOC] code (MSONFC). */
const NFC: Record<number, NumberFormat> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  10: 'ideographDigital',
  11: 'chineseCounting',
  14: 'decimalFullWidth',
  15: 'decimal',
  18: 'decimalEnclosedCircle',
  19: 'decimalFullWidth',
  22: 'decimalZero',
  23: 'bullet',
  26: 'decimalEnclosedFullstop',
  27: 'decimalEnclosedParen',
  28: 'decimalEnclosedCircle',
  29: 'decimalEnclosedCircle',
  30: 'ideographTraditional',
  31: 'ideographZodiac',
  33: 'chineseCounting',
  34: 'chineseLegalSimplified',
  35: 'chineseCounting',
  37: 'chineseCounting',
  38: 'chineseLegalSimplified',
  39: 'chineseCountingThousand',
  255: 'none'
}

export interface DocLists {
  /** The list a paragraph's ilfo (1-based) points at. */
  instance(ilfo: number): ListInstance | undefined
}

function readLvl(t: Bytes, o: number): { level: ListLevel; next: number } {
  const start = t.i32(o)
  const nfc = t.u8(o + 4)
  const flags = t.u8(o + 5)
  const follow = t.u8(o + 15)
  const cbChpx = t.u8(o + 24)
  const cbPapx = t.u8(o + 25)
  const restartLim = t.u8(o + 26)
  let p = o + 28 + cbPapx + cbChpx
  const cch = t.u16(p)
  const raw = t.utf16(p + 2, Math.min(cch, 64))
  p += 2 + cch * 2
  // Placeholders are the characters 0–8: the number of that level goes there.
  const text = raw.replace(/[\u0000-\u0008]/g, (c) => `%${c.charCodeAt(0) + 1}`)
  const noRestart = (flags & 0x08) !== 0
  return {
    level: {
      start,
      format: NFC[nfc] ?? 'decimal',
      text,
      ...(noRestart ? { restartAfter: restartLim } : {}),
      ...(flags & 0x04 ? { legal: true } : {}),
      suffix: follow === 1 ? 'space' : follow === 2 ? 'nothing' : 'tab'
    },
    next: p
  }
}

export function readLists(table: Bytes, plfLst: { fc: number; lcb: number }, plfLfo: { fc: number; lcb: number }): DocLists {
  const lists = new Map<number, (ListLevel | undefined)[]>()
  if (plfLst.lcb >= 2) {
    const count = table.i16(plfLst.fc)
    const ids: { lsid: number; simple: boolean }[] = []
    let o = plfLst.fc + 2
    for (let i = 0; i < count && i < 4096; i++, o += 28) ids.push({ lsid: table.i32(o), simple: (table.u8(o + 26) & 1) !== 0 })
    // The levels of every list follow the last LSTF, in the same order.
    for (const { lsid, simple } of ids) {
      const levels: (ListLevel | undefined)[] = []
      for (let k = 0; k < (simple ? 1 : 9); k++) {
        const r = readLvl(table, o)
        levels.push(r.level)
        o = r.next
      }
      lists.set(lsid, levels)
    }
  }
  const lfos: ListInstance[] = []
  if (plfLfo.lcb >= 4) {
    const count = table.i32(plfLfo.fc)
    const heads: { lsid: number; clfolvl: number }[] = []
    for (let i = 0; i < count && i < 0x7fe; i++) {
      const b = plfLfo.fc + 4 + i * 16
      heads.push({ lsid: table.i32(b), clfolvl: table.u8(b + 12) })
    }
    let o = plfLfo.fc + 4 + heads.length * 16
    heads.forEach((h, i) => {
      const levels = [...(lists.get(h.lsid) ?? [])]
      const startOverrides = new Map<number, number>()
      // LFOData: a cp, then one LFOLVL per overridden level (followed by a LVL when it reformats).
      if (h.clfolvl > 0) {
        o += 4
        for (let k = 0; k < h.clfolvl && k < 9; k++) {
          const startAt = table.i32(o)
          const bits = table.u8(o + 4)
          const ilvl = bits & 0x0f
          const fStartAt = (bits & 0x10) !== 0
          const fFormatting = (bits & 0x20) !== 0
          o += 8
          if (fFormatting) {
            const r = readLvl(table, o)
            if (ilvl < 9) levels[ilvl] = r.level
            o = r.next
          }
          if (fStartAt && ilvl < 9) startOverrides.set(ilvl, fFormatting ? (levels[ilvl]?.start ?? startAt) : startAt)
        }
      } else {
        o += 4
      }
      // Lists defined alike count as one: LibreOffice and WPS write one outline as several identical lists.
      const signature = (lists.get(h.lsid) ?? []).map((l) => (l ? `${l.format}|${l.text}|${l.start}` : '')).join('/')
      lfos[i] = { list: signature || String(h.lsid), levels, startOverrides }
    })
  }
  return {
    instance: (ilfo) => (ilfo >= 1 && ilfo <= lfos.length ? lfos[ilfo - 1] : undefined)
  }
}

import { child, elements, flag, val, type XmlElement } from './xml'

/**
 * Paragraph styles from styles.xml, with what the importer needs resolved through
 * `basedOn`: the declared outline level, list numbering, alignment, bold and size.
 * Heading styles are recognised by name in any language Word and WPS write them
 * (`heading 1`, `标题 1`), by their outline level, and by the numeric ids Chinese
 * Word gives them (`1`…`9`).
 */

export interface ParagraphProps {
  /** Outline level 1–9 (Word's 0–8 plus one). */
  outline?: number
  numId?: string
  ilvl?: number
  center?: boolean
  bold?: boolean
  /** Font size in half-points. */
  size?: number
  title?: boolean
}

interface RawStyle {
  id: string
  name: string
  basedOn?: string
  own: ParagraphProps
}

export interface Styles {
  /** Resolved properties of a paragraph style (inheritance applied). */
  paragraph(styleId: string | undefined): ParagraphProps
  /** The style a list's abstract numbering links to (`w:numStyleLink`), for its numId. */
  byId(styleId: string): ParagraphProps | undefined
}

export function headingLevelFromName(name: string, id: string): number | undefined {
  const m = /^(?:heading|标题|標題)\s*([1-9])$/i.exec(name.trim()) ?? (name === '' || /^[1-9]$/.test(name) ? /^([1-9])$/.exec(id) : null)
  return m ? Number(m[1]) : undefined
}

function isTitleName(name: string, id: string): boolean {
  return /^(?:title|标题|標題)$/i.test(name.trim()) || id === 'Title'
}

/** Paragraph properties a pPr/rPr pair sets directly. */
export function readProps(pPr: XmlElement | undefined, rPr: XmlElement | undefined): ParagraphProps {
  const props: ParagraphProps = {}
  const outline = val(pPr, 'w:outlineLvl')
  if (outline !== undefined && /^[0-8]$/.test(outline)) props.outline = Number(outline) + 1
  const numPr = child(pPr, 'w:numPr')
  if (numPr) {
    const numId = val(numPr, 'w:numId')
    const ilvl = val(numPr, 'w:ilvl')
    if (numId !== undefined) props.numId = numId
    if (ilvl !== undefined && /^[0-8]$/.test(ilvl)) props.ilvl = Number(ilvl)
  }
  const jc = val(pPr, 'w:jc')
  if (jc !== undefined) props.center = jc === 'center'
  const bold = flag(rPr, 'w:b')
  if (bold !== undefined) props.bold = bold
  const sz = val(rPr, 'w:sz')
  if (sz !== undefined && /^\d+$/.test(sz)) props.size = Number(sz)
  return props
}

export function parseStyles(root: XmlElement | undefined): Styles {
  const raw = new Map<string, RawStyle>()
  let defaultId: string | undefined
  let defaultSize: number | undefined
  const docDefaults = child(root, 'w:docDefaults')
  const defSz = val(child(child(docDefaults, 'w:rPrDefault'), 'w:rPr'), 'w:sz')
  if (defSz && /^\d+$/.test(defSz)) defaultSize = Number(defSz)
  for (const s of elements(root, 'w:style')) {
    if (s.attrs['w:type'] !== 'paragraph' && s.attrs['w:type'] !== 'numbering') continue
    const id = s.attrs['w:styleId'] ?? ''
    const name = val(s, 'w:name') ?? ''
    const own = readProps(child(s, 'w:pPr'), child(s, 'w:rPr'))
    const heading = headingLevelFromName(name, id)
    if (own.outline === undefined && heading !== undefined) own.outline = heading
    if (isTitleName(name, id)) own.title = true
    raw.set(id, { id, name, basedOn: val(s, 'w:basedOn'), own })
    if (s.attrs['w:default'] === '1' && s.attrs['w:type'] === 'paragraph') defaultId = id
  }
  const resolved = new Map<string, ParagraphProps>()
  const resolve = (id: string, seen: Set<string>): ParagraphProps => {
    const hit = resolved.get(id)
    if (hit) return hit
    const style = raw.get(id)
    if (!style || seen.has(id)) return {}
    seen.add(id)
    const base = style.basedOn ? resolve(style.basedOn, seen) : { size: defaultSize }
    // A title style is not inherited: a style based on Title is something else.
    const props: ParagraphProps = { ...base, title: undefined, ...style.own }
    resolved.set(id, props)
    return props
  }
  return {
    paragraph(styleId) {
      const id = styleId && raw.has(styleId) ? styleId : defaultId
      return id ? resolve(id, new Set()) : { size: defaultSize }
    },
    byId(styleId) {
      return raw.has(styleId) ? resolve(styleId, new Set()) : undefined
    }
  }
}

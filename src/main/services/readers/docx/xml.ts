import { SaxesParser } from 'saxes'

/**
 * A small element tree over saxes: enough for WordprocessingML, where every part is read
 * whole and walked once. Names keep their prefixes (`w:p`), as Word writes them.
 */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser()
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] }
    stack[stack.length - 1].children.push(el)
    if (!tag.isSelfClosing) stack.push(el)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  parser.on('text', (text) => {
    stack[stack.length - 1].children.push(text)
  })
  parser.write(xml).close()
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string')
  if (!top) throw new Error('empty XML part')
  return top
}

export function elements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return []
  const out: XmlElement[] = []
  for (const c of el.children) if (typeof c !== 'string' && (!name || c.name === name)) out.push(c)
  return out
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

/** `w:val` of a child element, the usual way WordprocessingML stores a property. */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val']
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when absent. */
export function flag(el: XmlElement | undefined, name: string): boolean | undefined {
  const c = child(el, name)
  if (!c) return undefined
  const v = c.attrs['w:val']
  return v === undefined || !(v === '0' || v === 'false' || v === 'off')
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('')
}

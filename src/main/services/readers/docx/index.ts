import JSZip from 'jszip'
import { UserError } from '../../../../shared/errors'
import type { SourceLine } from '../../../../shared/import/lines'
import { documentLines } from './document'
import { parseNumbering } from './numbering'
import { parseStyles } from './styles'
import { child, elements, parseXml, type XmlElement } from './xml'

/**
 * .docx → the importer's lines, read from the package itself: paragraphs with Word's
 * automatic numbering resolved, outline levels from heading styles (whatever the language
 * of their names), and the title Word or WPS marked. Parts are size-checked before they
 * are inflated, so a zip bomb is refused instead of exhausting memory.
 */

/**
 * What a .docx may inflate to. A real report is far below both; a zip bomb is far above.
 * Pictures count towards the total only.
 */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024
const MAX_DOCX_PARTS = 10_000

const corrupt = (): UserError => new UserError('Word 文档已损坏或不完整，无法读取', 'bad-docx')
const tooLarge = (): UserError => new UserError('Word 文档解压后的内容过大（可能已损坏），无法导入。请在 Word 中拆分后再导入，或另存为 .txt 导入', 'docx-too-large')

/** Inflates one part, counting, and stops as soon as it passes `budget`: the sizes in the zip's headers can lie. */
function inflatedSize(file: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0
    const stream = file.nodeStream('nodebuffer')
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > budget) {
        // Not read any further: the stream stops inflating once its buffer is full.
        stream.pause()
        stream.removeAllListeners('data')
        resolve(size)
      }
    })
    stream.on('end', () => resolve(size))
    stream.on('error', reject)
  })
}

export async function openDocxPackage(buf: Buffer): Promise<JSZip> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(buf)
  } catch {
    throw corrupt()
  }
  const files = Object.values(zip.files).filter((f) => !f.dir)
  if (files.length > MAX_DOCX_PARTS) throw tooLarge()
  let xml = 0
  let total = 0
  for (const file of files) {
    const isXml = /\.(xml|rels)$/i.test(file.name)
    let size: number
    try {
      size = await inflatedSize(file, Math.min(MAX_DOCX_INFLATED_BYTES - total, isXml ? MAX_DOCX_XML_BYTES - xml : Infinity))
    } catch {
      throw corrupt()
    }
    total += size
    if (isXml) xml += size
    if (total > MAX_DOCX_INFLATED_BYTES || xml > MAX_DOCX_XML_BYTES) throw tooLarge()
  }
  return zip
}

async function readPart(zip: JSZip, path: string): Promise<XmlElement | undefined> {
  const file = zip.file(path)
  if (!file) return undefined
  try {
    return parseXml(await file.async('string'))
  } catch {
    throw corrupt()
  }
}

/** Where a relationship target points, relative to the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = base.split('/').slice(0, -1)
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.') parts.push(seg)
  }
  return parts.join('/')
}

async function relationships(zip: JSZip, part: string): Promise<Map<string, string>> {
  const dir = part.split('/').slice(0, -1).join('/')
  const name = part.split('/').pop() ?? ''
  const rels = await readPart(zip, `${dir ? `${dir}/` : ''}_rels/${name}.rels`)
  const byType = new Map<string, string>()
  for (const r of elements(rels, 'Relationship')) {
    const type = (r.attrs.Type ?? '').split('/').pop() ?? ''
    if (r.attrs.TargetMode === 'External' || !r.attrs.Target) continue
    if (!byType.has(type)) byType.set(type, resolveTarget(part, r.attrs.Target))
  }
  return byType
}

export async function docxToLines(buf: Buffer): Promise<SourceLine[]> {
  const zip = await openDocxPackage(buf)
  const root = await relationships(zip, '')
  const main = root.get('officeDocument') ?? 'word/document.xml'
  const document = await readPart(zip, main)
  const body = child(document, 'w:body')
  if (!body) throw new UserError('这个文件不是 Word 文档（找不到正文部分），无法导入', 'bad-docx')
  const rels = await relationships(zip, main)
  const styles = parseStyles(await readPart(zip, rels.get('styles') ?? 'word/styles.xml'))
  const numbering = parseNumbering(await readPart(zip, rels.get('numbering') ?? 'word/numbering.xml'), styles)
  return documentLines(body, { styles, numbering })
}

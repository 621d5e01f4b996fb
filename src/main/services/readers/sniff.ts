/**
 * What a file really is, judged by its bytes, not its name: clerks' folders hold .doc files
 * that are web pages (MHT or HTML saved by a browser), RTF, .docx renamed, or plain text.
 * The extension only breaks ties the bytes cannot (Markdown and plain text look alike).
 */
export type FileKind = 'ole' | 'zip' | 'pdf' | 'rtf' | 'mht' | 'html' | 'markdown' | 'text' | 'word-xml'

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b)
}

/** The first bytes as Latin-1 with BOMs and UTF-16 zero bytes removed: enough to recognise markup. */
function head(buf: Uint8Array, n = 2048): string {
  let s = ''
  for (let i = 0; i < Math.min(buf.length, n); i++) if (buf[i] !== 0) s += String.fromCharCode(buf[i])
  return s.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
}

export function sniffFile(buf: Uint8Array, ext: string): FileKind {
  if (startsWith(buf, OLE)) return 'ole'
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  const h = head(buf)
  const lead = h.trimStart()
  if (lead.startsWith('%PDF-')) return 'pdf'
  if (lead.startsWith('{\\rtf')) return 'rtf'
  if (/^(?:MIME-Version:|Content-Type:\s*multipart\/related|From:[^\n]*\n(?:[\w-]+:[^\n]*\n)*MIME-Version:)/i.test(lead) || /\nContent-Type:\s*multipart\/related/i.test(h.slice(0, 1024))) return 'mht'
  if (/^<\?xml[^>]*>\s*(?:<\?mso-application[^>]*Word\.Document[^>]*>|<w:wordDocument)/i.test(lead)) return 'word-xml'
  if (/^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<\?xml[^>]*>\s*<html|<!--[\s\S]{0,200}-->\s*<html)/i.test(lead)) return 'html'
  const e = ext.toLowerCase()
  if (e === '.html' || e === '.htm' || e === '.xhtml') return /<[a-z!/][^>]*>/i.test(h) ? 'html' : 'text'
  if (e === '.md' || e === '.markdown') return 'markdown'
  return 'text'
}

import iconv from 'iconv-lite'

/**
 * MHT / MHTML (a web page saved by IE or Word as "single file web page", often named .doc):
 * a MIME multipart message whose first text/html part is the page. The part is decoded from
 * its transfer encoding and charset; pictures and other parts are ignored.
 */

interface Part {
  headers: Map<string, string>
  body: Buffer
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  // Folded header lines continue with whitespace.
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([\w-]+):\s*(.*)$/.exec(line)
    if (m) headers.set(m[1].toLowerCase(), m[2])
  }
  return headers
}

function param(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined
  const m = new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, 'i').exec(value)
  return m?.[1].trim()
}

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = []
  const text = s.replace(/=\r?\n/g, '')
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(text.charCodeAt(i) & 0xff)
    }
  }
  return Buffer.from(bytes)
}

function splitParts(raw: string, boundary: string): string[] {
  const marker = `--${boundary}`
  const out: string[] = []
  let at = raw.indexOf(marker)
  while (at >= 0) {
    const start = raw.indexOf('\n', at)
    if (start < 0) break
    const next = raw.indexOf(marker, start)
    out.push(raw.slice(start + 1, next < 0 ? raw.length : next))
    if (next < 0 || raw.startsWith(`${marker}--`, next)) break
    at = next
  }
  return out
}

function readPart(raw: string): Part {
  const split = /\r?\n\r?\n/.exec(raw)
  const headerBlock = split ? raw.slice(0, split.index) : raw
  const bodyText = split ? raw.slice(split.index + split[0].length) : ''
  const headers = parseHeaders(headerBlock)
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase().trim()
  let body: Buffer
  if (encoding === 'base64') body = Buffer.from(bodyText.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
  else if (encoding === 'quoted-printable') body = decodeQuotedPrintable(bodyText)
  else body = Buffer.from(bodyText, 'latin1')
  return { headers, body }
}

function charsetOf(part: Part): string {
  const declared = param(part.headers.get('content-type'), 'charset') ?? /<meta[^>]{0,200}charset\s*=\s*["']?\s*([\w-]+)/i.exec(part.body.subarray(0, 4096).toString('latin1'))?.[1]
  const cs = (declared ?? 'utf-8').toLowerCase()
  if (cs === 'gb2312' || cs === 'gbk' || cs === 'x-gbk') return 'gb18030'
  return iconv.encodingExists(cs) ? cs : 'utf-8'
}

/** The HTML page inside an MHT file, or null when it has none. */
export function mhtToHtml(buf: Buffer): string | null {
  // Latin-1 keeps every byte as one character, so encoded bodies come out unchanged.
  const raw = buf.toString('latin1')
  const top = readPart(raw)
  const boundary = param(top.headers.get('content-type'), 'boundary')
  const parts = boundary ? splitParts(raw, boundary).map(readPart) : [top]
  const html = parts.find((p) => /text\/html/i.test(p.headers.get('content-type') ?? '')) ?? parts.find((p) => /<html/i.test(p.body.subarray(0, 2048).toString('latin1')))
  if (!html) return null
  return iconv.decode(html.body, charsetOf(html))
}

/**
 * File names from report titles. Plain Node, no Electron.
 *
 * Most file systems (ext4, APFS, NTFS through its UTF-16 limit of 255 units) cap a name at 255
 * bytes or so, and a CJK character is three bytes in UTF-8: a 100-character title is 300 bytes.
 * Names are therefore cut by bytes, at a whole character, to 200 bytes with their extension and
 * the room a batch export needs for a （12） suffix, the same on every platform.
 */
import type { ExportFormat } from '../../shared/export/formats'

/** The longest name written, extension and batch suffix included. */
export const MAX_NAME_BYTES = 200
/** Room kept for a batch export's （n） before the extension: 3 + 4 digits + 3 bytes. */
const SUFFIX_ROOM = 10

/** Names Windows keeps for devices, with or without an extension (CON.docx is the console, not a file). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\s*(\.|$))/i

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text
  let out = ''
  let bytes = 0
  for (const ch of text) {
    const n = utf8Bytes(ch)
    if (bytes + n > maxBytes) break
    out += ch
    bytes += n
  }
  return out
}

/**
 * The name part (no extension) for a title: characters Windows forbids dropped, device names given a
 * suffix, cut to fit MAX_NAME_BYTES with the extension and a batch suffix; trailing dots and spaces
 * (which Windows strips) removed.
 */
export function baseNameFor(title: string, format: ExportFormat): string {
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '').trim() || '工作总结'
  const cut = cutToBytes(clean.replace(WINDOWS_DEVICE_NAME, '$1_'), MAX_NAME_BYTES - SUFFIX_ROOM - utf8Bytes(`.${format}`))
  return cut.replace(/[.\s]+$/, '') || '工作总结'
}

export function fileNameFor(title: string, format: ExportFormat): string {
  return `${baseNameFor(title, format)}.${format}`
}

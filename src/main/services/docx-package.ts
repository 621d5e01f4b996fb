/**
 * Parts of the .docx package the docx library writes in a way Word, WPS and LibreOffice do not all
 * read alike: the font table (with fallback names) and two paragraph-style properties.
 */
import JSZip from 'jszip'

const LATIN = 'Times New Roman'

/**
 * Fonts Word should use when a 公文 font is missing: the _GB2312 fonts and 方正小标宋 are not on a
 * stock Windows 10/11; 仿宋/楷体/黑体 are. Written as fontTable `altName`, which Word and WPS read.
 */
const ALT_NAMES: Record<string, string> = {
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
  仿宋: 'FangSong',
  楷体: 'KaiTi',
  黑体: 'SimHei',
  宋体: 'SimSun'
}

export function fontTableXml(names: string[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  const entries = [...new Set(names)].map((name) => {
    const latin = name === LATIN
    const alt = ALT_NAMES[name]
    return (
      `<w:font w:name="${esc(name)}">` +
      (alt ? `<w:altName w:val="${esc(alt)}"/>` : '') +
      // charset 86 = GB2312: tells Word the face is Chinese, so a substitute is a Chinese face too.
      `<w:charset w:val="${latin ? '00' : '86'}"/><w:family w:val="${latin ? 'roman' : 'modern'}"/><w:pitch w:val="variable"/></w:font>`
    )
  })
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  )
}

/**
 * Two paragraph properties the library cannot write into a style, both meaning what Word does when
 * they are absent, written so that LibreOffice and WPS lay the pages out as Word does:
 * - Normal: widow control off (absent is off in Word, ECMA-376 §17.3.1.44; LibreOffice turns it on,
 *   moving a paragraph's last lines to the next page);
 * - Title: not snapped to the line grid (Word keeps the 2号 title on its one exact 579-twip line;
 *   LibreOffice gives it two grid lines).
 */
/** A paragraph style's opening up to its pPr, within that style's element. */
const stylePPr = (id: string) => new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>(?:(?!</w:style>)[\\s\\S])*?<w:pPr>)`)

export async function patchStyles(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  const file = zip.file('word/styles.xml')
  if (!file) return docx
  const xml = await file.async('string')
  // The first child of pPr in each: nothing that must precede these (pStyle, keepNext…) is there.
  const patched = xml
    .replace(stylePPr('Normal'), '$1<w:widowControl w:val="0"/>')
    .replace(stylePPr('Title'), '$1<w:snapToGrid w:val="0"/>')
  zip.file('word/styles.xml', patched)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

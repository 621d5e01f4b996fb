/**
 * The text formats as bytes: the encoding and line-ending decisions for files a clerk opens
 * outside the app. The content itself comes from the pure exporters in src/shared/export.
 */
import type { Report } from '../../shared/doc/model'
import { reportsToHtml, reportsToMarkdown, reportsToText, type HtmlOptions } from '../../shared/export'

const BOM = '\uFEFF'

/**
 * .txt for Windows: UTF-8 with a BOM and CRLF line ends. Without the BOM, Notepad on Windows 7 and
 * several domestic editors read the file as GBK and show mojibake; CRLF keeps old Notepad from
 * running the paragraphs together.
 */
export function textFile(reports: Report[]): Buffer {
  return Buffer.from(BOM + reportsToText(reports).replace(/\n/g, '\r\n'), 'utf8')
}

/** Markdown stays plain UTF-8 with LF: it is read by tools (pandoc, git, editors) that expect that. */
export function markdownFile(reports: Report[]): Buffer {
  return Buffer.from(reportsToMarkdown(reports), 'utf8')
}

/** HTML declares its charset in a meta element; no BOM. */
export function htmlFile(reports: Report[], opts: HtmlOptions = {}): Buffer {
  return Buffer.from(reportsToHtml(reports, opts), 'utf8')
}

/**
 * The request handlers as the renderer uses them, through invokeHandler (the one parse), with
 * dialogs answered from the test and files written into a temp folder.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createHandlers, invokeHandler, type HandlerDeps } from './handlers'
import { emptyReport, type Report } from '../shared/doc/model'
import type { Envelope } from '../shared/ipc-channels'
import type { EditCommand } from '../shared/ipc'

const work = mkdtempSync(join(tmpdir(), 'zongjie-handlers-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
let n = 0

function setup(answers: { save?: (string | null)[]; folder?: (string | null)[]; print?: boolean[] } = {}) {
  const dir = mkdtempSync(join(work, `case-${++n}-`))
  const printed: string[] = []
  const edits: EditCommand[] = []
  const deps: HandlerDeps = {
    dialogs: {
      openFiles: async () => [],
      openFolder: async () => answers.folder?.shift() ?? null,
      saveFile: async () => answers.save?.shift() ?? null
    },
    shell: { openPath: async () => {}, showItemInFolder: () => {} },
    appInfo: { version: 'test', platform: process.platform, shell: 'test' },
    printToPdf: async () => Buffer.from('%PDF-1.4\n%%EOF\n'),
    printHtml: async (html) => (printed.push(html), answers.print?.shift() ?? true),
    edit: (c) => void edits.push(c),
    emit: () => {},
    defaultExportDir: dir,
    dataDir: join(dir, '.data')
  }
  const handlers = createHandlers(deps)
  const invoke = async <T>(name: string, payload?: unknown) => {
    const r = (await invokeHandler(handlers, name, payload)) as Envelope<T>
    if (!r.ok) throw new Error(r.error)
    return r.value
  }
  return { dir, invoke, printed, edits }
}

const titled = (title: string): Report => {
  const r = emptyReport({ kind: 'annual' })
  r.meta.title = title
  r.preamble = [{ type: 'paragraph', runs: [{ text: '正文。' }] }]
  return r
}

describe('exporting many reports at once', () => {
  it('writes every report of a long title, its name cut to 200 bytes of UTF-8 (100 CJK characters are 300)', async () => {
    const long = '关于进一步加强和改进全县中小学校教育教学管理工作'.repeat(5)
    const out = mkdtempSync(join(work, 'many-'))
    const s = setup({ folder: [out] })
    const r = await s.invoke<{ status: string; files: { title: string; path?: string; error?: string }[] }>('exportMany', { reports: [titled(long), titled(long)], format: 'docx' })
    expect(r.files.map((f) => f.error)).toEqual([undefined, undefined])
    const names = readdirSync(out)
    expect(names).toHaveLength(2)
    for (const name of names) {
      expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(200)
      expect(long.startsWith(name.replace(/(（2）)?\.docx$/, ''))).toBe(true)
    }
  })
})

describe('the overwrite handshake', () => {
  it('asks before replacing, and replaces only with the token of that request', async () => {
    const target = join(work, 'handshake.txt')
    writeFileSync(target, 'old')
    const s = setup({ save: [target] })
    const asked = await s.invoke<{ status: string; overwriteToken: string; path: string }>('exportReport', { report: titled('甲'), format: 'txt' })
    expect(asked).toMatchObject({ status: 'exists', path: target })
    const saved = await s.invoke<{ status: string }>('exportReport', { report: titled('甲'), format: 'txt', overwriteToken: asked.overwriteToken })
    expect(saved).toEqual({ status: 'saved', path: target })
    // Single use.
    await expect(s.invoke('exportReport', { report: titled('甲'), format: 'txt', overwriteToken: asked.overwriteToken })).rejects.toThrow('替换确认已失效')
    expect(existsSync(target)).toBe(true)
  })
})

describe('printing', () => {
  it('sends the print view, the document the PDF is made from, to the system print dialog', async () => {
    const s = setup({ print: [true, false] })
    expect(await s.invoke('printReport', { report: titled('二〇二五年工作总结') })).toEqual({ status: 'printed' })
    expect(await s.invoke('printReport', { report: titled('二〇二五年工作总结'), docx: { level3Bold: true } })).toEqual({ status: 'canceled' })
    expect(s.printed).toHaveLength(2)
    expect(s.printed[0]).toContain('<p class="title">二〇二五年工作总结</p>')
    expect(s.printed[0]).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm;}')
    // Printed, so no screen decoration (the grey desk) and the clerk's bold level-3 setting applies.
    expect(s.printed[0]).not.toContain('@media screen')
    expect(s.printed[1]).toContain('h3,.h3{font-weight:bold;}')
  })

  it('carries out clipboard edits in the page and refuses any other command', async () => {
    const s = setup()
    await s.invoke('editCommand', { command: 'pasteAndMatchStyle' })
    await expect(s.invoke('editCommand', { command: 'delete' })).rejects.toThrow('请求内容无效')
    expect(s.edits).toEqual(['pasteAndMatchStyle'])
  })
})

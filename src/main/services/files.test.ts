import * as fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '../../shared/doc/model'
import { cleanupTempFiles, exportReport, writeFileAtomic, type AtomicFs } from './files'
import { userErrorOf } from '../../shared/testing/userErrors'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zongjie-files-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

/** node:fs/promises with one operation failing with an errno code. */
function failing(op: 'write' | 'sync' | 'rename' | 'link', code: string): AtomicFs {
  const err = () => Object.assign(new Error(`${code}: simulated`), { code })
  return {
    ...fs,
    open: (async (...args: Parameters<typeof fs.open>) => {
      const h = await fs.open(...args)
      if (op === 'write') h.writeFile = async () => Promise.reject(err())
      if (op === 'sync') h.sync = async () => Promise.reject(err())
      return h
    }) as typeof fs.open,
    rename: (async (a: string, b: string) => (op === 'rename' ? Promise.reject(err()) : fs.rename(a, b))) as typeof fs.rename,
    link: (async (a: string, b: string) => (op === 'link' ? Promise.reject(err()) : fs.link(a, b))) as typeof fs.link
  }
}

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temp file', async () => {
    const target = join(dir, '总结.txt')
    await writeFileAtomic(target, '内容')
    expect(await fs.readFile(target, 'utf8')).toBe('内容')
    expect(await fs.readdir(dir)).toEqual(['总结.txt'])
  })

  it('refuses to replace an existing file unless asked to', async () => {
    const target = join(dir, 'a.docx')
    await fs.writeFile(target, 'old')
    expect(await userErrorOf(writeFileAtomic(target, 'new'))).toMatchObject({ code: 'exists' })
    expect(await fs.readFile(target, 'utf8')).toBe('old')
    expect(await fs.readdir(dir)).toEqual(['a.docx'])
    await writeFileAtomic(target, 'new', { overwrite: true })
    expect(await fs.readFile(target, 'utf8')).toBe('new')
    expect(await fs.readdir(dir)).toEqual(['a.docx'])
  })

  it('does not replace a file that appears between the check and the write', async () => {
    const target = join(dir, 'race.txt')
    // The file appears after the existence check, right before the temp file is opened.
    const racing: AtomicFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        if (String(args[0]).includes('.tmp-')) await fs.writeFile(target, 'theirs')
        return fs.open(...args)
      }) as typeof fs.open
    }
    expect(await userErrorOf(writeFileAtomic(target, 'ours', { fs: racing }))).toMatchObject({ code: 'exists' })
    expect(await fs.readFile(target, 'utf8')).toBe('theirs')
    expect(await fs.readdir(dir)).toEqual(['race.txt'])
  })

  it('says a missing folder is missing (also when a path part is a file, which blocks root too)', async () => {
    const missing = await userErrorOf(writeFileAtomic(join(dir, 'nope', 'a.txt'), 'x'))
    expect(missing.code).toBe('not-found')
    expect(missing.message).toMatch(/^无法写入：文件夹不存在/)
    await fs.writeFile(join(dir, 'file'), '')
    expect(await userErrorOf(writeFileAtomic(join(dir, 'file', 'a.txt'), 'x'))).toMatchObject({ code: 'not-found' })
    expect(await fs.readdir(dir)).toEqual(['file'])
  })

  it.each([
    ['write', 'ENOSPC', 'no-space', /^磁盘空间不足/],
    ['sync', 'EIO', 'io', /磁盘读写出错/],
    ['write', 'EROFS', 'read-only', /^无法写入：文件夹是只读的/],
    ['rename', 'EACCES', 'read-only', /^无法写入：文件夹是只读的/],
    ['rename', 'EBUSY', 'busy', /正被其他程序使用/]
  ] as const)('removes the temp file when %s fails with %s', async (op, errno, code, message) => {
    const target = join(dir, 'out.docx')
    const e = await userErrorOf(writeFileAtomic(target, Buffer.alloc(1000), { fs: failing(op, errno), overwrite: op === 'rename' }))
    expect(e.code).toBe(code)
    expect(e.message).toMatch(message)
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('falls back to check-and-rename where hard links are not supported', async () => {
    const target = join(dir, 'usb.txt')
    await writeFileAtomic(target, 'x', { fs: failing('link', 'EPERM') })
    expect(await fs.readFile(target, 'utf8')).toBe('x')
    expect(await fs.readdir(dir)).toEqual(['usb.txt'])
  })

  it('passes unknown errors through unchanged', async () => {
    await expect(writeFileAtomic(join(dir, 'a'), 'x', { fs: failing('write', 'EWEIRD') })).rejects.toThrow('EWEIRD')
    expect(await fs.readdir(dir)).toEqual([])
  })
})

describe('cleanupTempFiles', () => {
  it('removes leftover temp files only', async () => {
    await fs.writeFile(join(dir, '.总结.docx.tmp-0123456789ab'), 'partial')
    await fs.writeFile(join(dir, '.keep.tmp-xyz'), '')
    await fs.writeFile(join(dir, '总结.docx'), '')
    expect(await cleanupTempFiles(dir)).toEqual([]) // too new: could be a write in progress
    expect(await cleanupTempFiles(dir, { minAgeMs: 0 })).toEqual(['.总结.docx.tmp-0123456789ab'])
    expect((await fs.readdir(dir)).sort()).toEqual(['.keep.tmp-xyz', '总结.docx'])
    expect(await cleanupTempFiles(join(dir, 'missing'))).toEqual([])
  })
})

describe('exportReport', () => {
  const report = () => {
    const r = emptyReport({ title: '2024年工作总结' })
    r.sections = [section(1, '基本情况', [paragraph('正文。')])]
    return r
  }

  it('picks the exporter by extension', async () => {
    await exportReport(report(), join(dir, 'a.docx'))
    const zip = await JSZip.loadAsync(await fs.readFile(join(dir, 'a.docx')))
    expect(await zip.file('word/document.xml')!.async('string')).toContain('一、基本情况')

    await exportReport(report(), join(dir, 'a.txt'))
    const txt = await fs.readFile(join(dir, 'a.txt'))
    // BOM and CRLF for Windows Notepad.
    expect(txt.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(txt.toString('utf8').slice(1)).toBe('2024年工作总结\r\n\r\n一、基本情况\r\n\r\n正文。\r\n')

    await exportReport(report(), join(dir, 'a.md'))
    expect(await fs.readFile(join(dir, 'a.md'), 'utf8')).toBe('# 2024年工作总结\n\n## 一、基本情况\n\n正文。\n')

    await exportReport([report(), report()], join(dir, 'a.HTML'))
    expect((await fs.readFile(join(dir, 'a.HTML'), 'utf8')).match(/<h1>一、基本情况<\/h1>/g)).toHaveLength(2)
    expect((await fs.readdir(dir)).sort()).toEqual(['a.HTML', 'a.docx', 'a.md', 'a.txt'])
  })

  it('rejects unknown formats, PDF without a renderer and existing files, writing nothing', async () => {
    expect(await userErrorOf(exportReport(report(), join(dir, 'a.doc')))).toMatchObject({ code: 'format' })
    expect(await userErrorOf(exportReport(report(), join(dir, 'a.pdf')))).toMatchObject({ code: 'format' })
    await fs.writeFile(join(dir, 'b.docx'), 'mine')
    expect(await userErrorOf(exportReport(report(), join(dir, 'b.docx')))).toMatchObject({ code: 'exists' })
    expect(await fs.readFile(join(dir, 'b.docx'), 'utf8')).toBe('mine')
    expect(await fs.readdir(dir)).toEqual(['b.docx'])
  })

  it('prints to PDF through the given renderer', async () => {
    let seen = ''
    await exportReport(report(), join(dir, 'a.pdf'), null, {
      printToPdf: async (html) => {
        seen = html
        return Buffer.from('%PDF-1.7')
      }
    })
    expect(seen).toContain('<h1>一、基本情况</h1>')
    expect(seen).not.toContain('@media screen')
    expect(await fs.readFile(join(dir, 'a.pdf'), 'utf8')).toBe('%PDF-1.7')
  })
})

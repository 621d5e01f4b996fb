import * as fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isUserError } from '../../shared/errors'
import { UsageError } from '../usage'
import { convertCommand } from './convert'

const CORPUS = process.env.CORPUS_DIR!
const SEVERAL = join(CORPUS, '000_6ed1b8db470e6e1e.txt') // two reports in one file
const TRADITIONAL = join(CORPUS, '002_c4cd4b13c976cb24.txt')

let dir: string
let out: string[]
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zongjie-convert-'))
  out = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk))
    return true
  })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await fs.rm(dir, { recursive: true, force: true })
})

describe('convert', () => {
  it('exports every report of a file into one .docx, each in its own section', async () => {
    const target = join(dir, '总结.docx')
    await convertCommand([SEVERAL, target])
    const doc = await (await JSZip.loadAsync(await fs.readFile(target))).file('word/document.xml')!.async('string')
    expect(doc.match(/<w:sectPr/g)!.length).toBeGreaterThanOrEqual(2)
    expect(doc.match(/<w:pStyle w:val="Title"\/>/g)!.length).toBe(doc.match(/<w:sectPr/g)!.length)
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>')
    expect(out.join('')).toMatch(/已导出 \d+ 篇总结/)
  })

  it.for(['txt', 'md', 'html'])('writes .%s', async (ext) => {
    const target = join(dir, `out.${ext}`)
    await convertCommand([TRADITIONAL, target])
    const text = await fs.readFile(target, 'utf8')
    expect(text).toContain('一、')
    expect(await fs.readdir(dir)).toEqual([`out.${ext}`])
  })

  it('rejects bad usage with a UsageError and writes nothing', async () => {
    for (const args of [[SEVERAL], [SEVERAL, join(dir, 'a.doc')], [SEVERAL, join(dir, 'a.pdf')], [SEVERAL, join(dir, 'a.docx'), '--force'], [SEVERAL, SEVERAL]]) {
      await expect(convertCommand(args), args.join(' ')).rejects.toBeInstanceOf(UsageError)
    }
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('does not replace an existing file without --overwrite', async () => {
    const target = join(dir, 'a.docx')
    await fs.writeFile(target, 'mine')
    const e = await convertCommand([SEVERAL, target]).catch((x: unknown) => x)
    expect(isUserError(e) && e.code === 'exists' && e.message.includes('--overwrite')).toBe(true)
    expect(await fs.readFile(target, 'utf8')).toBe('mine')
    await convertCommand([SEVERAL, target, '--overwrite'])
    expect((await fs.readFile(target)).subarray(0, 2).toString()).toBe('PK')
    expect(await fs.readdir(dir)).toEqual(['a.docx'])
  })

  it('writes nothing when the input cannot be read', async () => {
    await expect(convertCommand([join(dir, 'missing.txt'), join(dir, 'a.docx')])).rejects.toThrow()
    expect(await fs.readdir(dir)).toEqual([])
  })
})

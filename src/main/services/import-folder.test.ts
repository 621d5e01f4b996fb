import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listImportableFiles } from './import-folder'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('listing a folder to import', () => {
  it('finds importable files in subfolders, skipping hidden files and other types', async () => {
    dir = await mkdtemp(join(tmpdir(), 'zj-folder-'))
    await mkdir(join(dir, '2024'))
    await writeFile(join(dir, '2024', '年度总结.docx'), 'x')
    await writeFile(join(dir, '上半年.TXT'), 'x')
    await writeFile(join(dir, '.隐藏.txt'), 'x')
    await writeFile(join(dir, '表格.xlsx'), 'x')
    const files = (await listImportableFiles(dir)).map((p) => p.slice(dir.length + 1))
    expect(files.sort()).toEqual([join('2024', '年度总结.docx'), '上半年.TXT'].sort())
  })

  it('a folder that has gone gets a clear Chinese message', async () => {
    await expect(listImportableFiles(join(tmpdir(), 'zj-no-such-folder-' + Date.now()))).rejects.toThrow('找不到文件夹')
  })
})

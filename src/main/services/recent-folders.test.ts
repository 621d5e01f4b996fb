import { mkdtemp, readdir, rm, writeFile, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupTempFiles } from './files'
import { recentFolders, rememberFolder } from './recent-folders'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('folders written into lately', () => {
  it('are remembered newest first, once each, and survive a broken file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'zj-recent-'))
    const file = join(dir, 'recent-folders.json')
    expect(await recentFolders(file)).toEqual([])
    await rememberFolder(file, '/a')
    await rememberFolder(file, '/b')
    await rememberFolder(file, '/a')
    expect(await recentFolders(file)).toEqual(['/a', '/b'])
    await writeFile(file, '{broken')
    expect(await recentFolders(file)).toEqual([])
  })

  it('lets the next start find and remove an export’s leftover temp file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'zj-recent-'))
    const exports = await mkdtemp(join(tmpdir(), 'zj-exports-'))
    const file = join(dir, 'recent-folders.json')
    await rememberFolder(file, exports)
    const leftover = join(exports, '.总结.docx.tmp-0123456789ab')
    await writeFile(leftover, 'half a file')
    const old = new Date(Date.now() - 3600_000)
    await utimes(leftover, old, old)
    await writeFile(join(exports, '总结.docx'), 'the real file')
    for (const d of await recentFolders(file)) await cleanupTempFiles(d)
    expect(await readdir(exports)).toEqual(['总结.docx'])
    await rm(exports, { recursive: true, force: true })
  })
})

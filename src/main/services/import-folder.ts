import { readdir } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { UserError } from '../../shared/errors'
import { SUPPORTED_EXTENSIONS } from './import-files'

export const IMPORTABLE_EXTENSIONS: readonly string[] = SUPPORTED_EXTENSIONS

/** Importable files directly in a folder and its subfolders (sorted, symlinks not followed). */
export async function listImportableFiles(dir: string, maxFiles = 10_000): Promise<string[]> {
  const out: string[] = []
  const visit = async (d: string, depth: number): Promise<void> => {
    if (depth > 8 || out.length >= maxFiles) return
    const entries = await readdir(d, { withFileTypes: true })
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    for (const e of entries) {
      if (e.name.startsWith('.')) continue
      const p = join(d, e.name)
      if (e.isDirectory()) await visit(p, depth + 1)
      else if (e.isFile() && IMPORTABLE_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push(p)
      if (out.length >= maxFiles) return
    }
  }
  try {
    await visit(dir, 0)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`找不到文件夹“${basename(dir)}”，它可能已被移动或删除。`, 'not-found')
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限读取文件夹“${basename(dir)}”。`, 'denied')
    throw e
  }
  return out
}

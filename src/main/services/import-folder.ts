import { readdir } from 'node:fs/promises'
import { extname, join } from 'node:path'

export const IMPORTABLE_EXTENSIONS = ['.txt', '.docx', '.md', '.html', '.htm']

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
  await visit(dir, 0)
  return out
}

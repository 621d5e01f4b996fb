import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileAtomic } from './files'

/**
 * The folders the app wrote into lately (exports, backups). On the next start their leftover
 * temp files — from a crash or a power cut in the middle of a write — are removed.
 */
const MAX = 20
const Schema = z.array(z.string().min(1).max(4096)).max(MAX)

export async function recentFolders(file: string): Promise<string[]> {
  try {
    const parsed = Schema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

export async function rememberFolder(file: string, dir: string): Promise<void> {
  const list = await recentFolders(file)
  if (list[0] === dir) return
  await writeFileAtomic(file, JSON.stringify([dir, ...list.filter((d) => d !== dir)].slice(0, MAX)), { overwrite: true })
}

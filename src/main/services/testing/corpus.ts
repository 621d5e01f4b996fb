/**
 * Where the tests find the shared corpus: CORPUS_DIR, or ../shared/corpus beside the
 * repository. A fresh clone elsewhere has no corpus: the tests that read it are skipped
 * with a message, except under CI=true, where a missing corpus is a failure.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..')

export const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve(repo, '../shared/corpus')

/** True when the corpus is there; otherwise warns (or, under CI, throws) and returns false. */
export function haveCorpus(who: string): boolean {
  if (existsSync(CORPUS_DIR)) return true
  const message = `${who}: the corpus is not at ${CORPUS_DIR} (set CORPUS_DIR)`
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(`${message}; skipped`)
  return false
}

export function corpusPath(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts)
}

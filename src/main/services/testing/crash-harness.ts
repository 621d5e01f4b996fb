/**
 * The parent side of the crash tests: a child process writes a file again and again and is
 * SIGKILLed at a chosen moment. The child reports on stdout (`ready` once set up, `open` when it
 * opens a file — see crash-child.ts — and `wrote <n>` after each complete write); the parent times
 * the kill from one of those lines. Used by backup.test.ts and export-crash.test.ts.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const ROOT = resolve(import.meta.dirname, '../../../..')

/** A module of this repository as a child script imports it. */
export function moduleUrl(pathFromRoot: string): string {
  return JSON.stringify(pathToFileURL(join(ROOT, pathFromRoot)).href)
}

/** Deterministic from a seed, so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let s = seed % 2147483647 || 1
  return () => (s = (s * 48271) % 2147483647) / 2147483647
}

export type Anchor = 'ready' | 'open'

/**
 * Runs `node --import tsx script ...args` and kills it with SIGKILL `delayMs` after it prints
 * `anchor`; resolves with the last generation it reported written (`wrote <n>`), or null.
 * A child that ends by itself is an error: every run must end in the kill.
 */
export function runAndKill(script: string, args: string[], anchor: Anchor, delayMs: number): Promise<number | null> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      if (!timer && out.includes(`${anchor}\n`)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    // 'close', not 'exit': only then has everything the child printed been read.
    child.on('close', (_code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself: ${err || out}`))
      const wrote = [...out.matchAll(/wrote (\d+)/g)].map((m) => Number(m[1]))
      resolveRun(wrote.length ? Math.max(...wrote) : null)
    })
  })
}

/**
 * Which generations the target may hold after a kill: the last one the child reported, or the
 * next (its rename can beat the kill to stdout); when it reported none, the file from before or
 * the first new one.
 */
export function allowedGenerations(reported: number | null, previous: number | null, base: number): (number | null)[] {
  return reported === null ? [previous, base + 1] : [reported, reported + 1]
}

/**
 * The office server's load run (bench/collab/load.ts) in a process of its own: it drives the
 * app's Lexical nodes headless, which the bench runner's Node project does not type-check, and
 * keeps its 50 clients' memory apart from the other benchmarks.
 */
import { spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchResult } from './run'

const here = dirname(fileURLToPath(import.meta.url))

export function benchCollab(): Promise<BenchResult[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'collab', 'load.ts')], {
      cwd: resolve(here, '..'),
      // tsx resolves the renderer's @shared alias through this project file.
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.collab.json' },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      if (code === 0 && line.startsWith('[')) done(JSON.parse(line) as BenchResult[])
      else fail(new Error(`collab bench failed (exit ${code})`))
    })
  })
}

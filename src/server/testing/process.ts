/** The office server as its own process (`npm run server` without npm), to kill it for real. */
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../..')
const cli = join(ROOT, 'src/server/cli.ts')

export interface ServerProcess {
  child: ChildProcess
  output: () => string
}

export async function spawnServer(options: { dataDir: string; port: number; databaseUrl?: string; redisUrl?: string }): Promise<ServerProcess> {
  const args = ['--import', 'tsx', cli, '--host', '127.0.0.1', '--port', String(options.port), '--data', options.dataDir]
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl)
  if (options.redisUrl) args.push('--redis-url', options.redisUrl)
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`)
    if (Date.now() - started > 60_000) throw new Error(`server did not start:\n${out}`)
    const up = await fetch(`http://127.0.0.1:${options.port}/health`).then((r) => r.ok, () => false)
    if (up) return { child, output: () => out }
    await new Promise((r) => setTimeout(r, 100))
  }
}

export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGKILL')
  await exited
}

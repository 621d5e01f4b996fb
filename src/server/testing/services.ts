/**
 * Real PostgreSQL and Redis for the tests, each on 127.0.0.1 in a temp folder, stopped and
 * removed afterwards. PostgreSQL refuses to run as root (CI runs as root): then its folder is
 * given to the `postgres` account Debian's package creates (or `nobody`) and its programs run
 * as that account through setpriv.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PG_BIN = process.env.PG_BIN ?? ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) => existsSync(join(d, 'initdb')))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export function postgresAvailable(): boolean {
  return !!PG_BIN
}

export function redisAvailable(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function unprivileged(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name]).toString().trim())
      const gid = Number(execFileSync('id', ['-g', name]).toString().trim())
      return { uid, gid }
    } catch {
      // try the next account
    }
  }
  throw new Error('PostgreSQL cannot run as root and no unprivileged account was found')
}

function chownTree(dir: string, uid: number, gid: number): void {
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir])
  chownSync(dir, uid, gid)
}

export interface RunningService {
  url: string
  stop(): Promise<void>
}

function command(cmd: string, args: string[], as: { uid: number; gid: number } | null): [string, string[]] {
  return as ? ['setpriv', [`--reuid=${as.uid}`, `--regid=${as.gid}`, '--clear-groups', '--', cmd, ...args]] : [cmd, args]
}

export async function startPostgres(): Promise<RunningService> {
  if (!PG_BIN) throw new Error('PostgreSQL is not installed')
  const dir = mkdtempSync(join(tmpdir(), 'zongjie-pg-'))
  const as = unprivileged()
  if (as) chownTree(dir, as.uid, as.gid)
  const data = join(dir, 'data')
  const port = await freePort()
  const [initCmd, initArgs] = command(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'office', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], as)
  execFileSync(initCmd, initArgs, { stdio: 'pipe' })
  const [cmd, args] = command(
    join(PG_BIN, 'postgres'),
    ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'],
    as
  )
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  await waitFor(() => log.includes('ready to accept connections'), 30_000, () => `PostgreSQL did not start:\n${log}`)
  return {
    url: `postgres://office@127.0.0.1:${port}/postgres`,
    stop: () => stopChild(child, 'SIGINT', dir)
  }
}

export async function startRedis(): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'zongjie-redis-'))
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  await waitFor(() => /Ready to accept connections/i.test(log), 20_000, () => `Redis did not start:\n${log}`)
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGTERM', dir) }
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  rmSync(dir, { recursive: true, force: true })
}

export async function waitFor(ok: () => boolean, timeoutMs = 10_000, message: () => string = () => 'timed out'): Promise<void> {
  const start = Date.now()
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error(message())
    await new Promise((r) => setTimeout(r, 25))
  }
}

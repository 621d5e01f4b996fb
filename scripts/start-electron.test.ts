/**
 * `npm start` on a machine without Electron's binary: the start script tries Electron's own
 * installer, and when that cannot download it says in Chinese and English what is missing and how
 * to provide it, with a non-zero exit. The download is pointed at a closed local port, so the test
 * behaves the same on a machine with internet.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const SCRIPT = resolve(import.meta.dirname, 'start-electron.mjs')
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const hasBinary = existsSync(join(electronDir, 'path.txt'))
const work = mkdtempSync(join(tmpdir(), 'zongjie-start-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function start(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ELECTRON_|electron_|npm_config_electron)/i.test(k)))
  return spawnSync(process.execPath, [SCRIPT, '--check'], {
    encoding: 'utf-8',
    timeout: 60_000,
    env: { ...base, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(work, 'cache'), ELECTRON_GET_NO_PROGRESS: '1', ...env }
  })
}

describe('npm start without the Electron binary', () => {
  it.skipIf(hasBinary)('tries the download, then names what is missing and how to point at a local copy, and exits non-zero', () => {
    const r = start({})
    expect(r.stdout).toContain('正在下载 Electron')
    expect(r.status).toBe(3)
    expect(r.stderr).toContain('无法启动：缺少 Electron')
    expect(r.stderr).toContain('Cannot start: the Electron')
    expect(r.stderr).toContain(join(electronDir, 'dist'))
    expect(r.stderr).toMatch(/下载出错 \/ download error: .+/)
    for (const v of ['ELECTRON_OVERRIDE_DIST_PATH=', 'ELECTRON_MIRROR=', 'ELECTRON_EXEC_PATH=']) expect(r.stderr).toContain(v)
    // Nothing half-installed is left for electron-vite to trip over.
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
  })

  it('with ELECTRON_OVERRIDE_DIST_PATH at a folder without Electron: names that folder, does not download', () => {
    const empty = mkdtempSync(join(work, 'empty-'))
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: empty })
    expect(r.status).toBe(3)
    expect(r.stdout).not.toContain('正在下载')
    expect(r.stderr).toContain(join(empty, process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app' : 'electron'))
    expect(r.stderr).toContain('由 ELECTRON_OVERRIDE_DIST_PATH 指定')
  })

  it('with ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron: uses it', () => {
    if (process.platform === 'darwin' || process.platform === 'win32') return
    const dist = mkdtempSync(join(work, 'dist-'))
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\n')
    chmodSync(join(dist, 'electron'), 0o755)
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: dist })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe(join(dist, 'electron'))
  })
})

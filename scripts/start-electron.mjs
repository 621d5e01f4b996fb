#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: makes sure Electron's binary is there, then runs electron-vite.
 *
 * Electron 45 has no install script: its binary is downloaded the first time `require('electron')`
 * runs or `install-electron` is called. electron-vite 6 does neither: it reads
 * node_modules/electron/path.txt itself and stops with "Electron uninstall" when the file is
 * missing. So this script finds the binary (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, or the
 * one install-electron put in node_modules/electron/dist), runs Electron's own installer when there
 * is none, and otherwise says in Chinese and English what is missing and how to provide it.
 *
 *   node scripts/start-electron.mjs preview|dev [electron-vite options…]
 *   node scripts/start-electron.mjs --check        only find or fetch the binary, print its path
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** Exit code when the binary is missing and cannot be fetched. */
const EXIT_NO_ELECTRON = 3

function executableName(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

function electronPackage() {
  const dir = dirname(require.resolve('electron/package.json'))
  return { dir, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')).version }
}

/** The binary that electron-vite would start, or null; `where` says where it was looked for. */
function findBinary(pkg, env) {
  if (env.ELECTRON_EXEC_PATH) return { path: existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null, where: env.ELECTRON_EXEC_PATH, from: 'ELECTRON_EXEC_PATH' }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, executableName())
    return { path: existsSync(path) ? path : null, where: path, from: 'ELECTRON_OVERRIDE_DIST_PATH' }
  }
  const pathFile = join(pkg.dir, 'path.txt')
  const path = existsSync(pathFile) ? join(pkg.dir, 'dist', readFileSync(pathFile, 'utf-8').trim()) : join(pkg.dir, 'dist', executableName())
  return { path: existsSync(pathFile) && existsSync(path) ? path : null, where: path, from: 'install' }
}

/** Electron's own installer (the `install-electron` bin): downloads, checks the checksum, writes path.txt. */
function runInstaller(pkg, env) {
  console.log(`正在下载 Electron ${pkg.version}（仅首次启动需要）…  Downloading Electron ${pkg.version} (first start only)…`)
  const r = spawnSync(process.execPath, [join(pkg.dir, 'install.js')], { env, encoding: 'utf-8', stdio: ['ignore', 'inherit', 'pipe'], timeout: 15 * 60_000 })
  const error = (r.stderr ?? '').trim().split('\n').find((l) => l.trim()) ?? (r.error ? String(r.error.message) : '')
  return { ok: r.status === 0, error }
}

function missingMessage(pkg, found, error) {
  const zip = `electron-v${pkg.version}-${process.platform}-${process.arch}.zip`
  const lines = [
    '',
    `无法启动：缺少 Electron ${pkg.version} 的程序文件，且无法下载。`,
    `Cannot start: the Electron ${pkg.version} binary is missing and could not be downloaded.`,
    '',
    `  应在 / expected at: ${found.where}`
  ]
  if (found.from !== 'install') lines.push(`  （由 ${found.from} 指定 / set by ${found.from}）`)
  if (error) lines.push(`  下载出错 / download error: ${error}`)
  lines.push(
    '',
    '解决办法 / How to fix it (any one):',
    '  1. 联网后再运行 npm start，首次启动会自动下载（约 100 MB）。',
    '     Connect to the internet and run npm start again; the first start downloads it (about 100 MB).',
    '  2. 使用镜像（国内镜像或单位内网镜像）/ use a mirror (a public one or your office\'s):',
    '       ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    '     （写入 .npmrc 的 electron_mirror 同样有效 / electron_mirror in .npmrc works too）',
    `  3. 已有 ${zip}（在另一台电脑上下载后拷贝过来）：解压到任一文件夹，然后`,
    `     Have ${zip} (downloaded on another computer): unzip it into any folder, then`,
    '       ELECTRON_OVERRIDE_DIST_PATH=<该文件夹 / that folder> npm start',
    '     或指定程序本身 / or name the executable itself:  ELECTRON_EXEC_PATH=<…/electron> npm start',
    ''
  )
  return lines.join('\n')
}

/** Finds the binary, fetching it if need be; exits with EXIT_NO_ELECTRON and the message if impossible. */
function ensureElectron(env = process.env) {
  const pkg = electronPackage()
  let found = findBinary(pkg, env)
  if (found.path) return found.path
  let error = ''
  // An explicit path that is wrong is the clerk's setting to fix; downloading would not help.
  if (found.from === 'install') {
    const installed = runInstaller(pkg, env)
    error = installed.error
    found = findBinary(pkg, env)
    if (found.path) return found.path
  }
  console.error(missingMessage(pkg, found, error))
  process.exit(EXIT_NO_ELECTRON)
}

const [mode, ...rest] = process.argv.slice(2)
const binary = ensureElectron()
if (mode === '--check') {
  console.log(binary)
} else {
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  // electron-vite reads ELECTRON_EXEC_PATH before path.txt: the binary found here is the one it starts.
  const child = spawn(process.execPath, [cli, mode ?? 'preview', ...rest], { stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: binary } })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

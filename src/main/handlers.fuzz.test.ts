/**
 * IPC fuzzing: every channel behind window.api, called the way a compromised renderer could call it.
 * The renderer controls payloads only; paths to write come from native dialogs (the user's choice),
 * so the dialogs here answer with paths inside a temp "chosen" folder. The properties:
 * - a payload its channel's schema refuses gets { ok: false, error: a Chinese sentence } before any
 *   dialog opens or any file is touched;
 * - whatever the payload, nothing is created, changed or removed outside the chosen folder and the
 *   app's data folder: every mutating node:fs/promises call is logged (vi.mock below), and the tree
 *   outside the two folders is compared before and after (the working directory is moved inside
 *   that tree, so a relative `../` write would show up there too);
 * - only files exported in this session can be opened or revealed, by their exact path;
 * - no payload (cyclic, deep, huge, exotic types) makes a handler throw past invokeHandler, overflow
 *   the stack or hang main.
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createHandlers, invokeHandler, type Dialogs } from './handlers'
import { requestSchemas } from '../shared/ipc'
import { REQUESTS, type Envelope, type RequestName } from '../shared/ipc-channels'
import { sampleArchive } from '../shared/backup/sample-archive'
import type { Report } from '../shared/doc/model'

/**
 * Every call that can create, change or remove a file, with the path(s) it touches. Once `fence`
 * is set, such a call outside it is logged and refused (EACCES), so a regression fails the test
 * instead of writing into the machine (tests may run as root).
 */
const fsLog = vi.hoisted(() => ({ writes: [] as { op: string; path: string }[], fence: '' }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const { constants } = await import('node:fs')
  const { isAbsolute, relative, resolve, sep } = await import('node:path')
  const WRITE_FLAGS = constants.O_WRONLY | constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND
  /** Logs the write; false when it falls outside the fence and must not happen. */
  const allow = (op: string, path: unknown): boolean => {
    fsLog.writes.push({ op, path: String(path) })
    if (!fsLog.fence) return true
    const rel = relative(fsLog.fence, resolve(String(path)))
    return !isAbsolute(rel) && rel.split(sep)[0] !== '..'
  }
  const refuse = (path: unknown) => Promise.reject(Object.assign(new Error(`EACCES: outside the test folder: ${String(path)}`), { code: 'EACCES' }))
  /** Wraps fn, checking the arguments at `paths` (the ones written to; a link's or copy's source is only read). */
  const logged = <F extends (...args: never[]) => unknown>(op: string, fn: F, paths: number[]): F =>
    ((...args: Parameters<F>) => {
      for (const i of paths) if (!allow(op, args[i])) return refuse(args[i])
      return fn(...args)
    }) as F
  const open = ((path: Parameters<typeof real.open>[0], flags?: string | number, mode?: number) => {
    const writes = typeof flags === 'string' ? /[wax+]/.test(flags) : typeof flags === 'number' && (flags & WRITE_FLAGS) !== 0
    if (writes && !allow('open', path)) return refuse(path)
    return real.open(path, flags, mode)
  }) as typeof real.open
  const mocked = {
    ...real,
    open,
    writeFile: logged('writeFile', real.writeFile, [0]),
    appendFile: logged('appendFile', real.appendFile, [0]),
    rename: logged('rename', real.rename, [0, 1]),
    link: logged('link', real.link, [1]),
    symlink: logged('symlink', real.symlink, [1]),
    copyFile: logged('copyFile', real.copyFile, [1]),
    cp: logged('cp', real.cp, [1]),
    unlink: logged('unlink', real.unlink, [0]),
    rm: logged('rm', real.rm, [0]),
    rmdir: logged('rmdir', real.rmdir, [0]),
    mkdir: logged('mkdir', real.mkdir, [0]),
    mkdtemp: logged('mkdtemp', real.mkdtemp, [0]),
    truncate: logged('truncate', real.truncate, [0]),
    chmod: logged('chmod', real.chmod, [0]),
    chown: logged('chown', real.chown, [0]),
    utimes: logged('utimes', real.utimes, [0])
  }
  return { ...mocked, default: mocked }
})

const INVALID = '请求内容无效，已拒绝。'
/** invokeHandler's answer to an exception it did not expect: a hostile payload must never reach it. */
const UNEXPECTED = '操作失败，请重试。'

let root = ''
let chosen = ''
let data = ''
let outside = ''
let previousCwd = ''
let saveCounter = 0

const archive = sampleArchive({ reports: 2, versionsPerReport: 1 })
const report: Report = archive.reports[0].report

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'zongjie-fuzz-')))
  fsLog.fence = root
  chosen = join(root, 'chosen')
  data = join(root, 'data')
  outside = join(root, 'outside')
  for (const d of [chosen, data, outside, join(root, 'cwd', 'a', 'b')]) mkdirSync(d, { recursive: true })
  writeFileSync(join(outside, 'victim.txt'), '不能被改写的文件')
  writeFileSync(join(outside, 'secret.txt'), '机密')
  writeFileSync(join(chosen, '导入.txt'), '一、主要工作\n全年培训教师700余名。\n')
  // Links the user could have in a chosen folder: to a file outside, to nothing yet, to a folder outside.
  symlinkSync(join(outside, 'victim.txt'), join(chosen, 'link-out.txt'))
  symlinkSync(join(outside, 'created-through-link.txt'), join(chosen, 'dangling.txt'))
  symlinkSync(outside, join(chosen, 'linkdir'))
  // Relative paths resolve against the working directory: keep it inside the observed tree.
  // Vitest runs test files in child processes by default, where chdir is allowed.
  previousCwd = process.cwd()
  process.chdir(join(root, 'cwd', 'a', 'b'))
})

/**
 * invokeHandler logs refusals (wanted in the app); here they would drown the report. Kept: failures
 * that are not a refusal in Chinese (a handler's own `throw new Error('只能…')` is one).
 */
const unexpectedLogs: string[] = []
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const line = args.map(String).join(' ')
    if (!line.includes('invalid payload') && !/ failed Error: [^\n]*[\u4e00-\u9fff]/.test(line)) unexpectedLogs.push(line.slice(0, 500))
  })
})

// A handler that failed in a way invokeHandler did not expect logs '[ipc] … failed': no payload may cause that.
afterEach(() => {
  expect(unexpectedLogs.splice(0)).toEqual([])
})

afterAll(() => {
  fsLog.fence = ''
  vi.restoreAllMocks()
  if (previousCwd) process.chdir(previousCwd)
  if (root) rmSync(root, { recursive: true, force: true })
})

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, resolve(path))
  // '....txt' is a name inside; only a first segment of exactly '..' leaves.
  return !isAbsolute(rel) && rel.split(sep)[0] !== '..'
}

const confined = (path: string): boolean => inside(chosen, path) || inside(data, path)

/** Everything under root except the chosen and data folders: type, size, time, link target, content. */
function snapshotOutside(): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (p === chosen || p === data) continue
      const st = lstatSync(p)
      if (st.isSymbolicLink()) out.set(p, `link→${readlinkSync(p)}`)
      else if (st.isDirectory()) {
        out.set(p, 'dir')
        walk(p)
      } else out.set(p, `${st.size}:${st.mtimeMs}:${readFileSync(p).toString('base64')}`)
    }
  }
  walk(root)
  return out
}

interface Harness {
  invoke(name: string, payload: unknown): Promise<Envelope<unknown>>
  dialogCalls(): number
  shellCalls: string[]
}

interface DialogScript {
  save?: (defaultPath: string) => string | null
  openFiles?: () => string[]
  folder?: () => string | null
}

let sessions = 0

/** A fresh set of handlers (a new session: no exports, no tokens, its own data folder) with scripted dialogs. */
function harness(script: DialogScript = {}): Harness {
  const dataDir = join(data, `session-${++sessions}`)
  mkdirSync(dataDir)
  let dialogCalls = 0
  const shellCalls: string[] = []
  const dialogs: Dialogs = {
    openFiles: async () => (dialogCalls++, script.openFiles?.() ?? []),
    openFolder: async () => (dialogCalls++, script.folder ? script.folder() : chosen),
    // No extension: the handler adds the format's own, as it does for a name typed without one.
    saveFile: async (defaultPath) => (dialogCalls++, script.save ? script.save(defaultPath) : join(chosen, `导出-${++saveCounter}`))
  }
  const handlers = createHandlers({
    dialogs,
    shell: {
      openPath: async (p) => void shellCalls.push(p),
      showItemInFolder: (p) => void shellCalls.push(p)
    },
    appInfo: { version: 'fuzz', platform: process.platform, shell: 'test' },
    printToPdf: async () => Buffer.from('%PDF-1.4\n%%EOF\n'),
    // Printing and clipboard edits touch no file: a print dialog answered "cancel", an edit that does nothing.
    printHtml: async () => false,
    edit: () => undefined,
    emit: () => undefined,
    defaultExportDir: chosen,
    dataDir
  })
  return { invoke: (name, payload) => invokeHandler(handlers, name, payload), dialogCalls: () => dialogCalls, shellCalls }
}

/** Runs `call` and checks that it wrote nothing outside the chosen and data folders. */
async function confinedRun<T>(call: () => Promise<T>): Promise<T> {
  const before = snapshotOutside()
  const from = fsLog.writes.length
  const result = await call()
  for (const w of fsLog.writes.slice(from)) {
    expect(confined(w.path), `${w.op} ${w.path}`).toBe(true)
    // A folder reached through a link is judged by where it really is.
    let parent = dirname(resolve(w.path))
    try {
      parent = realpathSync(parent)
    } catch {
      // Gone or never there: the lexical check above is all there is.
    }
    expect(confined(parent), `${w.op} ${w.path} (really in ${parent})`).toBe(true)
  }
  expect(snapshotOutside()).toEqual(before)
  return result
}

/** A refusal the clerk can read: one Chinese sentence, no stack, no exception name, not the catch-all. */
function expectClearError(r: Envelope<unknown>, expected?: string | RegExp): void {
  expect(r.ok, JSON.stringify(r)?.slice(0, 300)).toBe(false)
  if (r.ok) return
  expect(typeof r.error).toBe('string')
  expect(r.error).toMatch(/[\u4e00-\u9fff]/)
  expect(r.error).not.toMatch(/\n|Error\b|\bat \S+:\d+|\[object |undefined|NaN/)
  expect(r.error).not.toBe(UNEXPECTED)
  if (typeof expected === 'string') expect(r.error).toBe(expected)
  else if (expected) expect(r.error).toMatch(expected)
}

/** Settles within `ms` or fails: a payload must not be able to hang main. */
async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([p, timeout])
  } finally {
    clearTimeout(timer)
  }
}

// ---- hostile values -------------------------------------------------------------------------

/** Paths a renderer could name: traversal, absolute, Windows drive/UNC/device, URL forms, NUL bytes. */
function hostilePathList(): string[] {
  return [
    '',
    '.',
    '..',
    '../outside/secret.txt',
    '../../../outside/victim.txt',
    '../../../../../../../../etc/passwd',
    '/etc/passwd',
    '/etc/shadow',
    '/dev/zero',
    '/dev/random',
    '/proc/self/environ',
    '~/.ssh/id_rsa',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    'C:/Windows/win.ini',
    '\\\\server\\share\\工作总结.docx',
    '//server/share/x.docx',
    '\\\\.\\COM1',
    '\\\\.\\PhysicalDrive0',
    '\\\\?\\C:\\Windows\\win.ini',
    '\\\\?\\UNC\\server\\share\\x',
    'CON',
    'NUL.docx',
    'file:///etc/passwd',
    'app://bundle/../../etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'a\u0000.docx',
    join(outside, 'victim.txt'),
    join(outside, 'secret.txt'),
    join(chosen, 'link-out.txt'),
    join(chosen, 'linkdir', 'secret.txt'),
    join(chosen, '..', 'outside', 'secret.txt'),
    join(chosen, '导入.txt'),
    chosen,
    data,
    join(data, 'backup-settings.json')
  ]
}

const pathParts = fc.constantFrom('..', '.', '', '...', 'outside', 'secret.txt', 'etc', 'passwd', 'CON', 'COM1', 'LPT1', 'AUX', 'NUL', '%2e%2e', '\u0000', ' ', '工作总结.docx', 'chosen', 'linkdir')

/** Generated path-like strings: a prefix (none, root, UNC, device, drive, URL), parts, one separator. */
const generatedPath = fc
  .tuple(fc.constantFrom('', '/', '\\\\', '\\\\.\\', '\\\\?\\', 'C:\\', 'file://', '~/'), fc.array(pathParts, { minLength: 1, maxLength: 8 }), fc.constantFrom('/', '\\'))
  .map(([prefix, parts, sep]) => prefix + parts.join(sep))

const hostilePath = (): fc.Arbitrary<string> => fc.oneof(fc.constantFrom(...hostilePathList()), generatedPath, fc.string({ unit: 'grapheme', maxLength: 40 }))

/** Past every string bound in the schemas (the largest is a text run's 1,000,000 characters). */
const HUGE = '長'.repeat(1_000_001)

const exotic = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true
})

const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    exotic,
    hostilePath(),
    fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, -0, 0.5, 2 ** 53, 1e308, 0n, true, null, undefined, [], {}, 'docx', 'exe', '../docx'),
    fc.integer({ min: 4097, max: 20_000 }).map((n) => 'a'.repeat(n)),
    fc.constant(HUGE)
  )

// ---- valid payloads to mutate ----------------------------------------------------------------

/** Channels not listed here (added later) are mutated from an undefined payload. */
const VALID: Partial<Record<RequestName, () => unknown>> = {
  getAppInfo: () => undefined,
  importFilesDialog: () => undefined,
  importFolderDialog: () => undefined,
  exportReport: () => ({ report, format: 'txt' }),
  printReport: () => ({ report }),
  editCommand: () => ({ command: 'paste' }),
  openExportedFile: () => ({ path: join(chosen, '导出.docx') }),
  showExportedFile: () => ({ path: join(chosen, '导出.docx') }),
  closeReady: () => undefined,
  backupBegin: () => ({ kind: 'manual' }),
  backupWrite: () => ({ session: 'no-such-session', table: 'reports', records: archive.reports }),
  backupFinish: () => ({ session: 'no-such-session' }),
  backupAbort: () => ({ session: 'no-such-session' }),
  backupOpen: () => undefined,
  backupRead: () => ({ session: 'no-such-session' }),
  backupClose: () => ({ session: 'no-such-session' }),
  getAutoBackup: () => undefined,
  chooseAutoBackupFolder: () => undefined,
  setAutoBackup: () => ({ enabled: false, keep: 3 })
}

type Key = string | number
/** Every key path in a JSON-like value (bounded depth, so an archive stays a few thousand paths). */
function keyPaths(value: unknown, prefix: Key[] = [], out: Key[][] = []): Key[][] {
  if (prefix.length > 9 || typeof value !== 'object' || value === null) return out
  for (const k of Object.keys(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(k) : k]
    out.push(path)
    keyPaths((value as Record<string, unknown>)[k], path, out)
  }
  return out
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown }

function mutate(payload: unknown, path: Key[], m: Mutation): unknown {
  if (path.length === 0) return m.kind === 'set' ? m.value : payload
  const copy = structuredClone(payload) as Record<Key, unknown>
  let parent = copy
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<Key, unknown>
  const last = path[path.length - 1]
  if (m.kind === 'set') parent[last] = m.value
  else if (m.kind === 'delete') delete parent[last]
  // defineProperty, so '__proto__' becomes an own key the way a structured clone delivers it.
  else Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true })
  return copy
}

const mutation = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 6, arbitrary: hostileValue().map((value): Mutation => ({ kind: 'set', value })) },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'dir', 'path', 'overwrite', 'target'), hostileValue())
        .map(([key, value]): Mutation => ({ kind: 'add', key, value }))
    }
  )

const PATHS: Partial<Record<RequestName, Key[][]>> = {}
const validPayload = (name: RequestName): unknown => VALID[name]?.()
const pathsOf = (name: RequestName): Key[][] => (PATHS[name] ??= [[], ...keyPaths(validPayload(name))])

const channel = fc.constantFrom(...REQUESTS)

// ---- the properties --------------------------------------------------------------------------

describe('IPC handlers under hostile payloads', () => {
  it('any value as the payload of any channel, or an unknown channel: refused clearly, or handled inside the chosen folders', async () => {
    const h = harness()
    const name = fc.oneof(
      { weight: 8, arbitrary: channel.map((c): string => c) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'api:exportReport', '', 'exportreport') },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }
    )
    await fc.assert(
      fc.asyncProperty(name, hostileValue(), async (n, payload) => {
        const known = (REQUESTS as readonly string[]).includes(n)
        const valid = known && requestSchemas[n as RequestName].safeParse(payload).success
        const dialogsBefore = h.dialogCalls()
        const writesBefore = fsLog.writes.length
        const r = await confinedRun(() => within(5_000, h.invoke(n, payload)))
        if (!known) expectClearError(r, /^未知的请求/)
        else if (!valid) {
          expectClearError(r, INVALID)
          expect(h.dialogCalls()).toBe(dialogsBefore)
          expect(fsLog.writes.length).toBe(writesBefore)
        } else if (!r.ok) expectClearError(r)
      }),
      { numRuns: 1500 }
    )
    expect(h.shellCalls).toEqual([])
  })

  it('a valid payload with one field made hostile: refused before any dialog or file, or handled inside the chosen folders', async () => {
    const h = harness()
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()
    const scenario = channel.chain((n) => fc.tuple(fc.constant(n), fc.constantFrom(...pathsOf(n)), mutation()))
    await fc.assert(
      fc.asyncProperty(scenario, async ([n, path, m]) => {
        const payload = mutate(validPayload(n), path, m)
        const valid = requestSchemas[n].safeParse(payload).success
        const dialogsBefore = h.dialogCalls()
        const writesBefore = fsLog.writes.length
        const r = await confinedRun(() => within(5_000, h.invoke(n, payload)))
        if (!valid) {
          expectClearError(r, INVALID)
          expect(h.dialogCalls()).toBe(dialogsBefore)
          expect(fsLog.writes.length).toBe(writesBefore)
        } else if (!r.ok) expectClearError(r)
      }),
      { numRuns: 600 }
    )
    // Nothing was exported under a name the fuzzer chose, so nothing could be opened.
    expect(h.shellCalls).toEqual([])
    // The zod objects copy known keys only: an own '__proto__' key reached no prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
  })

  it('hostile report titles name the default file: the export still lands directly in the chosen folder, under a safe name', async () => {
    // The user accepts the suggested name: the dialog returns its default path unchanged.
    const h = harness({ save: (defaultPath) => defaultPath })
    const title = fc.oneof(hostilePath(), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('CON', 'con.txt', 'Lpt1', 'NUL ', 'aux.', 'COM9.tar'))
    const format = fc.constantFrom('txt' as const, 'md' as const, 'html' as const, 'pdf' as const, 'docx' as const)
    await fc.assert(
      fc.asyncProperty(title, format, async (t, f) => {
        const r = await confinedRun(() => h.invoke('exportReport', { report: { ...report, meta: { ...report.meta, title: t } }, format: f }))
        if (!r.ok) return expectClearError(r)
        const value = r.value as { status: string; path?: string }
        expect(['saved', 'exists']).toContain(value.status)
        const path = value.path ?? ''
        expect(dirname(path)).toBe(chosen)
        const name = basename(path)
        expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/)
        expect(name.endsWith(`.${f}`)).toBe(true)
        // Windows treats these as devices even with an extension (CON.docx is the console).
        expect(name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])\s*(\.|$)/i)
      }),
      { numRuns: 120 }
    )
  })

  it('only this session\'s exports can be opened or revealed, by their exact path', async () => {
    const h = harness()
    const first = await h.invoke('exportReport', { report, format: 'txt' })
    const exportedPath = (first as { ok: true; value: { path: string } }).value.path
    expect(dirname(exportedPath)).toBe(chosen)
    // Another name for the same file: a link to it in the chosen folder.
    const alias = join(chosen, `别名-${saveCounter}.txt`)
    symlinkSync(exportedPath, alias)
    const variants = [
      `${exportedPath}/`,
      `${exportedPath}/.`,
      `${exportedPath}\u0000`,
      ` ${exportedPath}`,
      exportedPath.toUpperCase(),
      `${chosen}/./${basename(exportedPath)}`,
      `${chosen}/../chosen/${basename(exportedPath)}`,
      relative(process.cwd(), exportedPath),
      basename(exportedPath),
      alias,
      `file://${exportedPath}`
    ]
    const candidate = fc.oneof(hostilePath(), fc.constantFrom(...variants))
    for (const n of ['openExportedFile', 'showExportedFile'] as const) {
      await fc.assert(
        fc.asyncProperty(candidate, async (path) => {
          const r = await confinedRun(() => h.invoke(n, { path }))
          // Over 4096 characters the schema refuses it; otherwise the session's list does.
          expectClearError(r, path.length > 4096 ? INVALID : /^只能(打开|显示)本次导出的文件/)
        }),
        { numRuns: 500 }
      )
      expect(h.shellCalls).toEqual([])
    }
    for (const path of [exportedPath.padEnd(4097, '/'), 'x'.repeat(100_000)]) expectClearError(await h.invoke('openExportedFile', { path }), INVALID)
    for (const payload of [exportedPath, { path: [exportedPath] }, { path: { toString: exportedPath } }, { file: exportedPath }, [exportedPath]]) {
      expectClearError(await h.invoke('openExportedFile', payload), INVALID)
    }
    expect(h.shellCalls).toEqual([])
    // The exact path is allowed: the tests above did not pass by refusing everything.
    expect(await h.invoke('openExportedFile', { path: exportedPath })).toEqual({ ok: true, value: undefined })
    expect(await h.invoke('showExportedFile', { path: exportedPath })).toEqual({ ok: true, value: undefined })
    expect(h.shellCalls).toEqual([exportedPath, exportedPath])
    // Another session (a restart) has no exports: the same path is refused there.
    expectClearError(await harness().invoke('openExportedFile', { path: exportedPath }), /^只能打开本次导出的文件/)
  })

  it('overwrite tokens: forged, reused or carried to the other channel, they replace nothing', async () => {
    const target = join(chosen, '已存在.txt')
    writeFileSync(target, '原来的内容')
    const h = harness({ save: () => target })
    const forged = fc.oneof(fc.uuid(), fc.string({ maxLength: 100 }), fc.constantFrom('', '0', '__proto__', 'constructor', target))
    await fc.assert(
      fc.asyncProperty(forged, fc.constantFrom('exportReport' as const, 'backupBegin' as const), async (token, n) => {
        const payload = n === 'exportReport' ? { report, format: 'txt', overwriteToken: token } : { kind: 'manual', overwriteToken: token }
        const r = await confinedRun(() => h.invoke(n, payload))
        // An empty token means "no token": the dialog answers with the existing file, and the answer is 'exists'.
        if (token === '') expect(r).toMatchObject({ ok: true, value: { status: 'exists' } })
        else expectClearError(r, '替换确认已失效，请重新操作。')
        expect(readFileSync(target, 'utf8')).toBe('原来的内容')
      }),
      { numRuns: 200 }
    )
    // A token from an export must not let a backup archive replace the Word/text file the clerk chose, and back.
    const exportAsk = (await h.invoke('exportReport', { report, format: 'txt' })) as { ok: true; value: { overwriteToken: string } }
    expectClearError(await h.invoke('backupBegin', { kind: 'manual', overwriteToken: exportAsk.value.overwriteToken }), '替换确认已失效，请重新操作。')
    const backupAsk = (await h.invoke('backupBegin', { kind: 'manual' })) as { ok: true; value: { overwriteToken: string } }
    expectClearError(await h.invoke('exportReport', { report, format: 'txt', overwriteToken: backupAsk.value.overwriteToken }), '替换确认已失效，请重新操作。')
    // Nor a Word export replace the file the clerk chose for text.
    const textAsk = (await h.invoke('exportReport', { report, format: 'txt' })) as { ok: true; value: { overwriteToken: string } }
    expectClearError(await h.invoke('exportReport', { report, format: 'docx', overwriteToken: textAsk.value.overwriteToken }), '替换确认已失效，请重新操作。')
    expect(readFileSync(target, 'utf8')).toBe('原来的内容')
    // Used properly, once: replaced; used again: refused.
    const ask = (await h.invoke('exportReport', { report, format: 'txt' })) as { ok: true; value: { overwriteToken: string } }
    expect(await h.invoke('exportReport', { report, format: 'txt', overwriteToken: ask.value.overwriteToken })).toMatchObject({ ok: true, value: { status: 'saved' } })
    expect(readFileSync(target, 'utf8')).not.toBe('原来的内容')
    expectClearError(await h.invoke('exportReport', { report, format: 'txt', overwriteToken: ask.value.overwriteToken }), '替换确认已失效，请重新操作。')
  })

  it('a link in the chosen folder is replaced, never written through', async () => {
    for (const link of ['link-out.txt', 'dangling.txt']) {
      const h = harness({ save: () => join(chosen, link) })
      const ask = await confinedRun(() => h.invoke('exportReport', { report, format: 'txt' }))
      expect(ask).toMatchObject({ ok: true, value: { status: 'exists' } })
      const token = (ask as { ok: true; value: { overwriteToken: string } }).value.overwriteToken
      expect(await confinedRun(() => h.invoke('exportReport', { report, format: 'txt', overwriteToken: token }))).toMatchObject({ ok: true, value: { status: 'saved' } })
      expect(lstatSync(join(chosen, link)).isFile()).toBe(true)
    }
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('不能被改写的文件')
    expect(readdirSync(outside).sort()).toEqual(['secret.txt', 'victim.txt'])
  })

  it('the automatic-backup folder comes only from the folder dialog, never from a payload', async () => {
    // A folder of its own: the fuzz runs above may already have written today's backup into `chosen`.
    const backupDir = join(chosen, `auto-${Date.now()}`)
    mkdirSync(backupDir)
    const h = harness({ folder: () => backupDir })
    for (const payload of [
      { enabled: true, keep: 3, dir: outside },
      { enabled: true, keep: 3, dir: '../../outside' },
      JSON.parse('{"enabled": true, "keep": 3, "__proto__": {"dir": "/tmp", "polluted": true}}') as unknown
    ]) {
      expectClearError(await confinedRun(() => h.invoke('setAutoBackup', payload)), '请先选择自动备份的文件夹。')
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    for (const keep of [0, 366, 1.5, -1, NaN, '3', 1e9]) expectClearError(await h.invoke('setAutoBackup', { enabled: true, keep }), INVALID)
    expect(await confinedRun(() => h.invoke('chooseAutoBackupFolder', undefined))).toMatchObject({ ok: true, value: { dir: backupDir } })
    expect(await confinedRun(() => h.invoke('setAutoBackup', { enabled: true, keep: 2, dir: outside }))).toMatchObject({ ok: true, value: { dir: backupDir, enabled: true } })
    /** A whole streamed backup: begin (with whatever extra fields a payload tries), every table, finish. */
    const streamed = async (begin: Record<string, unknown>) => {
      const started = (await confinedRun(() => h.invoke('backupBegin', begin))) as { ok: true; value: { status: string; session: string } }
      expect(started).toMatchObject({ ok: true, value: { status: 'open' } })
      const session = started.value.session
      for (const table of ['reports', 'settings', 'versions'] as const) {
        expect(await confinedRun(() => h.invoke('backupWrite', { session, table, records: archive[table], path: join(outside, 'x.zjbak') }))).toMatchObject({ ok: true })
      }
      return (await confinedRun(() => h.invoke('backupFinish', { session, dir: outside }))) as { ok: true; value: { path: string } }
    }
    const run = await streamed({ kind: 'auto', dir: outside, path: join(outside, 'x.zjbak') })
    expect(dirname(run.value.path)).toBe(backupDir)
    const safety = await streamed({ kind: 'safety', path: join(outside, 'x.zjbak') })
    expect(inside(data, safety.value.path)).toBe(true)
    // Today's automatic backup is written: another run writes nothing.
    expect(await confinedRun(() => h.invoke('backupBegin', { kind: 'auto' }))).toMatchObject({ ok: true, value: { status: 'not-due' } })
    await confinedRun(() => h.invoke('setAutoBackup', { enabled: false, keep: 2 }))
  })

  it('cyclic, deep, shared-reference, sparse and binary payloads are refused quickly and clearly', async () => {
    const h = harness()
    const section = (children: unknown[] = []) => ({ id: 's', level: 1, title: '主要工作', runIn: false, blocks: [], children })

    const cyclicSection = section()
    cyclicSection.children.push(cyclicSection)
    const cyclicReport = { ...report, sections: [cyclicSection] }

    const deep = (n: number): unknown => {
      let s = section()
      for (let i = 0; i < n; i++) s = section([s])
      return s
    }
    // Each level holds the one below twice: 2^40 sections once the shared references are expanded.
    let bomb = section()
    for (let i = 0; i < 40; i++) bomb = section([bomb, bomb])

    const sparse: unknown[] = []
    sparse.length = 2 ** 32 - 1
    const cyclicSetting: Record<string, unknown> = { a: 1 }
    cyclicSetting.self = cyclicSetting

    const cases: [RequestName, unknown][] = [
      ['exportReport', { report: cyclicReport, format: 'txt' }],
      ['exportReport', { report: cyclicReport, format: 'docx' }],
      ['exportReport', { report: { ...report, sections: [deep(100)] }, format: 'txt' }],
      ['exportReport', { report: { ...report, sections: [deep(5_000)] }, format: 'docx' }],
      ['exportReport', { report: { ...report, sections: [deep(200_000)] }, format: 'txt' }],
      ['exportReport', { report: { ...report, sections: [bomb] }, format: 'txt' }],
      ['exportReport', { report: { ...report, sections: sparse }, format: 'txt' }],
      ['exportReport', { report: { ...report, preamble: [{ type: 'paragraph', runs: sparse }] }, format: 'txt' }],
      ['backupWrite', { session: 'x', table: 'versions', records: sparse }],
      ['backupWrite', { session: 'x', table: 'settings', records: [{ key: 'k', value: cyclicSetting }] }],
      ['backupWrite', { session: 'x', table: 'settings', records: [{ key: 'k', value: new Uint8Array(50_000_000) }] }],
      ['backupWrite', { session: 'x', table: 'settings', records: [{ key: 'k', value: new Map([['a', 1]]) }] }],
      ['backupWrite', { session: 'x', table: 'reports', records: [{ ...archive.reports[0], report: cyclicReport }] }],
      ['setAutoBackup', { enabled: true, keep: 3n }],
      ['openExportedFile', { path: new String('/etc/passwd') }]
    ]
    for (const [n, payload] of cases) {
      const started = Date.now()
      const r = await confinedRun(() => within(5_000, h.invoke(n, payload)))
      expectClearError(r, INVALID)
      expect(Date.now() - started, n).toBeLessThan(3_000)
    }
    // A valid deep-ish report (depth 100 is far beyond the four heading levels) still exports: the
    // refusals above are about shape, not about every nested report.
    const fine = await h.invoke('exportReport', { report: { ...report, sections: [deep(20)] }, format: 'docx' })
    expect(fine).toMatchObject({ ok: true, value: { status: 'saved' } })
  })

  it('hostile answers from the open dialogs (devices, links, folders, UNC) give per-file Chinese errors and write nothing', async () => {
    const dangling = join(chosen, `dangling-import-${++saveCounter}.txt`)
    symlinkSync(join(outside, 'never-there.txt'), dangling)
    const answers = ['/dev/zero', '/dev/null', '\\\\server\\share\\x.txt', '\\\\.\\COM1', join(chosen, 'linkdir'), join(outside, 'missing.txt'), dangling, chosen]
    const h = harness({ openFiles: () => answers, folder: () => join(chosen, 'linkdir') })
    const r = await confinedRun(() => within(10_000, h.invoke('importFilesDialog', undefined)))
    expect(r.ok).toBe(true)
    const files = (r as { ok: true; value: { name: string; error?: string }[] }).value
    expect(files).toHaveLength(answers.length)
    for (const f of files) expect(f.error ?? `no error: ${JSON.stringify(f).slice(0, 200)}`).toMatch(/[\u4e00-\u9fff]/)
    const open = harness({ openFiles: () => ['/dev/zero'] })
    expectClearError(await confinedRun(() => within(5_000, open.invoke('backupOpen', undefined))))
    const folder = harness({ openFiles: () => [join(chosen, '导入.txt')], folder: () => '/nonexistent/folder' })
    // A chosen folder that is gone by the time it is read: refused with a message that says so.
    const listed = await confinedRun(() => folder.invoke('importFolderDialog', undefined))
    expect(listed).toMatchObject({ ok: false, error: expect.stringContaining('找不到文件夹') })
  })
})

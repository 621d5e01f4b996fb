/**
 * The sender check of registerIpc, with fake IPC events: only the main window's own page, on the
 * app's URL, reaches a handler. Electron is replaced by a stand-in ipcMain that keeps the handlers
 * registerIpc gives it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'

const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => registered.set(channel, fn) },
  BrowserWindow: class {},
  net: {},
  protocol: {},
  session: {},
  shell: {}
}))

const { registerIpc } = await import('./ipc')
const { APP_ORIGIN } = await import('./window')
const { REQUESTS, channelOf } = await import('../shared/ipc-channels')
type Handlers = Parameters<typeof registerIpc>[0]

const mainContents = { id: 1 }
const mainWindow = { webContents: mainContents } as unknown as import('electron').BrowserWindow
const calls: string[] = []
const handlers = Object.fromEntries(REQUESTS.map((name) => [name, async () => (calls.push(name), `${name} answered`)])) as unknown as Handlers

const event = (sender: object, url: string | undefined) => ({ sender, senderFrame: url === undefined ? null : { url } })
const call = (name: string, e: unknown, payload?: unknown) => registered.get(channelOf(name as (typeof REQUESTS)[number]))!(e, payload)
/** The dev server's URL is an environment variable, as electron-vite sets it. */
const env = process.env as Record<string, string | undefined>
const REFUSED = { ok: false, error: '拒绝来自未知页面的请求。' }

describe('registerIpc: who may call main', () => {
  beforeEach(() => {
    registered.clear()
    calls.length = 0
    delete env.ELECTRON_RENDERER_URL
    registerIpc(handlers, () => mainWindow)
  })

  it('registers every request of the channel map', () => {
    expect([...registered.keys()].sort()).toEqual(REQUESTS.map(channelOf).sort())
  })

  it("answers the main window's page on the app's own URL", async () => {
    expect(await call('getAppInfo', event(mainContents, `${APP_ORIGIN}/index.html`))).toEqual({ ok: true, value: 'getAppInfo answered' })
    expect(calls).toEqual(['getAppInfo'])
  })

  it('refuses another webContents, even on the app URL (a second window, a print window)', async () => {
    expect(await call('getAppInfo', event({ id: 2 }, `${APP_ORIGIN}/index.html`))).toEqual(REFUSED)
    expect(calls).toEqual([])
  })

  it('refuses the main window when its frame is not on the app URL (a navigated page, a subframe, no frame)', async () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://bundlex/index.html', 'app://evil/', 'data:text/html,x', '', undefined]) {
      expect(await call('exportReport', event(mainContents, url), { report: {}, format: 'txt' })).toEqual(REFUSED)
    }
    expect(calls).toEqual([])
  })

  it('refuses everything while there is no main window', async () => {
    registered.clear()
    registerIpc(handlers, () => null)
    expect(await call('getAppInfo', event(mainContents, `${APP_ORIGIN}/index.html`))).toEqual(REFUSED)
    expect(calls).toEqual([])
  })

  it('accepts the dev server URL only when the app runs from it', async () => {
    expect(await call('getAppInfo', event(mainContents, 'http://localhost:5173/'))).toEqual(REFUSED)
    env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    expect(await call('getAppInfo', event(mainContents, 'http://localhost:5173/'))).toEqual({ ok: true, value: 'getAppInfo answered' })
  })

  it('checks the payload after the sender: a trusted page with a bad payload gets the refusal, not the handler', async () => {
    expect(await call('setAutoBackup', event(mainContents, `${APP_ORIGIN}/index.html`), { enabled: 'yes' })).toEqual({ ok: false, error: '请求内容无效，已拒绝。' })
    expect(calls).toEqual([])
  })
})

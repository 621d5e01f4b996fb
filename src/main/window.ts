import { dirname, join, normalize, relative, isAbsolute } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BrowserWindow, net, protocol, session, shell } from 'electron'
import { currentPolicy } from './csp'

/**
 * The renderer is served from app://bundle/ from the first release on, so the IndexedDB
 * origin, and with it every clerk's drafts, never changes between versions.
 */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://bundle`


/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves files under rendererDir only; anything else is a 404. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'bundle') return new Response('not found', { status: 404 })
    const path = normalize(join(rendererDir, decodeURIComponent(url.pathname)))
    const rel = relative(rendererDir, path)
    if (rel.startsWith('..') || isAbsolute(rel)) return new Response('not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(path).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', currentPolicy())
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

/** Deny every permission (camera, geolocation, notifications…): the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? `${APP_ORIGIN}/index.html`
}

export function isTrustedUrl(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL
  return url.startsWith(`${APP_ORIGIN}/`) || (!!dev && url.startsWith(dev))
}

/** The main window; `icon` is the app icon (resources/icon.png) for the taskbar and title bar. */
export function createMainWindow(icon?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    icon,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: '工作总结',
    autoHideMenuBar: false,
    webPreferences: {
      preload: join(dirname(fileURLToPath(import.meta.url)), '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())

  // No navigation away from the app and no new windows; external links open in the browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())

  void win.loadURL(rendererUrl())
  return win
}

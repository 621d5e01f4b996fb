/** App lifecycle only: window, protocol, IPC and menu are set up by their own modules. */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, Menu } from 'electron'
import { createHandlers, RECENT_FOLDERS_FILE } from './handlers'
import { recentFolders } from './services/recent-folders'
import { cleanupTempFiles } from './services/files'
import { loadAutoBackupSettings } from './services/backup'
import { registerIpc, sendEvent } from './ipc'
import { nativeDialogs, nativeShell } from './platform/dialogs'
import { buildMenu } from './platform/menu'
import { printHtmlToPdf, printHtmlWithDialog } from './platform/print'
import { officeSecretStore, trustOfficeCertificate } from './platform/office'
import { loadOfficeConfig } from './services/office/config'
import { parseServerAddress } from '../shared/office/address'
import { setOfficeConnectSource } from './csp'
import { createMainWindow, denyAllPermissions, handleAppProtocol, registerAppScheme } from './window'
// electron-vite copies the file into the build and gives its path (on Linux the window shows it; Windows and macOS take the packaged app's icon).
import icon from '../../resources/icon.png?asset'

const here = dirname(fileURLToPath(import.meta.url))
let mainWindow: BrowserWindow | null = null
/** Set once the renderer confirmed its last save, so closing does not lose the last second of typing. */
let closeConfirmed = false

registerAppScheme()
// The office server is on the office's own network. Chromium's Local Network Access checks would
// refuse the page's websocket to it; the page's CSP already names that one server and nothing else.
app.commandLine.appendSwitch('disable-features', 'LocalNetworkAccessChecks')

// Tests start the app on a throwaway profile so they never touch a clerk's archive.
if (process.env.ZONGJIE_USER_DATA) app.setPath('userData', process.env.ZONGJIE_USER_DATA)

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database; bring the first one forward instead.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  app.whenReady().then(async () => {
    handleAppProtocol(join(here, '../renderer'))
    denyAllPermissions()
    // The office server the clerk signed in to: the only one the page's CSP lets it reach.
    const office = await loadOfficeConfig(join(app.getPath('userData'), 'office.json'))
    const officeWs = office ? (parseServerAddress(office.server)?.ws ?? null) : null
    setOfficeConnectSource(officeWs)
    trustOfficeCertificate(officeWs, office?.certificate ?? null)

    const handlers = createHandlers({
      dialogs: nativeDialogs(() => mainWindow),
      shell: nativeShell,
      appInfo: { version: app.getVersion(), platform: process.platform, shell: 'electron' },
      printToPdf: printHtmlToPdf,
      printHtml: printHtmlWithDialog,
      edit: (command) => mainWindow?.webContents[command](),
      emit: (event, payload) => sendEvent(mainWindow, event, payload),
      defaultExportDir: app.getPath('documents'),
      dataDir: app.getPath('userData'),
      onCloseReady: () => {
        closeConfirmed = true
        mainWindow?.close()
      },
      office: {
        secrets: officeSecretStore(join(app.getPath('userData'), 'office-session')),
        onServerChanged: (ws, certificate) => {
          setOfficeConnectSource(ws)
          trustOfficeCertificate(ws, certificate)
        }
      }
    })
    registerIpc(handlers, () => mainWindow)
    void cleanupLeftovers()
    Menu.setApplicationMenu(buildMenu((command) => sendEvent(mainWindow, 'menuCommand', command)))
    openWindow()

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

function openWindow(): void {
  closeConfirmed = false
  const win = createMainWindow(icon)
  mainWindow = win
  win.on('close', (event) => {
    if (closeConfirmed) return
    // Ask the renderer to save first; close anyway if it does not answer in time.
    event.preventDefault()
    sendEvent(win, 'beforeClose', undefined)
    setTimeout(() => {
      closeConfirmed = true
      if (!win.isDestroyed()) win.close()
    }, 3000)
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
}

/** Temp files an interrupted backup or export left behind (a crash, a power cut) go on the next start: in the backup folders and every folder written into lately. */
async function cleanupLeftovers(): Promise<void> {
  const settings = await loadAutoBackupSettings(join(app.getPath('userData'), 'backup-settings.json'))
  const recent = await recentFolders(join(app.getPath('userData'), RECENT_FOLDERS_FILE))
  for (const dir of [settings.dir, join(app.getPath('userData'), 'safety-backups'), ...recent]) {
    if (dir) await cleanupTempFiles(dir).catch(() => [])
  }
}

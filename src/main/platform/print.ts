import { BrowserWindow } from 'electron'

/**
 * Runs `use` on the print view loaded in a hidden, sandboxed window with JavaScript off: the HTML
 * is our own export, but it carries user text, so it gets no privileges. The window goes afterwards.
 */
async function withPrintWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false }
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    return await use(win)
  } finally {
    win.destroy()
  }
}

/** Renders the print view to PDF. */
export function printHtmlToPdf(html: string): Promise<Buffer> {
  return withPrintWindow(html, (win) => win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }))
}

/**
 * Prints the print view through the system print dialog: what comes out of the printer is what the
 * PDF export writes. Resolves false when the clerk cancels.
 */
export function printHtmlWithDialog(html: string): Promise<boolean> {
  return withPrintWindow(
    html,
    (win) =>
      new Promise<boolean>((resolve, reject) =>
        win.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
          if (success || reason === 'cancelled') resolve(success)
          else reject(new Error(`打印失败：${reason}`))
        })
      )
  )
}

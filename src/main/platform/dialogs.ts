import { BrowserWindow, dialog, shell } from 'electron'
import type { Dialogs, FileFilter, ShellActions } from '../handlers'

/** Native dialogs: the only way a path the app writes to is chosen. */
export function nativeDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async openFiles(filters: FileFilter[]) {
      const win = getWindow()
      const opts = { title: '导入文件', properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[], filters }
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return r.canceled ? [] : r.filePaths
    },
    async openFolder() {
      const win = getWindow()
      const opts = { title: '导入文件夹', properties: ['openDirectory'] as 'openDirectory'[] }
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0]
    },
    async saveFile(defaultPath: string, filters: FileFilter[]) {
      const win = getWindow()
      // The native save dialog itself asks before replacing an existing file.
      const opts = { title: '导出', defaultPath, filters }
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
      return r.canceled || !r.filePath ? null : r.filePath
    }
  }
}

export const nativeShell: ShellActions = {
  async openPath(path: string) {
    const error = await shell.openPath(path)
    if (error) throw new Error(`无法打开文件：${error}`)
  },
  showItemInFolder(path: string) {
    shell.showItemInFolder(path)
  }
}

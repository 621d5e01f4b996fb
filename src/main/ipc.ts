import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { REQUESTS, channelOf, eventChannelOf, type EventName } from '../shared/ipc-channels'
import type { EventPayloads } from '../shared/ipc'
import { invokeHandler, type createHandlers } from './handlers'
import { isTrustedUrl } from './window'

/** Only the app's own page in the main window may call main. */
function trustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const url = event.senderFrame?.url ?? ''
  return !!win && event.sender === win.webContents && isTrustedUrl(url)
}

export function registerIpc(handlers: ReturnType<typeof createHandlers>, getWindow: () => BrowserWindow | null): void {
  for (const name of REQUESTS) {
    ipcMain.handle(channelOf(name), async (event, payload: unknown) => {
      if (!trustedSender(event, getWindow())) return { ok: false, error: '拒绝来自未知页面的请求。' }
      return invokeHandler(handlers, name, payload)
    })
  }
}

export function sendEvent<E extends EventName>(win: BrowserWindow | null, event: E, payload: EventPayloads[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(eventChannelOf(event), payload)
}

/**
 * Exposes `window.api`: one named function per request and one subscriber per event.
 * ipcRenderer itself never reaches the page. Sandboxed, so this file is bundled as
 * CommonJS and imports nothing but electron (ipc-channels.ts is plain constants).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { EVENTS, REQUESTS, channelOf, eventChannelOf, subscribeNameOf, unwrapEnvelope, type Envelope } from '../shared/ipc-channels'

const api: Record<string, unknown> = {}
for (const name of REQUESTS) {
  api[name] = async (payload?: unknown) => unwrapEnvelope((await ipcRenderer.invoke(channelOf(name), payload)) as Envelope<unknown>)
}
for (const event of EVENTS) {
  api[subscribeNameOf(event)] = (listener: (payload: unknown) => void) => {
    const wrapped = (_e: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(eventChannelOf(event), wrapped)
    return () => {
      ipcRenderer.removeListener(eventChannelOf(event), wrapped)
    }
  }
}

contextBridge.exposeInMainWorld('api', api)

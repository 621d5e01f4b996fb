/**
 * Names of the IPC requests and events, without their schemas, so the sandboxed preload
 * can import this file and stay free of any dependency but electron.
 * `src/shared/ipc.ts` gives each name its payload schema and result type.
 */
import { OFFICE_REQUESTS } from './office/channels'

export const REQUESTS = [
  'getAppInfo',
  'importFilesDialog',
  'importFolderDialog',
  'exportReport',
  'printReport',
  'editCommand',
  'openExportedFile',
  'showExportedFile',
  'closeReady',
  'backupBegin',
  'backupWrite',
  'backupFinish',
  'backupAbort',
  'backupOpen',
  'backupRead',
  'backupClose',
  'getAutoBackup',
  'chooseAutoBackupFolder',
  'setAutoBackup',
  'exportMany',
  ...OFFICE_REQUESTS
] as const
export type RequestName = (typeof REQUESTS)[number]

/** Events main sends to the renderer. */
export const EVENTS = ['menuCommand', 'importProgress', 'exportProgress', 'beforeClose'] as const
export type EventName = (typeof EVENTS)[number]

export const channelOf = (name: RequestName): string => `api:${name}`
export const eventChannelOf = (name: EventName): string => `event:${name}`

/** `onMenuCommand` style name of the subscribe function the preload exposes for an event. */
export const subscribeNameOf = (name: EventName): string => `on${name[0].toUpperCase()}${name.slice(1)}`

/** Every request's answer travels in this envelope so a user-facing message arrives intact. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string }

export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new Error(envelope.error)
}

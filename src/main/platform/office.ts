/**
 * The office server's needs that only Electron can meet: the session token encrypted with
 * safeStorage (the system's key store), and the websocket trusting a self-signed certificate the
 * clerk checked, for that server only.
 */
import { safeStorage, session } from 'electron'
import { encryptedSecretStore, fileSecretStore, type SecretStore } from '../services/office/secrets'

export function officeSecretStore(path: string): SecretStore {
  // Without a key store (some Linux desktops) safeStorage would only obfuscate: a 0600 file says so honestly.
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text'
  if (!safeStorage.isEncryptionAvailable() || weak) return fileSecretStore(path)
  return encryptedSecretStore(path, { encrypt: (text) => safeStorage.encryptString(text), decrypt: (data) => safeStorage.decryptString(data) })
}

let pinned: { host: string; pem: string } | null = null
const normalizePem = (pem: string) => pem.replace(/\s+/g, '')

/** The pinned certificate of the configured server (or none); Chromium's own checks decide for everything else. */
export function trustOfficeCertificate(ws: string | null, certificate: { pem: string } | null): void {
  pinned = ws && certificate ? { host: new URL(ws).hostname, pem: normalizePem(certificate.pem) } : null
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    if (pinned && request.hostname === pinned.host && normalizePem(request.certificate.data) === pinned.pem) return callback(0)
    callback(-3)
  })
}

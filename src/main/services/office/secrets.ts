import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Where main keeps the office session token. In the app it is Electron's safeStorage (the
 * system's key store: DPAPI, Keychain, libsecret), in src/main/platform/secrets.ts; where that is
 * not available, and in the Chromium test build, a file only this account may read.
 */
export interface SecretStore {
  readonly kind: 'system' | 'file'
  load(): Promise<string | null>
  save(secret: string | null): Promise<void>
}

/** Bytes to a file readable by this account only (0600), replaced atomically. */
export async function writePrivateFile(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, path)
}

export async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch {
    return null
  }
}

/** A token in a 0600 file: the fallback where the system offers no key store. */
export function fileSecretStore(path: string): SecretStore {
  return {
    kind: 'file',
    load: async () => (await readOptional(path))?.toString('utf8') || null,
    save: async (secret) => {
      if (secret === null) await rm(path, { force: true })
      else await writePrivateFile(path, secret)
    }
  }
}

/** A store that encrypts with the given functions (safeStorage's) before writing the file. */
export function encryptedSecretStore(path: string, crypt: { encrypt(text: string): Buffer; decrypt(data: Buffer): string }): SecretStore {
  return {
    kind: 'system',
    load: async () => {
      const data = await readOptional(path)
      if (!data) return null
      try {
        return crypt.decrypt(data) || null
      } catch {
        // Written under another account or key: sign in again.
        return null
      }
    },
    save: async (secret) => {
      if (secret === null) await rm(path, { force: true })
      else await writePrivateFile(path, crypt.encrypt(secret))
    }
  }
}

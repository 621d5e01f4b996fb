import * as decoding from 'lib0/decoding'

/** Hocuspocus message types that carry Yjs sync messages (client → server uses Sync). */
const SYNC = 0
const SYNC_REPLY = 4
/** y-protocols sync: step 2 and update both carry a Yjs update. */
const STEP2 = 1
const UPDATE = 2

/**
 * The Yjs update a client message carries, or null for messages that carry none (auth,
 * awareness, sync step 1…). A message that cannot be read throws, and Hocuspocus then closes
 * that connection only.
 */
export function updateOf(raw: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(raw)
  decoding.readVarString(decoder)
  const type = decoding.readVarUint(decoder)
  if (type !== SYNC && type !== SYNC_REPLY) return null
  const syncType = decoding.readVarUint(decoder)
  if (syncType !== STEP2 && syncType !== UPDATE) return null
  return decoding.readVarUint8Array(decoder)
}

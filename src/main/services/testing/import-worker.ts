/**
 * Runs the file importer in a worker thread for the fuzz test (import-files.fuzz.test.ts), so
 * the test can stop an input that hangs (terminate) and survive one that exhausts memory
 * (resourceLimits): neither would be possible in the test's own thread. Answers each
 * { id, bytes, ext } with the outcome; a UserError is an outcome, anything else thrown is a bug.
 */
import { parentPort } from 'node:worker_threads'
import { isUserError } from '../../../shared/errors'
import { importBuffer } from '../import-files'

export interface ImportRequest {
  id: number
  bytes: Uint8Array
  ext: string
}

export type ImportOutcome =
  | { id: number; kind: 'result'; reports: number; ms: number }
  | { id: number; kind: 'user-error'; code: string; message: string; ms: number }
  | { id: number; kind: 'bug'; error: string; ms: number }

parentPort?.on('message', async ({ id, bytes, ext }: ImportRequest) => {
  const start = performance.now()
  let outcome: ImportOutcome
  try {
    const result = await importBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ext)
    outcome = Array.isArray(result.reports)
      ? { id, kind: 'result', reports: result.reports.length, ms: performance.now() - start }
      : { id, kind: 'bug', error: 'a result without reports', ms: performance.now() - start }
  } catch (e) {
    outcome = isUserError(e)
      ? { id, kind: 'user-error', code: e.code, message: e.message, ms: performance.now() - start }
      : { id, kind: 'bug', error: e instanceof Error ? (e.stack ?? e.message) : String(e), ms: performance.now() - start }
  }
  parentPort?.postMessage(outcome)
})

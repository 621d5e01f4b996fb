/**
 * For tests: the UserError a call ends with, as the clerk would read it ({ code, message }). Any
 * other error is thrown on, and a call that does not fail fails the test.
 */
import { isUserError } from '../errors'

export interface SaidError {
  code: string
  message: string
}

function said(e: unknown): SaidError {
  if (!isUserError(e)) throw e
  return { code: e.code, message: e.message }
}

/** Of a promise, or of a function that returns one (or throws at once). */
export async function userErrorOf(p: Promise<unknown> | (() => unknown)): Promise<SaidError> {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (e) {
    return said(e)
  }
  throw new Error('did not fail')
}

/** Of a synchronous call. */
export function userErrorOfSync(fn: () => unknown): SaidError {
  try {
    fn()
  } catch (e) {
    return said(e)
  }
  throw new Error('did not fail')
}

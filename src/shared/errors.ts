/**
 * An error whose message is a clear Chinese sentence meant for the user
 * (bad input, unreadable file, full disk). Anything else is a bug and is reported as such.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'bad-input'
  ) {
    super(message)
    this.name = 'UserError'
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof Error && e.name === 'UserError'
}

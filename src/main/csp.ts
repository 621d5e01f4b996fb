/**
 * The renderer's Content-Security-Policy; also served by the test fixture, so both see the same
 * policy. `connect-src` names the configured office server's websocket origin and nothing else.
 */
export function contentSecurityPolicy(officeServer: string | null = null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Lexical positions some elements with style attributes; no script can come through this.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${officeServer ? ` ${officeServer}` : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

let officeServer: string | null = null

/** Main sets the office server's ws(s) origin at start and whenever the clerk signs in elsewhere. */
export function setOfficeConnectSource(origin: string | null): void {
  officeServer = origin
}

/** The policy each app:// response carries now. */
export function currentPolicy(): string {
  return contentSecurityPolicy(officeServer)
}

/**
 * The office server's address as a clerk types it (192.168.1.10:8740, http://…, https://…)
 * made into the two origins the app uses: http(s) for the API, ws(s) for the documents.
 */
export interface ServerAddress {
  /** http://host:port or https://host[:port], no path. */
  http: string
  /** ws://host:port or wss://host[:port]. */
  ws: string
  secure: boolean
  host: string
}

export function parseServerAddress(input: string): ServerAddress | null {
  const text = input.trim().replace(/\/+$/, '')
  if (!text || text.length > 300 || /\s/.test(text)) return null
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || !url.hostname) return null
  const secure = url.protocol === 'https:'
  return { http: url.origin, ws: `${secure ? 'wss' : 'ws'}://${url.host}`, secure, host: url.hostname }
}

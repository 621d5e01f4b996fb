import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type { Provider, ProviderAwareness } from '@lexical/yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { ASSIGNMENTS, COMMENTS, documentNameOf, ROOT } from '@shared/office/layout'
import type { OfficeUser } from '@shared/office/ipc'
import { yDocName, type SharedLink } from './officeDb'

export type Connection = 'connecting' | 'online' | 'offline' | 'signed-out'

export interface Peer {
  clientId: number
  name: string
  color: string
}

export interface SessionState {
  connection: Connection
  /** Changes made here that the server has not acknowledged yet. */
  unsaved: boolean
  /** Someone else with the report open, as their carets name them. */
  peers: Peer[]
  /** The server refused a change made here (a section of someone else's): why. */
  refused: string | null
}

/** One open shared report: its Yjs document, the copy on this desk, and the connection to the server. */
export interface CollabSession {
  reportId: string
  link: SharedLink
  user: OfficeUser
  color: string
  doc: Y.Doc
  /** Resolves once this desk's copy is loaded from IndexedDB (opened by the editor's binding). */
  local: Promise<void>
  provider: HocuspocusProvider
  /** The provider as Lexical's CollaborationPlugin expects it. */
  lexicalProvider: Provider
  state(): SessionState
  subscribe(listener: () => void): () => void
  /** Drops this desk's copy (after a refused change) so the next session starts from the server's. */
  discardLocalCopy(): Promise<void>
  destroy(): void
}

const COLORS = ['#c0392b', '#2e86c1', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#b7950b', '#6c3483']
export function colorFor(id: string): string {
  let h = 0
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return COLORS[h % COLORS.length]
}

/** Lexical's provider interface over Hocuspocus: 'synced' {state} becomes 'sync' (boolean). */
function lexicalProviderFor(provider: HocuspocusProvider, socket: HocuspocusProviderWebsocket, connect: () => void): Provider {
  const wrapped = new Map<unknown, (e: { state: boolean }) => void>()
  return {
    awareness: provider.awareness as unknown as ProviderAwareness,
    connect,
    disconnect: () => socket.disconnect(),
    on: ((type: string, cb: (arg: never) => void) => {
      if (type === 'sync') {
        const h = ({ state }: { state: boolean }) => (cb as (s: boolean) => void)(state)
        wrapped.set(cb, h)
        provider.on('synced', h)
      } else if (type === 'status') provider.on('status', cb)
    }) as Provider['on'],
    off: ((type: string, cb: (arg: never) => void) => {
      if (type === 'sync') {
        const h = wrapped.get(cb)
        if (h) provider.off('synced', h)
        wrapped.delete(cb)
      } else if (type === 'status') provider.off('status', cb)
    }) as Provider['off']
  }
}

const REFUSALS: Record<string, string> = {
  'section-locked': '服务器拒绝了对不归您负责的部分的修改。',
  'assignments-owner-only': '只有报告的所有者可以分配章节或审定。',
  'unknown-content': '服务器拒绝了无法识别的内容。'
}

export function createCollabSession(options: { link: SharedLink; ws: string; user: OfficeUser; signedIn: boolean }): CollabSession {
  const { link, user } = options
  const doc = new Y.Doc()
  // Typed before anything arrives, as the server types them.
  doc.get(ROOT, Y.XmlText)
  doc.getMap(ASSIGNMENTS)
  doc.getMap(COMMENTS)
  // Lexical's binding renders only what arrives after it observes the document: this desk's copy
  // and the server's are both opened from the binding's first connect(), the copy first.
  let persistence: IndexeddbPersistence | null = null
  let resolveLocal!: () => void
  const local = new Promise<void>((resolve) => (resolveLocal = resolve))
  const openLocal = () => {
    if (!persistence) {
      persistence = new IndexeddbPersistence(yDocName(link.server, link.reportId), doc)
      void persistence.whenSynced.then(() => resolveLocal())
    }
    return local
  }
  const listeners = new Set<() => void>()
  let state: SessionState = { connection: options.signedIn ? 'connecting' : 'signed-out', unsaved: false, peers: [], refused: null }
  const set = (patch: Partial<SessionState>) => {
    state = { ...state, ...patch }
    listeners.forEach((l) => l())
  }
  const online = () => navigator.onLine

  // Reconnects quickly at first (a server restart, a dropped Wi-Fi), then every few seconds.
  const socket = new HocuspocusProviderWebsocket({ url: options.ws, delay: 300, minDelay: 300, maxDelay: 5000, autoConnect: false })
  const connect = () =>
    void openLocal().then(() => {
      if (online() && options.signedIn) void socket.connect()
    })
  const provider: HocuspocusProvider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentNameOf(link.reportId),
    document: doc,
    // A ticket from main for each connection: the session token never reaches the page.
    token: async () => {
      try {
        return (await window.api.officeTicket()).ticket
      } catch {
        set({ connection: 'signed-out' })
        return ''
      }
    },
    onStatus: ({ status }) => {
      if (!online()) set({ connection: 'offline' })
      else if (status !== 'connected' && state.connection !== 'signed-out') set({ connection: 'connecting' })
    },
    onSynced: (): void => set({ connection: 'online', unsaved: provider.hasUnsyncedChanges }),
    onAuthenticationFailed: () => set({ connection: 'signed-out' }),
    onUnsyncedChanges: ({ number }) => set({ unsaved: number > 0 }),
    onClose: ({ event }) => {
      const reason = (event as { reason?: string }).reason ?? ''
      if (REFUSALS[reason]) set({ refused: REFUSALS[reason] })
    }
  })

  const onAwareness = () => {
    const peers: Peer[] = []
    provider.awareness?.getStates().forEach((s: Record<string, unknown>, clientId: number) => {
      if (clientId === doc.clientID || !s || typeof s.name !== 'string') return
      peers.push({ clientId, name: s.name, color: typeof s.color === 'string' ? s.color : '#888' })
    })
    if (JSON.stringify(peers) !== JSON.stringify(state.peers)) set({ peers })
  }
  provider.attach()
  provider.awareness?.on('change', onAwareness)

  // The network going away closes nothing by itself: stop and start on the system's word.
  const goOffline = () => {
    socket.disconnect()
    set({ connection: 'offline' })
  }
  const goOnline = () => {
    if (!persistence) return
    set({ connection: 'connecting' })
    connect()
  }
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  if (!online()) goOffline()

  return {
    reportId: link.reportId,
    link,
    user,
    color: colorFor(user.id),
    doc,
    local,
    provider,
    lexicalProvider: lexicalProviderFor(provider, socket, connect),
    state: () => state,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    discardLocalCopy: async () => {
      provider.destroy()
      socket.destroy()
      await (persistence ?? new IndexeddbPersistence(yDocName(link.server, link.reportId), new Y.Doc())).clearData()
    },
    destroy: () => {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      provider.awareness?.off('change', onAwareness)
      provider.destroy()
      socket.destroy()
      void persistence?.destroy()
      doc.destroy()
    }
  }
}

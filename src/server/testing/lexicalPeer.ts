/**
 * A collaborator without a browser: a headless Lexical editor with the report's nodes, bound to
 * a Yjs document through @lexical/yjs exactly as CollaborationPlugin binds the app's editor, and
 * connected to the office server with @hocuspocus/provider. Tests and the load bench type
 * through it, so the server sees the document layout the app produces.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { $getRoot, type LexicalEditor } from 'lexical'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { REPORT_NODES } from '../../renderer/src/editor/nodes'
import { $loadReport } from '../../renderer/src/editor/convert/fromModel'
import { $editorToReport } from '../../renderer/src/editor/convert/toModel'
import { emptyMeta, type Report } from '../../shared/doc/model'

export interface PeerOptions {
  url: string
  reportId: string
  /** Called for every (re)connection: a fresh websocket ticket. */
  ticket: () => Promise<string>
  name?: string
}

export interface Peer {
  editor: LexicalEditor
  doc: Y.Doc
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  /** Resolves on the first sync with the server. */
  synced: Promise<void>
  /** Messages the server refused (authentication or a closed document connection). */
  refusals: string[]
  update(fn: () => void): void
  report(): Report
  text(): string
  /** True once the server acknowledged every local change. */
  saved(): boolean
  destroy(): void
}

export function connectPeer(options: PeerOptions): Peer {
  const doc = new Y.Doc()
  const refusals: string[] = []
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 1000
  })
  let resolveSynced!: () => void
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve))
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `report:${options.reportId}`,
    document: doc,
    token: options.ticket,
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => refusals.push(`auth:${reason}`),
    // The server closes one document of a shared socket with a CLOSE message carrying the reason.
    onClose: ({ event }) => {
      if (event.reason) refusals.push(`close:${event.reason}`)
    }
  })
  // A provider given its own websocket joins it only when attached.
  provider.attach()
  if (options.name) provider.awareness?.setLocalStateField('name', options.name)
  const editor = createHeadlessEditor({ nodes: REPORT_NODES, onError: (e) => { throw e } })
  const binding: Binding = createBinding(editor, provider as unknown as Provider, 'main', doc, new Map([['main', doc]]))
  const lexicalProvider = provider as unknown as Provider
  binding.root.getSharedType().observeDeep((events, transaction) => {
    // No carets to draw without a DOM.
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, lexicalProvider, events as never, false, () => undefined)
  })
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    if (tags.has('collaboration') || tags.has('historic-skip')) return
    syncLexicalUpdateToYjs(binding, lexicalProvider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags)
  })

  return {
    editor,
    doc,
    provider,
    socket,
    synced,
    refusals,
    update: (fn) => editor.update(fn, { discrete: true }),
    report: () => editor.getEditorState().read(() => $editorToReport(emptyMeta())),
    text: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    saved: () => !provider.hasUnsyncedChanges,
    destroy: () => {
      provider.destroy()
      socket.destroy()
      doc.destroy()
    }
  }
}

/** Writes a whole report into a peer's (empty) document, as the owner does when sharing it. */
export function loadInto(peer: Peer, report: Report): void {
  peer.update(() => $loadReport(report))
}

/**
 * The app for the archive bench, served by a local HTTP server (127.0.0.1) instead of Playwright
 * routes: window.api's requests are POSTs to the same origin, answered by the real main-process
 * handlers (createHandlers), so a backup's or a restore's hundreds of megabytes cross at the speed
 * of a socket, as Electron's IPC carries them, not at the ~3 MB/s of Playwright's protocol, which
 * made the e2e harness the bottleneck of a restore. The page has the app's Content-Security-Policy.
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, relative } from 'node:path'
import type { Page } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../src/main/csp'
import { createHandlers, invokeHandler } from '../src/main/handlers'
import { addApiShim, emitTo } from '../e2e/fixtures/apiShim'
import { MIME } from '../e2e/fixtures/mime'

/** Answers the next native dialogs, in order (as e2e/fixtures/launch.ts's DialogAnswers). */
export class BenchDialogs {
  save: (string | null)[] = []
  openFiles: string[][] = []
  folder: (string | null)[] = []
}

export interface BenchServer {
  origin: string
  /** The page the services emit their events to, once there is one. */
  attach(page: Page): Promise<void>
  close(): Promise<void>
}

async function body(req: import('node:http').IncomingMessage): Promise<string> {
  const parts: Buffer[] = []
  for await (const chunk of req) parts.push(chunk as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

/** `port` 0 picks a free one; a fixed one keeps the origin, and so the IndexedDB of a persistent profile, from run to run. */
export async function serveApp(rendererDir: string, dir: string, dialogs: BenchDialogs, port = 0): Promise<BenchServer> {
  let page: Page | null = null
  const handlers = createHandlers({
    dialogs: {
      openFiles: async () => dialogs.openFiles.shift() ?? [],
      openFolder: async () => dialogs.folder.shift() ?? null,
      saveFile: async () => dialogs.save.shift() ?? null
    },
    shell: { openPath: async () => undefined, showItemInFolder: () => undefined },
    appInfo: { version: 'bench', platform: process.platform, shell: 'test' },
    // The archive bench never prints or edits through the clipboard.
    printToPdf: async () => Buffer.from(''),
    printHtml: async () => false,
    edit: () => undefined,
    emit: (event, payload) => {
      if (page) emitTo(page)(event, payload)
    },
    defaultExportDir: dir,
    dataDir: join(dir, '.data')
  })
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (req.method === 'POST' && url.pathname.startsWith('/__api/')) {
        const text = await body(req)
        const envelope = await invokeHandler(handlers, decodeURIComponent(url.pathname.slice('/__api/'.length)), text ? JSON.parse(text) : undefined)
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(envelope))
        return
      }
      const path = normalize(join(rendererDir, decodeURIComponent(url.pathname)))
      if (relative(rendererDir, path).startsWith('..')) return void res.writeHead(404).end()
      const data = await readFile(path).catch(() => null)
      if (!data) return void res.writeHead(404).end()
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' })
      res.end(data)
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e))
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    origin,
    async attach(p) {
      page = p
      await addApiShim(p, 'http')
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

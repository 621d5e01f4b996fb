import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Duplex } from 'node:stream'
import type { Hocuspocus } from '@hocuspocus/server'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { clientAddress } from './api/http'
import { Bucket, type Limits } from './limits'
import type { Logger } from './log'

export interface TransportOptions {
  host: string
  port: number
  tls?: { cert: Buffer; key: Buffer }
  limits: Limits
  trustProxy: boolean
  log: Logger
  api: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  hocuspocus: Hocuspocus
}

function requestOf(req: IncomingMessage, secure: boolean): Request {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  return new Request(`${secure ? 'https' : 'http'}://${req.headers.host ?? 'server'}${req.url ?? '/'}`, { headers })
}

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/**
 * The HTTP(S) server with the API and the websocket endpoint in front of Hocuspocus. The
 * websocket layer is ws with a message-size cap; each connection has a message-rate bucket and
 * each address a connection cap. A client breaking a limit loses its own connection only.
 */
export async function listen(options: TransportOptions): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const { limits, log, hocuspocus } = options
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, options.api) : createHttpServer(options.api)
  server.headersTimeout = 20_000
  server.requestTimeout = 120_000
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes })
  const perAddress = new Map<string, number>()

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const address = clientAddress(req, options.trustProxy)
    const open = perAddress.get(address) ?? 0
    if (open >= limits.connectionsPerAddress) {
      log('warn', 'connection-limit', { address })
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\n\r\n')
      return
    }
    socket.on('error', () => undefined)
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1)
      const client = hocuspocus.handleConnection(ws, requestOf(req, !!options.tls))
      const bucket = new Bucket(limits.messagesPerSecond, limits.messageBurst)
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (!isBinary) return ws.close(1003, 'binary only')
        if (!bucket.take()) {
          log('warn', 'rate-limit', { address })
          return ws.close(1008, 'rate limit')
        }
        client.handleMessage(toBytes(data))
      })
      ws.on('close', (code: number, reason: Buffer) => {
        const left = (perAddress.get(address) ?? 1) - 1
        if (left <= 0) perAddress.delete(address)
        else perAddress.set(address, left)
        client.handleClose({ code, reason: reason.toString() } as Parameters<typeof client.handleClose>[0])
      })
      // An oversize or malformed frame: ws closes this connection (1009 / 1002) and reports it here.
      ws.on('error', (error: Error) => log('warn', 'socket-error', { address, message: error.message }))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as { port: number }).port

  return {
    server,
    port,
    close: async () => {
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => {
        wss.close(() => resolve())
      })
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}

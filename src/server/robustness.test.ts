import { randomBytes } from 'node:crypto'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { api, startOffice, type Office } from './testing/office'
import { openPair, serverKilledMidTyping, typingAtOnce } from './testing/scenarios'

/** Opens a raw websocket, runs `send`, and answers the close code the server gave it. */
async function abuse(url: string, send: (ws: WebSocket) => void): Promise<number> {
  const ws = new WebSocket(url)
  ws.on('error', () => undefined)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  send(ws)
  return Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))])
}

describe('hostile websocket clients', () => {
  let office: Office
  beforeAll(async () => {
    office = await startOffice({ limits: { maxMessageBytes: 1024 * 1024, messagesPerSecond: 100, messageBurst: 300 } })
  })
  afterAll(async () => {
    await office?.stop()
  })

  it('garbage, text, oversize and flooding connections are closed; the server stays up and two clerks keep writing', async () => {
    const pair = await openPair(office, office, 'g')
    try {
      const typing = typingAtOnce(pair)
      const codes = await Promise.all([
        abuse(office.ws, (ws) => ws.send(randomBytes(64))),
        abuse(office.ws, (ws) => ws.send('{"hello": "server"}')),
        abuse(office.ws, (ws) => ws.send(randomBytes(2 * 1024 * 1024))),
        abuse(office.ws, (ws) => {
          for (let i = 0; i < 2000; i++) ws.send(randomBytes(16))
        }),
        // A well-formed auth message naming a report, with a varint claiming 2^53 bytes after it.
        abuse(office.ws, (ws) => {
          const e = encoding.createEncoder()
          encoding.writeVarString(e, 'report:abcdefgh12345678')
          encoding.writeVarUint(e, 0)
          encoding.writeVarUint(e, 2)
          encoding.writeVarUint(e, Number.MAX_SAFE_INTEGER)
          ws.send(encoding.toUint8Array(e))
          ws.send(randomBytes(32))
        })
      ])
      for (const code of codes) expect(code).toBeGreaterThan(0)
      expect(codes[1]).toBe(1003)
      expect(codes[2]).toBe(1009)
      await typing
      const health = await api<{ status: string }>(office.http, '/health')
      expect(health.body.status).toBe('ok')
    } finally {
      pair.close()
    }
  })

  it('an oversize or malformed HTTP request gets a clear refusal', async () => {
    const big = await fetch(`${office.http}/api/login`, { method: 'POST', body: 'x'.repeat(64 * 1024) })
    expect(big.status).toBe(413)
    const bad = await fetch(`${office.http}/api/login`, { method: 'POST', body: '{not json' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/JSON/)
  })
})

describe('a server killed in the middle of typing', () => {
  it('loses nothing it acknowledged: after a restart a fresh desk sees every acknowledged character', async () => {
    await serverKilledMidTyping({})
  }, 120_000)
})

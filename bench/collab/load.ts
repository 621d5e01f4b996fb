/**
 * The office server under load, on loopback only: the server runs as its own process (so its
 * memory is its own), 50 headless collaborators (@hocuspocus/provider + @lexical/yjs, as in the
 * app) on 10 shared reports type for 60 s (BENCH_COLLAB_SECONDS to change), each about four
 * keys a second. Measures the time from one client's edit to its arrival at each other client
 * of the report, the server's memory per open report, and the cold sync of a 100-page report
 * by a desk with no local copy. Bounded in clients, reports and time; stops by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { paragraph, section, emptyReport, type Report } from '../../src/shared/doc/model'
import { reportStats } from '../../src/shared/doc/stats'
import { seededRandom } from '../../src/shared/random'
import { connectPeer, loadInto, type Peer } from '../../src/server/testing/lexicalPeer'
import { addMember, api, shareReport, startOffice, ticketsFor, type Member } from '../../src/server/testing/office'
import { killHard, spawnServer } from '../../src/server/testing/process'
import { freePort, waitFor } from '../../src/server/testing/services'
import { sampleReport, typeAtEnd } from '../../src/server/testing/typing'

const CLIENTS = 50
const REPORTS = 10
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 60)
const KEYS_PER_SECOND = 4
const DESKS = CLIENTS / REPORTS
const progress = (text: string) => process.stderr.write(`collab bench: ${text}\n`)

function hundredPages(): Report {
  const random = seededRandom(100)
  const chars = '教育工作学校教师学生发展建设管理质量落实提升全面推进加强组织完成安全课程教学服务制度活动重点问题措施'
  const text = (n: number) => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join('') + '。'
  const report = emptyReport({ title: '2026年教育局年度工作总结（百页）', kind: 'annual' })
  report.preamble = [paragraph(text(200))]
  report.sections = Array.from({ length: 10 }, (_, i) =>
    section(1, `第${i + 1}部分工作`, [], Array.from({ length: 3 }, (_, j) => section(2, `第${j + 1}项措施`, Array.from({ length: 5 }, () => paragraph(text(390))))))
  )
  return report
}

/** The first sync, or a clear failure: a refused desk would otherwise wait for ever. */
async function opened(peer: Peer): Promise<void> {
  let timer: ReturnType<typeof setInterval> | undefined
  const started = Date.now()
  const failed = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (peer.refusals.length) reject(new Error(`the server refused a desk: ${peer.refusals.join(', ')}`))
      else if (Date.now() - started > 30_000) reject(new Error('no sync within 30 s'))
    }, 50)
  })
  try {
    await Promise.race([peer.synced, failed])
  } finally {
    clearInterval(timer)
  }
}

async function memoryOf(http: string): Promise<number> {
  return (await api<{ memoryBytes: number }>(http, '/health')).body.memoryBytes
}

export interface LoadResult {
  name: string
  samples: number[]
  goal?: string
  note?: string
}

export async function loadRun(): Promise<LoadResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zongjie-bench-'))
  const port = await freePort()
  const office = { http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}` }
  const setup = await startOffice({ dataDir, limits: { loginsPerMinute: 10_000 } })
  const members: Member[] = []
  for (let i = 0; i < CLIENTS; i++) members.push(await addMember(setup, `用户${i}`, `科室${Math.floor(i / DESKS)}`))
  await setup.stop()
  progress('accounts made')
  const server = await spawnServer({ dataDir, port })
  progress('server started')
  const peers: Peer[] = []
  try {
    // Sessions are in the database: those opened during set-up are good on the server process.
    const signed = members
    await new Promise((r) => setTimeout(r, 1000))
    const idle = await memoryOf(office.http)

    // 10 reports, 5 desks each; the first desk of each report is its owner.
    const groups: Peer[][] = []
    for (let r = 0; r < REPORTS; r++) {
      const reportId = `bench-report-${r}-${port}`
      const desks = signed.slice(r * DESKS, (r + 1) * DESKS)
      await shareReport(office, desks[0], reportId, [{ kind: 'unit', principal: `科室${r}`, role: 'edit' }])
      const group: Peer[] = []
      for (const m of desks) {
        const peer = connectPeer({ url: office.ws, reportId, ticket: ticketsFor(office, m) })
        await opened(peer)
        if (group.length === 0) {
          loadInto(peer, sampleReport())
          await waitFor(() => peer.saved(), 20_000)
        }
        group.push(peer)
        peers.push(peer)
      }
      await waitFor(() => group.every((p) => p.text() === group[0].text()), 20_000)
      groups.push(group)
      progress(`report ${r + 1} of ${REPORTS} open on ${group.length} desks`)
    }
    await new Promise((r) => setTimeout(r, 2000))
    const loaded = await memoryOf(office.http)

    // Edit → others: each edit is known by the writer's Yjs clock after it; a reader has it once
    // its state for that writer reaches the clock.
    const latencies: number[] = []
    const pending = new Map<Peer, { clock: number; at: number; waiting: Set<Peer> }[]>()
    for (const group of groups) {
      for (const reader of group) {
        reader.doc.on('update', () => {
          const now = performance.now()
          for (const writer of group) {
            if (writer === reader) continue
            const state = Y.getState(reader.doc.store, writer.doc.clientID)
            for (const edit of pending.get(writer) ?? []) {
              if (edit.clock <= state && edit.waiting.delete(reader)) latencies.push(now - edit.at)
            }
          }
        })
      }
    }
    const starts = ['全年新建', '城乡差距', '继续推进']
    const until = performance.now() + SECONDS * 1000
    let edits = 0
    await Promise.all(
      peers.map(async (peer, i) => {
        const group = groups[Math.floor(i / DESKS)]
        await new Promise((r) => setTimeout(r, Math.random() * 250))
        while (performance.now() < until) {
          typeAtEnd(peer, starts[i % starts.length], '字')
          edits++
          const list = pending.get(peer) ?? []
          list.push({ clock: Y.getState(peer.doc.store, peer.doc.clientID), at: performance.now(), waiting: new Set(group.filter((p) => p !== peer)) })
          pending.set(peer, list.filter((e) => e.waiting.size > 0))
          await new Promise((r) => setTimeout(r, (1000 / KEYS_PER_SECOND) * (0.5 + Math.random())))
        }
      })
    )
    await waitFor(() => groups.every((g) => g.every((p) => p.text() === g[0].text())), 30_000)
    const lost = [...pending.values()].flat().reduce((n, e) => n + e.waiting.size, 0)

    progress(`typing done: ${edits} edits`)
    // Cold sync: a desk with nothing local opens a 100-page report.
    const big = hundredPages()
    const pages = reportStats(big).pages
    const bigId = `bench-big-${port}`
    await shareReport(office, signed[0], bigId, [])
    const writer = connectPeer({ url: office.ws, reportId: bigId, ticket: ticketsFor(office, signed[0]) })
    peers.push(writer)
    await opened(writer)
    loadInto(writer, big)
    await waitFor(() => writer.saved(), 60_000)
    const cold: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      const fresh = connectPeer({ url: office.ws, reportId: bigId, ticket: ticketsFor(office, signed[0]) })
      await opened(fresh)
      if (fresh.text().length !== writer.text().length) await waitFor(() => fresh.text().length === writer.text().length, 30_000)
      cold.push(performance.now() - t0)
      fresh.destroy()
    }
    const bytes = Y.encodeStateAsUpdate(writer.doc).byteLength

    return [
      {
        name: `edit → other desks of the report, ${CLIENTS} desks on ${REPORTS} reports for ${SECONDS} s (ms)`,
        samples: latencies,
        goal: 'p95 ≤ 100 ms',
        note: `${edits} edits at ~${KEYS_PER_SECOND} keys/s per desk, ${latencies.length} deliveries, ${lost} not delivered; clients are headless Lexical editors bound by @lexical/yjs, all in the bench process, the server in its own; loopback`
      },
      {
        name: 'server memory per open report, 5 desks each (MB)',
        samples: [(loaded - idle) / REPORTS / 2 ** 20],
        note: `server RSS ${(idle / 2 ** 20).toFixed(0)} MB idle, ${(loaded / 2 ** 20).toFixed(0)} MB with ${REPORTS} reports and ${CLIENTS} connections open`
      },
      {
        name: `cold sync of a ${pages}-page report by a desk with no local copy (ms)`,
        samples: cold,
        goal: '≤ 1,000 ms',
        note: `${reportStats(big).characters.toLocaleString('en')} characters, Yjs state ${(bytes / 1024).toFixed(0)} KB; from asking for a ticket to the Lexical editor state built, 5 runs`
      }
    ]
  } finally {
    peers.forEach((p) => p.destroy())
    await killHard(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// Run by bench/collab.bench.ts in a process of its own; prints the results as one JSON line.
loadRun().then(
  (results) => {
    // A pipe takes a large write asynchronously: exit once it is all out.
    process.stdout.write(JSON.stringify(results) + '\n', () => process.exit(0))
  },
  (error: unknown) => {
    process.stderr.write(String(error instanceof Error ? error.stack : error) + '\n')
    process.exit(1)
  }
)

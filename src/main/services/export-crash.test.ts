/**
 * Killed midway through an export. A child process exports a large report to .docx again and
 * again (exportReport → writeFileAtomic) over a target holding an older version, and is SIGKILLed
 * at a random moment: half the kills are timed from the child's start (anywhere in building the
 * document, writing, fsync, rename), half from the moment it opens the temp file (inside the
 * write), half the children write slowly (a USB stick). After every kill the target is absent
 * (nothing was there and no write finished), the old file byte for byte, or a complete new
 * document — never a truncated one; cleanupTempFiles then removes exactly the leftovers.
 *
 * Run: npx vitest run src/main/services/export-crash.test.ts   (CRASH_DEBUG=1 prints each kill)
 */
import * as fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanupTempFiles, exportReport } from './files'
import { bigReport, generationEnd } from './testing/big-report'
import { allowedGenerations, moduleUrl, runAndKill, seededRandom } from './testing/crash-harness'

const CHILD = `
import { exportReport } from ${moduleUrl('src/main/services/files.ts')}
import { bigReport } from ${moduleUrl('src/main/services/testing/big-report.ts')}
import { instrumentedFs, say } from ${moduleUrl('src/main/services/testing/crash-child.ts')}

const [target, speed, base, first] = process.argv.slice(2)
const childFs = instrumentedFs(speed)
say('ready')
for (let n = Number(base) + 1; ; n++) {
  // Where nothing exists yet, the first export takes the no-overwrite path (a hard link).
  const overwrite = !(first === 'new' && n === Number(base) + 1)
  await exportReport(bigReport(n), target, 'docx', { overwrite, fs: childFs })
  say('wrote ' + n)
}
`

let dir: string
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zongjie-export-crash-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

/** The parts of a complete export, from one written without interruption. */
let expectedParts: string[] = []

/**
 * What the target holds: null when absent, else the generation of a complete document. Throws
 * when the file is not a complete .docx: the zip's central directory and every part's CRC are
 * checked, and the document must run to its last line and closing tag.
 */
async function generationAt(target: string): Promise<{ generation: number; bytes: Buffer } | null> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(target)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true })
  expect(Object.keys(zip.files).sort()).toEqual(expectedParts)
  await Promise.all(Object.values(zip.files).map((f) => f.async('uint8array')))
  const xml = await zip.file('word/document.xml')!.async('string')
  // The title says which generation this is (big-report.ts: generationTitle).
  const m = /第(\d+)代工作总结/.exec(xml)
  expect(m, 'the document has its title').not.toBeNull()
  const generation = Number(m![1])
  expect(xml.includes(generationEnd(generation)), `generation ${generation} runs to its last line`).toBe(true)
  expect(xml.trimEnd().endsWith('</w:document>')).toBe(true)
  return { generation, bytes }
}

describe('killed midway through an export', () => {
  it('leaves the target absent, old or complete-new every time, and the temp files are cleaned up afterwards', async () => {
    const script = join(dir, 'child.mjs')
    await fs.writeFile(script, CHILD)
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000)
    const random = seededRandom(seed)
    const reference = join(dir, 'reference.docx')
    await exportReport(bigReport(0), reference, 'docx')
    expectedParts = Object.keys((await JSZip.loadAsync(await fs.readFile(reference))).files).sort()
    expect((await fs.stat(reference)).size).toBeGreaterThan(800_000)

    const lanes = 4
    const killsPerLane = 6
    const outcomes = { absent: 0, old: 0, new: 0 }
    const leftovers = new Set<string>()
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const laneDir = join(dir, `lane${lane}`)
        await fs.mkdir(laneDir)
        const target = join(laneDir, '2024年工作总结.docx')
        // Lanes 0 and 1 replace an old version; lanes 2 and 3 start where there is no file yet.
        if (lane < 2) await fs.copyFile(reference, target)
        let previous = lane < 2 ? await generationAt(target) : null
        for (let k = 0; k < killsPerLane; k++) {
          const speed = (lane + k) % 2 ? 'slow' : 'fast'
          const anchor = (lane + (k >> 1)) % 2 ? 'open' : 'ready'
          const delay = Math.floor(random() * (anchor === 'ready' ? 1500 : speed === 'slow' ? 120 : 15))
          const base = (k + 1) * 1000
          const first = previous === null ? 'new' : 'replace'
          const reported = await runAndKill(script, [target, speed, String(base), first], anchor, delay)
          const names = await fs.readdir(laneDir)
          for (const n of names) if (n.includes('.tmp-')) leftovers.add(`${lane}/${n}`)
          const label = `seed ${seed}, lane ${lane} kill ${k} (${speed}, ${delay} ms after ${anchor}, reported ${reported})`
          if (process.env.CRASH_DEBUG) console.info(label, names)
          const now = await generationAt(target).catch((e: unknown) => {
            throw new Error(`${label}: the target is not a complete document: ${String(e)}`)
          })
          expect(allowedGenerations(reported, previous?.generation ?? null, base), label).toContain(now?.generation ?? null)
          if (now === null) outcomes.absent++
          else if (previous && now.generation === previous.generation) {
            // The old version, byte for byte.
            expect(now.bytes.equals(previous.bytes), label).toBe(true)
            outcomes.old++
          } else outcomes.new++
          previous = now
        }
        const temps = (await fs.readdir(laneDir)).filter((n) => n.includes('.tmp-'))
        expect((await cleanupTempFiles(laneDir, { minAgeMs: 0 })).sort()).toEqual(temps.sort())
        expect(await fs.readdir(laneDir)).toEqual(previous ? ['2024年工作总结.docx'] : [])
      })
    )
    expect(outcomes.absent + outcomes.old + outcomes.new).toBe(lanes * killsPerLane)
    console.info(`export crash test (seed ${seed}): ${lanes * killsPerLane} kills — ${outcomes.absent} left no file, ${outcomes.old} the old file, ${outcomes.new} a complete new one; ${leftovers.size} temp files left over`)
    // Kills landed mid-write (a temp file was left), which is the case under test.
    expect(leftovers.size).toBeGreaterThan(0)
  }, 120_000)
})

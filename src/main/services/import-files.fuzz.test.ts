/**
 * Import fuzzing: more than 10,000 generated files through importBuffer — random bytes under
 * every extension, mutated and re-encoded corpus text (as text, Markdown and HTML), broken .docx
 * packages, zip bombs and huge lines. Every input must end in a result with reports or a
 * UserError (a clear sentence for the clerk), within its time limit; a zip bomb must be refused
 * as such before the reader inflates it.
 *
 * The importer runs in a worker thread (testing/import-worker.ts) with a memory limit, so an
 * input that hangs is stopped (the worker is terminated) and one that exhausts memory ends the
 * worker instead of the test run; both fail the test with the input's description.
 *
 * Run: npx vitest run src/main/services/import-files.fuzz.test.ts   (FUZZ_SEED=n to repeat a run)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { constants, crc32, deflateRawSync } from 'node:zlib'
import CFB from 'cfb'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '../../shared/doc/model'
import { reportsToDocx } from './export-docx'
import { MAX_DOCX_INFLATED_BYTES, MAX_DOCX_XML_BYTES, MAX_IMPORT_BYTES } from './import-files'
import { CORPUS_DIR } from './testing/corpus'
import type { ImportOutcome, ImportRequest } from './testing/import-worker'

const here = dirname(fileURLToPath(import.meta.url))
const CORPUS = CORPUS_DIR
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)

/** Generous per-input limits (this machine: 2 cores, other tests alongside): a hang is orders of magnitude beyond. */
const LIMIT_MS = { small: 2_000, large: 30_000 }
/** The worker's heap: ten times what the largest legitimate input needs. */
const WORKER_HEAP_MB = 768

type Outcome = ImportOutcome | { kind: 'timeout' } | { kind: 'crash'; error: string }

/** One worker at a time, one input at a time; replaced after a timeout or a crash. */
class Importer {
  private worker: Worker | null = null
  private next = 1
  restarts = 0

  private async start(): Promise<Worker> {
    const entry = JSON.stringify(pathToFileURL(join(here, 'testing/import-worker.ts')).href)
    // A worker cannot take tsx from execArgv for its entry on Node 20: tsx's API loads it instead.
    const worker = new Worker(
      `import('tsx/esm/api').then((m) => m.tsImport(${entry}, ${entry})).then(() => require('node:worker_threads').parentPort.postMessage('ready'))`,
      { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }
    )
    await new Promise<void>((ready, fail) => {
      worker.once('message', () => ready())
      worker.once('error', fail)
    })
    return worker
  }

  async run(bytes: Uint8Array, ext: string, limitMs: number): Promise<Outcome> {
    this.worker ??= await this.start()
    const worker = this.worker
    const id = this.next++
    const outcome = await new Promise<Outcome>((done) => {
      const timer = setTimeout(() => done({ kind: 'timeout' }), limitMs)
      const onMessage = (m: ImportOutcome) => m.id === id && finish(m)
      const onError = (e: Error) => finish({ kind: 'crash', error: `${e.name}: ${e.message}` })
      const onExit = (code: number) => finish({ kind: 'crash', error: `worker exited (${code})` })
      const finish = (o: Outcome) => {
        clearTimeout(timer)
        worker.off('message', onMessage).off('error', onError).off('exit', onExit)
        done(o)
      }
      worker.on('message', onMessage).on('error', onError).on('exit', onExit)
      worker.postMessage({ id, bytes, ext } satisfies ImportRequest)
    })
    if (outcome.kind === 'timeout' || outcome.kind === 'crash') {
      this.restarts++
      this.worker = null
      await worker.terminate()
    }
    return outcome
  }

  async close(): Promise<void> {
    await this.worker?.terminate()
  }
}

const importer = new Importer()
const stats = { inputs: 0, results: 0, userErrors: 0, slowestMs: 0, slowest: '', byCode: new Map<string, number>() }

/** Imports one input and checks the contract; returns the outcome for input-specific checks. */
async function check(bytes: Uint8Array, ext: string, what: string, limitMs = LIMIT_MS.small): Promise<Outcome> {
  const outcome = await importer.run(bytes, ext, limitMs)
  stats.inputs++
  const label = `${what} (${ext}, ${bytes.length} bytes, seed ${SEED})`
  if (outcome.kind === 'timeout') throw new Error(`${label}: no answer within ${limitMs} ms`)
  if (outcome.kind === 'crash') throw new Error(`${label}: the importer's worker died: ${outcome.error}`)
  if (outcome.kind === 'bug') throw new Error(`${label}: threw something that is not a UserError:\n${outcome.error}`)
  if (outcome.ms > stats.slowestMs) Object.assign(stats, { slowestMs: outcome.ms, slowest: label })
  expect(outcome.ms, `${label}: took ${Math.round(outcome.ms)} ms`).toBeLessThan(limitMs)
  if (outcome.kind === 'result') {
    stats.results++
    expect(outcome.reports, label).toBeGreaterThan(0)
  } else {
    stats.userErrors++
    stats.byCode.set(outcome.code, (stats.byCode.get(outcome.code) ?? 0) + 1)
    // A clear sentence for the clerk: Chinese, not a stack trace or an English exception.
    expect(outcome.message, label).toMatch(/[\u4e00-\u9fff]/)
    expect(outcome.message, label).not.toMatch(/\bat .+:\d+:\d+|TypeError|undefined|\[object /)
  }
  return outcome
}

const EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.doc', '.pdf', '.rtf', '', '.TXT', '.DocX']

// ---- zip packages built by hand: a bomb must not be inflated to be built ----

interface Part {
  name: string
  data: Buffer
  /** Store instead of deflate. */
  stored?: boolean
}

interface Prepared {
  name: string
  method: 0 | 8
  raw: Buffer
  crc: number
  size: number
}

function prepare(part: Part): Prepared {
  const raw = part.stored ? part.data : deflateRawSync(part.data)
  return { name: part.name, method: part.stored ? 0 : 8, raw, crc: crc32(part.data), size: part.data.length }
}

/**
 * A deflate stream of head + unit×times + tail, built without ever holding the whole: each piece is
 * compressed on its own and ends on a full flush, so the pieces concatenate into one valid stream.
 */
function repeated(name: string, head: string, unit: Buffer, times: number, tail: string): Prepared {
  const flushed = { finishFlush: constants.Z_FULL_FLUSH, level: 9 }
  const u = deflateRawSync(unit, flushed)
  const raw = Buffer.concat([deflateRawSync(Buffer.from(head), flushed), ...Array.from({ length: times }, () => u), deflateRawSync(Buffer.from(tail))])
  let crc = crc32(head)
  for (let i = 0; i < times; i++) crc = crc32(unit, crc)
  crc = crc32(tail, crc)
  return { name, method: 8, raw, crc, size: Buffer.byteLength(head) + unit.length * times + Buffer.byteLength(tail) }
}

/** A zip archive; `claim` overrides the uncompressed sizes its headers state (a lying bomb). */
function zipOf(entries: Prepared[], claim?: (e: Prepared) => number): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const size = claim ? claim(e) : e.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt16LE(0x21, 12)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.raw.length, 18)
    local.writeUInt32LE(size >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(e.crc >>> 0, 16)
    central.writeUInt32LE(e.raw.length, 20)
    central.writeUInt32LE(size >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.raw)
    centrals.push(central, name)
    offset += local.length + name.length + e.raw.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

// ---- inputs ----

let corpus: string[] = []
/** The parts of a small, valid .docx the app exported: the base the broken ones are made from. */
let docxParts: Part[] = []
let documentXml = ''
/** A Word 97 file (the corpus's, or one LibreOffice wrote) and an RTF and MHT report: the bases of the broken ones. */
let docBase: Buffer = Buffer.alloc(0)
const rtfBase = `{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\pard 2024\\'c4\\'ea\\par {\\listtext 1.\\tab}\\u20840?\\u24180?\\par \\trowd\\intbl A\\cell B\\cell\\row \\pard end\\par}`
const mhtBase = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/html; charset="gbk"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>=D2=BB=A1=A2=BB=F9=B1=BE</p></body></html>\r\n--b1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b1--\r\n'

beforeAll(async () => {
  corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(CORPUS, f), 'utf8')) : []
  // Without the shared corpus (a bare checkout) the fuzzing still runs, on a report of its own.
  if (corpus.length === 0) corpus = ['2024年工作总结\n今年以来，我局认真贯彻落实上级部署。\n一、主要工作\n（一）加强学习\n1.组织专题学习12次。\n二、存在问题\n一是经费不足。\n某县教育局\n2024年12月30日']
  const report = emptyReport({ title: '2024年工作总结', kind: 'annual' })
  report.preamble = [paragraph('今年以来，我局认真贯彻落实上级部署。')]
  report.sections = [section(1, '主要工作', [paragraph('全年培训教师1200人次。'), { type: 'table', rows: [['项目', '数量'], ['培训', '1200']], header: true }], [section(2, '加强学习', [paragraph('组织专题学习12次。')])])]
  const zip = await JSZip.loadAsync(await reportsToDocx([report]))
  docxParts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, data: Buffer.from(await f.async('uint8array')) })))
  documentXml = docxParts.find((p) => p.name === 'word/document.xml')!.data.toString('utf8')
  const realDoc = existsSync(CORPUS) ? readdirSync(join(CORPUS, 'real')).find((f) => f.endsWith('.doc')) : undefined
  docBase = realDoc ? readFileSync(join(CORPUS, 'real', realDoc)) : minimalDoc()
})

/** Without the corpus: an OLE container holding a Word 97 header and a little text, enough to reach the parser. */
function minimalDoc(): Buffer {
  const container = CFB.utils.cfb_new()
  const wd = Buffer.alloc(4096)
  wd.writeUInt16LE(0xa5ec, 0)
  wd.writeUInt16LE(0x00c1, 2)
  wd.writeUInt16LE(14, 0x20)
  wd.writeUInt16LE(22, 0x3e)
  wd.writeInt32LE(10, 0x40 + 3 * 4)
  wd.writeUInt16LE(74, 0x98)
  wd.write('一、基本情况\r', 2048, 'utf16le')
  CFB.utils.cfb_add(container, 'WordDocument', wd)
  CFB.utils.cfb_add(container, '0Table', Buffer.alloc(512))
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array)
}

afterAll(async () => {
  await importer.close()
  const codes = [...stats.byCode].map(([c, n]) => `${c} ${n}`).join(', ')
  console.info(
    `import fuzz (seed ${SEED}): ${stats.inputs} inputs — ${stats.results} results, ${stats.userErrors} clear errors (${codes}); ` +
      `slowest ${Math.round(stats.slowestMs)} ms: ${stats.slowest}; worker restarts ${importer.restarts}`
  )
})

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'big5', 'utf-16le-bom', 'utf-16be-bom'] as const

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text)
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])
    default:
      return iconv.encode(text, encoding)
  }
}

/** What the clerks' files are made of: markers, noise, odd whitespace, markup. */
const FRAGMENTS = ['一、', '（一）', '1.', '（1）', '(一)', '1、', '第一章', '附件：', '附件1', '\u0000', '\r', '\r\n', '\n\n\n', '\t', '\uFEFF', '\u200B', '\u3000', '扫码关注', '来源：', '责任编辑：', '阅读全文', '<div>', '</p>', '<br>', '&nbsp;', '&#x4e00;', '<script>alert(1)</script>', '# ', '## ', '- ', '> ', '|---|', '```', '2024年12月30日', '某县教育局', '\uD800', '\uDFFF', '\u0085', '\u2028']

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 30 }) }),
  fc.record({ kind: fc.constant('fragment' as const), at: fc.nat(), text: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(300) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(300) })
)

function mutate(text: string, mutations: { kind: string; at: number; text?: string; length?: number }[]): string {
  let t = text
  for (const m of mutations) {
    const at = t.length ? m.at % (t.length + 1) : 0
    if (m.kind === 'insert' || m.kind === 'fragment') t = t.slice(0, at) + m.text + t.slice(at)
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + (m.length ?? 0))
    else t = t.slice(0, at + (m.length ?? 0)) + t.slice(at)
  }
  return t
}

/** Lines of text as a web page would carry them, with tags that do not always close. */
function asHtml(text: string, tags: number[]): string {
  const open = ['<p>', '<div class="c">', '<h2>', '<li>', '<td>', '<span style="x">', '<br>', '<p><strong>', '<font face=宋体>']
  const lines = text.split('\n').map((line, i) => `${open[tags[i % tags.length] % open.length]}${line}${i % 3 ? '</p>' : ''}`)
  return `<html><head><meta charset="utf-8"><title>t</title></head><body>${lines.join('\n')}</body></html>`
}

describe('import fuzzing', () => {
  it('random bytes under every extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...EXTENSIONS), async (bytes, ext) => {
        await check(bytes, ext, 'random bytes')
      }),
      { numRuns: 4500, seed: SEED, endOnFailure: true }
    )
  }, 120_000)

  it('mutated corpus text, re-encoded, cut mid-character, as text, Markdown and HTML', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          file: fc.nat(),
          start: fc.nat(),
          length: fc.integer({ min: 0, max: 2500 }),
          mutations: fc.array(mutation, { maxLength: 8 }),
          encoding: fc.constantFrom(...ENCODINGS),
          cut: fc.nat(3),
          ext: fc.constantFrom('.txt', '.text', '.md', '.markdown', '.html', '.htm'),
          tags: fc.array(fc.nat(20), { minLength: 1, maxLength: 6 })
        }),
        async (input) => {
          const source = corpus[input.file % corpus.length]
          const start = input.start % Math.max(1, source.length)
          let text = mutate(source.slice(start, start + input.length), input.mutations)
          if (input.ext.startsWith('.htm')) text = asHtml(text, input.tags)
          const bytes = encode(text, input.encoding)
          await check(bytes.subarray(0, Math.max(0, bytes.length - input.cut)), input.ext, `corpus text ${JSON.stringify({ ...input, mutations: input.mutations.length })}`)
        }
      ),
      { numRuns: 4500, seed: SEED, endOnFailure: true }
    )
  }, 180_000)

  it('broken .docx packages: flipped and cut bytes, missing parts, broken and hostile XML', async () => {
    const xmlGarbage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(
        '',
        '<w:document>',
        '<?xml version="1.0"?><w:document xmlns:w="urn:x"><w:body><w:p><w:r><w:t>一、标题</w:t></w:r></w:p>',
        // Billion laughs: entity expansion must not be what the XML reader does with a document.
        `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>`,
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + '<w:p>'.repeat(3000) + '</w:body></w:document>',
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>'
      )
    )
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), xor: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('drop' as const), part: fc.nat() }),
      fc.record({ kind: fc.constant('xml' as const), part: fc.nat(), text: xmlGarbage, keepHead: fc.boolean() }),
      fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 60 }) }),
      fc.record({ kind: fc.constant('stored' as const), lie: fc.boolean() })
    )
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        let bytes: Buffer
        if (d.kind === 'drop') {
          bytes = zipOf(docxParts.filter((_, i) => i !== d.part % docxParts.length).map(prepare))
        } else if (d.kind === 'xml') {
          const target = d.part % 3 === 0 ? docxParts.findIndex((p) => p.name === 'word/document.xml') : d.part % docxParts.length
          // Either the XML replaced outright, or the real document cut short and continued with garbage.
          const text = d.keepHead ? documentXml.slice(0, d.part % documentXml.length) + d.text : d.text
          bytes = zipOf(docxParts.map((p, i) => prepare(i === target ? { name: p.name, data: Buffer.from(text) } : p)))
        } else if (d.kind === 'stored') {
          // Stored, not deflated, with sizes that may not match.
          bytes = zipOf(docxParts.map((p) => prepare({ ...p, stored: true })), d.lie ? (e) => e.size + 7 : undefined)
        } else {
          const whole = zipOf(docxParts.map(prepare))
          if (d.kind === 'cut') bytes = whole.subarray(0, d.at % whole.length)
          else if (d.kind === 'splice') {
            const at = d.at % whole.length
            bytes = Buffer.concat([whole.subarray(0, at), Buffer.from(d.text), whole.subarray(at)])
          } else {
            bytes = Buffer.from(whole)
            for (const at of d.at) bytes[at % bytes.length] ^= d.xor
          }
        }
        await check(bytes, '.docx', `broken docx ${JSON.stringify(d).slice(0, 300)}`)
      }),
      { numRuns: 1000, seed: SEED, endOnFailure: true }
    )
  }, 180_000)

  it('broken .doc, .wps, .rtf and .mht files: damaged containers, garbage in the Word streams, hostile RTF and MIME', async () => {
    // The Word streams rewritten inside an intact container reach the .doc parser itself, not just the container reader.
    const restream = (base: Buffer, at: number[], xor: number, cut: number): Buffer => {
      const container = CFB.read(base, { type: 'buffer' })
      for (const name of ['WordDocument', '0Table', '1Table']) {
        const entry = CFB.find(container, name)
        if (!entry?.content || entry.content.length === 0) continue
        const content = Buffer.from(entry.content as Uint8Array)
        for (const a of at) content[a % Math.min(content.length, a % 3 === 0 ? 1024 : content.length)] ^= xor
        entry.content = content.subarray(0, content.length - (cut % Math.max(1, content.length)))
      }
      return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array)
    }
    const rtfPieces = ['{', '}', '\\par ', '\\u-1234?', "\\'zz", "\\'b9", '\\bin99999 ', '\\*\\x ', '\\intbl ', '\\cell ', '\\row ', '\\uc9 ', '\\f999 ', '{\\listtext 一、}', '{'.repeat(5000), '\\' + 'a'.repeat(40)]
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('doc-bytes' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), xor: fc.integer({ min: 1, max: 255 }), cut: fc.nat() }),
      fc.record({ kind: fc.constant('doc-streams' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 24 }), xor: fc.integer({ min: 1, max: 255 }), cut: fc.nat({ max: 4000 }) }),
      fc.record({ kind: fc.constant('rtf' as const), at: fc.array(fc.nat(), { maxLength: 8 }), piece: fc.array(fc.nat(), { maxLength: 8 }), cut: fc.nat() }),
      fc.record({ kind: fc.constant('mht' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 80 }), cut: fc.nat() })
    )
    await fc.assert(
      fc.asyncProperty(damage, fc.constantFrom('.doc', '.wps', '.rtf', '.mht'), async (d, ext) => {
        let bytes: Buffer
        if (d.kind === 'doc-bytes') {
          bytes = Buffer.from(docBase)
          for (const a of d.at) bytes[a % bytes.length] ^= d.xor
          bytes = bytes.subarray(0, bytes.length - (d.cut % 3 === 0 ? d.cut % bytes.length : 0))
        } else if (d.kind === 'doc-streams') {
          bytes = restream(docBase, d.at, d.xor, d.cut)
        } else if (d.kind === 'rtf') {
          let text = rtfBase
          d.at.forEach((a, i) => {
            const at = a % text.length
            text = text.slice(0, at) + rtfPieces[(d.piece[i] ?? 0) % rtfPieces.length] + text.slice(at)
          })
          bytes = Buffer.from(text.slice(0, text.length - (d.cut % 4 === 0 ? d.cut % text.length : 0)), 'latin1')
        } else {
          const at = d.at % mhtBase.length
          const text = mhtBase.slice(0, at) + d.text + mhtBase.slice(at)
          bytes = Buffer.from(text.slice(0, text.length - (d.cut % 4 === 0 ? d.cut % text.length : 0)), 'latin1')
        }
        await check(bytes, ext, `broken ${JSON.stringify(d).slice(0, 200)}`)
      }),
      { numRuns: 1200, seed: SEED, endOnFailure: true }
    )
  }, 240_000)

  it('zip bombs: a small .docx whose parts inflate far beyond the limits is refused before the reader parses it', async () => {
    const paragraph = Buffer.from('<w:p><w:r><w:t>全年培训教师1200人次。</w:t></w:r></w:p>'.repeat(20_000))
    const head = documentXml.slice(0, documentXml.indexOf('<w:body>') + '<w:body>'.length)
    const tail = documentXml.slice(documentXml.indexOf('<w:body>') + '<w:body>'.length)
    const others = docxParts.filter((p) => p.name !== 'word/document.xml').map(prepare)
    const MB = 1024 * 1024
    const bomb = fc.oneof(
      // document.xml inflating to 24–300 MB, with honest or lying headers.
      fc.record({ kind: fc.constant('document' as const), mb: fc.integer({ min: Math.ceil(MAX_DOCX_XML_BYTES / MB) + 8, max: 300 }), lie: fc.boolean() }),
      // Another XML part (styles, numbering) inflating instead.
      fc.record({ kind: fc.constant('styles' as const), mb: fc.integer({ min: Math.ceil(MAX_DOCX_XML_BYTES / MB) + 8, max: 300 }), lie: fc.boolean() }),
      // A picture of zeros past the total limit.
      fc.record({ kind: fc.constant('media' as const), mb: fc.integer({ min: Math.ceil(MAX_DOCX_INFLATED_BYTES / MB) + 8, max: 300 }), lie: fc.boolean() }),
      // Many parts, each harmless, together too much.
      fc.record({ kind: fc.constant('many' as const), parts: fc.integer({ min: 70, max: 120 }) }),
      // More parts than any document has.
      fc.record({ kind: fc.constant('parts' as const), parts: fc.integer({ min: 10_001, max: 12_000 }) })
    )
    await fc.assert(
      fc.asyncProperty(bomb, async (b) => {
        let entries: Prepared[]
        if (b.kind === 'document') entries = [...others, repeated('word/document.xml', head, paragraph, Math.ceil((b.mb * MB) / paragraph.length), tail)]
        else if (b.kind === 'styles') entries = [...others.filter((e) => e.name !== 'word/styles.xml'), repeated('word/styles.xml', '<w:styles>', Buffer.from('<w:style/>'.repeat(100_000)), Math.ceil((b.mb * MB) / 1_000_000), '</w:styles>'), prepare(docxParts.find((p) => p.name === 'word/document.xml')!)]
        else if (b.kind === 'media') entries = [...docxParts.map(prepare), repeated('word/media/image1.png', '', Buffer.alloc(MB), b.mb, '')]
        else if (b.kind === 'many') entries = [...docxParts.map(prepare), ...Array.from({ length: b.parts }, (_, i) => repeated(`word/media/image${i}.png`, '', Buffer.alloc(MB), 1, ''))]
        else entries = [...docxParts.map(prepare), ...Array.from({ length: b.parts }, (_, i) => prepare({ name: `customXml/item${i}.bin`, data: Buffer.from([i & 255]) }))]
        const lie = 'lie' in b && b.lie
        const bytes = zipOf(entries, lie ? (e) => (e.size > MB ? 4096 : e.size) : undefined)
        expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES)
        const outcome = await check(bytes, '.docx', `zip bomb ${JSON.stringify(b)} (${bytes.length} bytes)`, LIMIT_MS.large)
        expect(outcome.kind === 'user-error' && outcome.code, `zip bomb ${JSON.stringify(b)}`).toBe('docx-too-large')
      }),
      { numRuns: 24, seed: SEED, endOnFailure: true }
    )
  }, 180_000)

  it('huge lines and huge files, up to the 20 MB limit and just past it', async () => {
    const piece = fc.constantFrom('全年培训教师1200人次，', '一、', 'a', ' ', '（一）', '。', '<b>', '&amp;', '扫码关注', '\u3000', '1.')
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          unit: fc.array(piece, { minLength: 1, maxLength: 6 }),
          mb: fc.constantFrom(1, 6, 19.9, 20.1),
          lines: fc.constantFrom(1, 2, 10, 200),
          ext: fc.constantFrom('.txt', '.md', '.html')
        }),
        async ({ unit, mb, lines, ext }) => {
          const chunk = unit.join('')
          const target = Math.floor(mb * 1024 * 1024)
          const line = chunk.repeat(Math.max(1, Math.floor(target / lines / Buffer.byteLength(chunk))))
          const bytes = Buffer.from(Array.from({ length: lines }, () => line).join('\n'))
          const outcome = await check(bytes, ext, `huge ${JSON.stringify({ unit, mb, lines })}`, LIMIT_MS.large)
          if (bytes.length > MAX_IMPORT_BYTES) expect(outcome.kind === 'user-error' && outcome.code).toBe('too-large')
        }
      ),
      { numRuns: 12, seed: SEED, endOnFailure: true }
    )
  }, 300_000)

  it('ran at least 10,000 inputs', () => {
    expect(stats.inputs).toBeGreaterThanOrEqual(10_000)
  })
})

/**
 * Importing old Word reports: a 100-page report saved as a .docx whose outline is Word's
 * automatic numbering (no typed numbers), and the same report as a Word 97 .doc written by
 * LibreOffice (skipped where LibreOffice is missing). Each is read from memory by the same
 * path the app takes (importBuffer), 5 timed runs after one warm-up. Goal: ≤ 1 s each.
 * The check that the figures time a correct import: the outline comes back as written.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { blockText, type Block, type Section } from '../src/shared/doc/model'
import { numberSections } from '../src/shared/doc/numbering'
import { reportStats } from '../src/shared/doc/stats'
import { sampleReport } from '../src/shared/export/sample-report'
import { importBuffer } from '../src/main/services/import-files'
import { OUTLINE_NUMBERING, OUTLINE_REFERENCE } from '../src/main/services/testing/numbered-docx'

const RUNS = 5
const run = promisify(execFile)

function blocks(list: Block[]): (Paragraph | Table)[] {
  return list.map((b) =>
    b.type === 'table'
      ? new Table({ rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) })
      : new Paragraph(blockText(b))
  )
}

/** The report as Word writes an automatically numbered outline: each heading a list paragraph at its level. */
async function wordNumbered(pages: number): Promise<{ docx: Buffer; outline: string[]; pages: number }> {
  const report = sampleReport({ pages, seed: 77 })
  const children: (Paragraph | Table)[] = [new Paragraph({ text: report.meta.title, alignment: AlignmentType.CENTER }), ...blocks(report.preamble)]
  const visit = (list: Section[]): void => {
    for (const s of list) {
      children.push(new Paragraph({ text: s.title, numbering: { reference: OUTLINE_REFERENCE, level: s.level - 1 } }), ...blocks(s.blocks))
      visit(s.children)
    }
  }
  visit(report.sections)
  const doc = new Document({
    numbering: OUTLINE_NUMBERING,
    sections: [{ children }]
  })
  return { docx: await Packer.toBuffer(doc), outline: numberSections(report.sections).map((n) => `${n.marker}${n.section.title}`), pages: reportStats(report).pages }
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  return samples
}

export async function benchImportWord(): Promise<{ name: string; samples: number[]; goal?: string; note?: string }[]> {
  const { docx, outline, pages } = await wordNumbered(100)
  const same = async (buf: Buffer, ext: string): Promise<string> => {
    const [r] = (await importBuffer(buf, ext)).reports
    const got = numberSections(r.sections).map((n) => `${n.marker}${n.section.title}`)
    return got.length === outline.length && got.every((g, i) => g === outline[i]) ? 'outline as written' : `outline differs (${got.length} of ${outline.length} headings)`
  }
  const out = [
    {
      name: `import a ${pages}-page .docx numbered by Word (ms)`,
      samples: await time(() => importBuffer(docx, '.docx')),
      goal: '≤ 1,000 ms',
      note: `${(docx.length / 1024).toFixed(0)} KB, ${outline.length} numbered headings; ${await same(docx, '.docx')}`
    }
  ]
  const soffice = (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, 'soffice')))
  if (!soffice) return out
  const dir = await mkdtemp(join(tmpdir(), 'zj-bench-doc-'))
  try {
    await writeFile(join(dir, 'report.docx'), docx)
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc', '--outdir', dir, join(dir, 'report.docx')], { timeout: 180_000 })
    const doc = await readFile(join(dir, 'report.doc'))
    out.push({
      name: `import the same report as a Word 97 .doc (ms)`,
      samples: await time(() => importBuffer(doc, '.doc')),
      goal: '≤ 1,000 ms',
      note: `${(doc.length / 1024).toFixed(0)} KB, written by LibreOffice; ${await same(doc, '.doc')}`
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return out
}

// `npx tsx bench/import-word.bench.ts` prints the figures on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { name, samples, note } of await benchImportWord()) {
    const sorted = [...samples].sort((a, b) => a - b)
    console.log(`${name}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} over ${samples.length} runs${note ? ` — ${note}` : ''}`)
  }
}

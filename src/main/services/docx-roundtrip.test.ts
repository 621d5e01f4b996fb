import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { numberSections } from '../../shared/doc/numbering'
import type { Report } from '../../shared/doc/model'
import { reportToDocx } from './export-docx'
import { importBuffer, readReportFile } from './import-files'
import { CORPUS_DIR, haveCorpus } from './testing/corpus'

const files = haveCorpus('docx-roundtrip.test') ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')) : []

/** The outline as a clerk sees it: computed number, depth, run-in or not, and title. */
function outline(r: Report): string[] {
  return numberSections(r.sections).map((n) => `${n.depth}|${n.marker}|${n.section.runIn ? 'run-in' : 'line'}|${n.section.title}`)
}

describe.skipIf(!files.length)('.docx round trip: export a corpus report and import it again', () => {
  it.each(files)('%s keeps its title, outline and paragraphs', async (name) => {
    const { reports } = await readReportFile(join(CORPUS_DIR, name))
    expect(reports.length).toBeGreaterThan(0)
    for (const report of reports) {
      const back = await importBuffer(await reportToDocx(report), '.docx')
      expect(back.reports).toHaveLength(1)
      const again = back.reports[0]
      expect(again.meta.title).toBe(report.meta.title)
      expect(outline(again)).toEqual(outline(report))
      expect(again.signature).toEqual(report.signature)
    }
  })
})

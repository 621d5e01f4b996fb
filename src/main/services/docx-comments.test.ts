import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { emptyReport, section, type Report } from '../../shared/doc/model'
import { readDocxComments } from './docx-comments-reader'
import { reportToDocx } from './export-docx'

/** A report with a leader's 批注: one on two runs of a paragraph, one on a heading, one across two paragraphs, resolved. */
function commented(): Report {
  const report = emptyReport({ title: '2026年教育局工作总结', kind: 'annual' })
  const first = section(1, '工作完成情况', [
    { type: 'paragraph', runs: [{ text: '全年新建' }, { text: '幼儿园3所', comments: ['t1'] }, { text: '，', comments: ['t1'] }, { text: '改扩建5所。' }] },
    { type: 'paragraph', runs: [{ text: '教师培训', comments: ['t3'] }, { text: '700余名。' }] }
  ])
  const second = section(1, '存在的问题', [{ type: 'paragraph', runs: [{ text: '城乡差距仍然存在', comments: ['t3'] }, { text: '。' }] }])
  second.titleComments = ['t2']
  report.sections = [first, second]
  report.comments = [
    { id: 't1', author: '王主任', at: Date.UTC(2026, 11, 5, 2), text: '请核实数字。', replies: [{ id: 'r1', author: '李干事', at: Date.UTC(2026, 11, 5, 3), text: '已核实，3所无误。' }] },
    { id: 't2', author: '王主任', at: Date.UTC(2026, 11, 5, 4), text: '问题写得再具体些。', replies: [] },
    { id: 't3', author: '张科长', at: Date.UTC(2026, 11, 5, 5), text: '两段合并。', resolved: true, replies: [] },
    // Its text was deleted: nothing to span, left out.
    { id: 't4', author: '王主任', at: Date.UTC(2026, 11, 5, 6), text: '孤立的批注', replies: [] }
  ]
  return report
}

describe('批注 in the exported .docx', () => {
  it('become Word comments with replies and resolution, spanning the marked text, and read back the same', async () => {
    const docx = await reportToDocx(commented())
    const back = await readDocxComments(docx)
    expect(back.map((c) => ({ ...c, thread: { ...c.thread, id: '' } }))).toEqual([
      { quote: '幼儿园3所，', thread: { id: '', author: '王主任', at: Date.UTC(2026, 11, 5, 2), text: '请核实数字。', replies: [{ id: '1', author: '李干事', at: Date.UTC(2026, 11, 5, 3), text: '已核实，3所无误。' }] } },
      { quote: '二、存在的问题', thread: { id: '', author: '王主任', at: Date.UTC(2026, 11, 5, 4), text: '问题写得再具体些。', replies: [] } },
      // Across paragraphs: everything between, the heading in the middle included, as Word shows it.
      { quote: '教师培训700余名。二、存在的问题城乡差距仍然存在', thread: { id: '', author: '张科长', at: Date.UTC(2026, 11, 5, 5), text: '两段合并。', resolved: true, replies: [] } }
    ])
  })

  it('are left out when the clerk turns them off, and a report without comments has no comments part', async () => {
    expect(await readDocxComments(await reportToDocx(commented(), { comments: false }))).toEqual([])
    const plain = await JSZip.loadAsync(await reportToDocx({ ...commented(), comments: undefined }))
    expect(plain.file('word/comments.xml')).toBeNull()
  })

  it('open in LibreOffice as comments on the same text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zongjie-comments-'))
    try {
      writeFileSync(join(dir, 'in.docx'), await reportToDocx(commented()))
      // LibreOffice writes what it read back as .docx again: the comments must survive the round trip.
      execFileSync('libreoffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'in.docx')], { stdio: 'pipe', timeout: 120_000 })
      const path = join(dir, 'out', 'in.docx')
      expect(existsSync(path)).toBe(true)
      const again = await readDocxComments(readFileSync(path))
      // LibreOffice keeps every comment on its text; it writes a reply as a comment of its own.
      const flat = again.flatMap((c) => [[c.thread.author, c.thread.text, c.quote], ...c.thread.replies.map((r) => [r.author, r.text, c.quote])])
      expect(flat).toEqual([
        ['王主任', '请核实数字。', '幼儿园3所，'],
        ['李干事', '已核实，3所无误。', '幼儿园3所，'],
        ['王主任', '问题写得再具体些。', '二、存在的问题'],
        ['张科长', '两段合并。', '教师培训700余名。二、存在的问题城乡差距仍然存在']
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})

import { createHeadlessEditor } from '@lexical/headless'
import { describe, expect, it } from 'vitest'
import { emptyMeta, paragraph, section, type Report } from '@shared/doc/model'
import { numberSections } from '@shared/doc/numbering'
import { REPORT_NODES } from '../nodes'
import { $loadReport } from './fromModel'
import { $editorToReport } from './toModel'

function roundTrip(report: Report): Report {
  const editor = createHeadlessEditor({ nodes: REPORT_NODES, onError: (e) => { throw e } })
  editor.update(() => $loadReport(report), { discrete: true })
  return editor.getEditorState().read(() => $editorToReport(report.meta))
}

/** Ids are fresh per section; compare the content. */
function strip(report: Report): unknown {
  return JSON.parse(JSON.stringify(report, (k, v) => (k === 'id' ? undefined : v)))
}

const sample = (): Report => ({
  meta: emptyMeta({ title: '2024年上半年教育工作总结', kind: 'half-year' }),
  preamble: [paragraph('上半年，我局认真贯彻落实……现将有关情况总结如下：')],
  sections: [
    section(1, '工作完成情况', [], [
      section(2, '加强理论学习', [paragraph('组织专题学习12次。')], [
        section(3, '科学管理，质量提升明显', [paragraph('以课堂教学为抓手，入园率93%。')], [], true),
        section(3, '强化督导', [{ type: 'paragraph', runs: [{ text: '开展督导', bold: true }, { text: '检查8次。' }] }], [], true)
      ]),
      section(2, '加强队伍建设', [{ type: 'table', rows: [['项目', '数量'], ['培训', '700余名']], header: true }])
    ]),
    section(1, '存在的问题', [paragraph('一是经费不足；二是师资紧缺。')]),
    section(1, '下一步工作打算', [], [section(3, '直接在一级下的三级', [paragraph('正文。')])])
  ],
  attachments: ['2024年上半年重点工作完成情况统计表'],
  signature: { unit: '某某县教育局', date: '2024年7月5日' }
})

describe('Lexical ⇄ report model', () => {
  it('round-trips headings, run-in headings, marks, tables, attachments and the signature', () => {
    const report = sample()
    expect(strip(roundTrip(report))).toEqual(strip(report))
  })

  it('keeps section ids so findings and versions can point at a section', () => {
    const report = sample()
    const back = roundTrip(report)
    expect(numberSections(back.sections).map((n) => n.section.id)).toEqual(numberSections(report.sections).map((n) => n.section.id))
  })

  it('nests a level-3 heading directly under a level-1 heading and numbers it 1.', () => {
    const back = roundTrip(sample())
    const third = back.sections[2]
    expect(third.children.map((c) => c.title)).toEqual(['直接在一级下的三级'])
    expect(numberSections(back.sections).map((n) => n.marker)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '二、', '三、', '1.'])
  })

  it('splits a run-in heading at its first 。 into title and body', () => {
    const back = roundTrip(sample())
    const runIn = back.sections[0].children[0].children[0]
    expect(runIn.title).toBe('科学管理，质量提升明显')
    expect(runIn.blocks).toEqual([paragraph('以课堂教学为抓手，入园率93%。')])
  })
})

import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyMeta, paragraph, section, type Report } from '../shared/doc/model'
import { numberSections } from '../shared/doc/numbering'
import { connectPeer, loadInto, type Peer } from './testing/lexicalPeer'
import { addMember, shareReport, startOffice, ticketsFor, type Member, type Office } from './testing/office'
import { waitFor } from './testing/services'

/** Every kind of block a report has: title, preamble, four heading levels, run-in headings, marks, a table, the attachment note, the signature. */
function everyNode(): Report {
  return {
    meta: emptyMeta({ title: '2026年上半年教育工作总结', kind: 'half-year' }),
    preamble: [paragraph('上半年，我局认真贯彻落实上级部署，现将有关情况总结如下：')],
    sections: [
      section(1, '工作完成情况', [], [
        section(2, '加强理论学习', [{ type: 'paragraph', runs: [{ text: '组织专题学习', bold: true }, { text: '12次，' }, { text: '覆盖全体干部', underline: true }, { text: '。' }] }], [
          section(3, '科学管理，质量提升明显', [paragraph('以课堂教学为抓手，入园率93%。')], [section(4, '强化督导', [paragraph('开展督导检查8次。')], [], true)], true)
        ]),
        section(2, '加强队伍建设', [{ type: 'table', rows: [['项目', '数量'], ['培训教师', '700余名'], ['新增学位', '1080个']], header: true }])
      ]),
      section(1, '存在的问题', [paragraph('一是经费不足；\n二是师资紧缺。')])
    ],
    attachments: ['2026年上半年重点工作完成情况统计表', '学前教育资助名单'],
    signature: { unit: '某某县教育局', date: '2026年7月5日' }
  }
}

describe('a shared report carries every node the editor has', () => {
  let office: Office
  let owner: Member
  let colleague: Member
  const peers: Peer[] = []
  beforeAll(async () => {
    office = await startOffice()
    owner = await addMember(office, '王主任', '办公室')
    colleague = await addMember(office, '李干事', '教育股')
  })
  afterAll(async () => {
    peers.forEach((p) => p.destroy())
    await office?.stop()
  })

  it('sections at four levels, run-in headings, formatting, a table, the attachment note and the signature arrive as they were; numbers follow from the structure', async () => {
    const reportId = randomUUID()
    await shareReport(office, owner, reportId, [{ kind: 'user', principal: colleague.id, role: 'edit' }])
    const a = connectPeer({ url: office.ws, reportId, ticket: ticketsFor(office, owner) })
    peers.push(a)
    await a.synced
    const report = everyNode()
    loadInto(a, report)
    await waitFor(() => a.saved(), 10_000)
    const b = connectPeer({ url: office.ws, reportId, ticket: ticketsFor(office, colleague) })
    peers.push(b)
    await b.synced
    await waitFor(() => b.text() === a.text(), 10_000)
    const strip = (r: Report) => JSON.parse(JSON.stringify({ ...r, meta: { ...r.meta, title: r.meta.title } }))
    const back = b.report()
    expect(strip(back)).toEqual(strip({ ...report, meta: { ...emptyMeta(), title: report.meta.title } }))
    expect(numberSections(back.sections).map((n) => `${n.marker}${n.section.title}`)).toEqual([
      '一、工作完成情况',
      '（一）加强理论学习',
      '1.科学管理，质量提升明显',
      '（1）强化督导',
      '（二）加强队伍建设',
      '二、存在的问题'
    ])
  })
})

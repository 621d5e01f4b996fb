import { describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section } from '../doc/model'
import { reportPassages } from './passages'

describe('reportPassages', () => {
  it('gives title, preamble, each section’s own text, attachments and signature', () => {
    const r = emptyReport({ title: '2024年工作总结' })
    r.preamble = [paragraph('尊敬的领导：'), paragraph('现将有关情况总结如下：')]
    r.sections = [
      section(1, '主要做法', [paragraph('第一段。'), { type: 'table', rows: [['项目', '数量'], ['学校', '52']], header: true }], [
        section(3, '科学管理', [paragraph('质量提升明显。')], [], true)
      ]),
      section(1, '', [])
    ]
    r.attachments = ['学校名单']
    r.signature = { unit: '县教育局', date: '2024年12月30日' }
    expect(reportPassages(r)).toEqual([
      { kind: 'title', path: [], text: '2024年工作总结', headLen: 9 },
      { kind: 'preamble', path: [], text: '尊敬的领导：\n现将有关情况总结如下：', headLen: 0 },
      { kind: 'section', path: ['一、主要做法'], text: '主要做法\n第一段。\n项目\t数量\n学校\t52', headLen: 4 },
      { kind: 'section', path: ['一、主要做法', '1.科学管理'], text: '科学管理。质量提升明显。', headLen: 4 },
      { kind: 'attachments', path: ['附件'], text: '学校名单', headLen: 0 },
      { kind: 'signature', path: ['落款'], text: '县教育局\n2024年12月30日', headLen: 0 }
    ])
  })
})

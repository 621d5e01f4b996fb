import { createHeadlessEditor } from '@lexical/headless'
import { $getSelection } from 'lexical'
import { describe, expect, it } from 'vitest'
import { emptyMeta, paragraph, section, type Report } from '@shared/doc/model'
import { anchorText, runChecks } from '@shared/checks'
import { REPORT_NODES } from './nodes'
import { $loadReport } from './convert/fromModel'
import { $editorToReport } from './convert/toModel'
import { $replaceAnchor, $selectAnchor } from './anchors'

function report(): Report {
  return {
    meta: emptyMeta({ title: '20xx年教育局工作总结' }),
    preamble: [paragraph('今年以来,我局认真工作,现总结如下：')],
    sections: [
      section(1, '主要做法', [paragraph('为__名大学生办理贷款,资助金额约亿元。')], [
        section(3, '科学管理,质量提升', [paragraph('会议于2024-03-12召开,参会(含列席)120人。'), paragraph('入园率%。')], [], true),
        section(2, '加强领导', [{ type: 'paragraph', runs: [{ text: '成立领导小组', bold: true }, { text: ',定期研究。' }] }])
      ]),
      section(1, '存在问题', [paragraph('经费不足,师资紧缺。')])
    ],
    attachments: [],
    signature: { unit: '某县教育局', date: '2024年12月30日' }
  }
}

function editorWith(r: Report) {
  const editor = createHeadlessEditor({ nodes: REPORT_NODES, onError: (e) => { throw e } })
  editor.update(() => $loadReport(r), { discrete: true })
  // Findings are computed on the model the editor itself yields, as the app does.
  const model = editor.getEditorState().read(() => $editorToReport(r.meta))
  return { editor, model }
}

describe('anchors between findings and the editor', () => {
  it('every finding selects exactly its text in the editor, run-in bodies and mixed runs included', () => {
    const { editor, model } = editorWith(report())
    const findings = runChecks(model)
    expect(findings.length).toBeGreaterThan(8)
    for (const f of findings) {
      const want = anchorText(model, f.anchor)!.slice(f.anchor.start, f.anchor.end)
      let got = ''
      editor.update(
        () => {
          expect($selectAnchor(model, f.anchor)).not.toBeNull()
          got = $getSelection()?.getTextContent() ?? ''
        },
        { discrete: true }
      )
      expect(got, `${f.rule} ${f.excerpt}`).toBe(want)
    }
  })

  it('applying every punctuation fix in the editor gives the model the checks expect', () => {
    const { editor, model } = editorWith(report())
    const fixes = runChecks(model).filter((f) => f.rule === 'halfwidth-punctuation')
    expect(fixes.length).toBeGreaterThan(4)
    editor.update(
      () => {
        // From the end, so earlier offsets stay valid, as the panel applies them.
        for (const f of [...fixes].reverse()) expect($replaceAnchor(model, f.anchor, anchorText(model, f.anchor)!.slice(f.anchor.start, f.anchor.end), f.fix!.replacement)).toBe(true)
      },
      { discrete: true }
    )
    const after = editor.getEditorState().read(() => $editorToReport(model.meta))
    expect(runChecks(after).filter((f) => f.rule === 'halfwidth-punctuation')).toEqual([])
    expect(after.sections[0].children[0].blocks[0]).toEqual(paragraph('会议于2024-03-12召开，参会（含列席）120人。'))
    expect(after.sections[0].children[1].blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: '成立领导小组', bold: true }, { text: '，定期研究。' }] })
  })

  it('refuses a fix whose text changed since the check ran', () => {
    const { editor, model } = editorWith(report())
    const f = runChecks(model).find((x) => x.rule === 'date-format')!
    let done = true
    editor.update(() => (done = $replaceAnchor(model, f.anchor, '2099-01-01', f.fix!.replacement)), { discrete: true })
    expect(done).toBe(false)
  })
})

import { createHeadlessEditor } from '@lexical/headless'
import { $wrapSelectionInMarkNode } from '@lexical/mark'
import { $createRangeSelection, $getRoot, $setSelection } from 'lexical'
import { describe, expect, it } from 'vitest'
import { emptyMeta, paragraph, section, type Report } from '@shared/doc/model'
import { REPORT_NODES } from '../nodes'
import { $loadReport } from './fromModel'
import { $editorToReport } from './toModel'

/** Marks `text` (which may span text nodes) for a comment thread, as the 批注 button does. */
function $mark(text: string, id: string): void {
  const nodes = $getRoot().getAllTextNodes()
  const whole = nodes.map((n) => n.getTextContent()).join('')
  const start = whole.indexOf(text)
  if (start < 0) throw new Error(`no ${text}`)
  const at = (offset: number): [string, number] => {
    let pos = 0
    for (const n of nodes) {
      const len = n.getTextContentSize()
      if (offset <= pos + len) return [n.getKey(), offset - pos]
      pos += len
    }
    throw new Error('past the end')
  }
  const s = $createRangeSelection()
  s.anchor.set(...at(start), 'text')
  s.focus.set(...at(start + text.length), 'text')
  $setSelection(s)
  $wrapSelectionInMarkNode(s, false, id)
}

describe('批注 marks in the model', () => {
  it('text marked for a comment carries its thread ids, a heading its own; the words are unchanged', () => {
    const report: Report = { meta: emptyMeta({ title: '总结' }), preamble: [], sections: [section(1, '工作完成情况', [paragraph('全年新建幼儿园3所，改扩建5所。')]), section(2, '存在的问题', [paragraph('城乡差距。')], [], false)], attachments: [], signature: null }
    const editor = createHeadlessEditor({ nodes: REPORT_NODES, onError: (e) => { throw e } })
    editor.update(() => $loadReport(report), { discrete: true })
    editor.update(() => $mark('幼儿园3所', 't1'), { discrete: true })
    editor.update(() => $mark('3所，改', 't2'), { discrete: true })
    editor.update(() => $mark('存在的', 't3'), { discrete: true })
    const back = editor.getEditorState().read(() => $editorToReport(report.meta))
    expect(back.sections[0].blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '全年新建' }, { text: '幼儿园', comments: ['t1'] }, { text: '3所', comments: ['t1', 't2'] }, { text: '，改', comments: ['t2'] }, { text: '扩建5所。' }] }
    ])
    expect(back.sections[0].titleComments).toBeUndefined()
    expect(back.sections[0].children[0]).toMatchObject({ title: '存在的问题', titleComments: ['t3'] })
  })
})

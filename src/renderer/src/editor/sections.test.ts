import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { describe, expect, it } from 'vitest'
import { REPORT_NODES } from './nodes'
import { $isSectionHeadingNode } from './nodes/SectionHeadingNode'
import { $setBlockLevel } from './sections'

/** A paragraph with these runs, the caret in it, made a heading of `level`: the heading's text and level. */
function makeHeading(runs: string[], level: 1 | 2 | 3 | 4): { text: string; level: number | null } {
  const editor = createHeadlessEditor({ nodes: REPORT_NODES, onError: (e) => { throw e } })
  editor.update(
    () => {
      const p = $createParagraphNode()
      p.append(...runs.map((r) => $createTextNode(r)))
      $getRoot().append(p)
      p.selectEnd()
      $setBlockLevel(level)
    },
    { discrete: true }
  )
  return editor.getEditorState().read(() => {
    const block = $getRoot().getFirstChild()
    return { text: block?.getTextContent() ?? '', level: $isSectionHeadingNode(block) ? block.getLevel() : null }
  })
}

describe('making a paragraph a heading', () => {
  it('drops a marker typed by hand: the structure draws the number', () => {
    expect(makeHeading(['三、强化队伍建设'], 2)).toEqual({ text: '强化队伍建设', level: 2 })
    expect(makeHeading(['(二) 加强学习'], 2)).toEqual({ text: '加强学习', level: 2 })
    expect(makeHeading(['1、', '科学管理，质量提升明显。以课堂为抓手。'], 3)).toEqual({ text: '科学管理，质量提升明显。以课堂为抓手。', level: 3 })
    expect(makeHeading(['（1）严格考核'], 4)).toEqual({ text: '严格考核', level: 4 })
    expect(makeHeading(['- 2. ', '主要做法'], 1)).toEqual({ text: '主要做法', level: 1 })
  })

  it('keeps text that only looks like a number', () => {
    expect(makeHeading(['2024年工作回顾'], 1)).toEqual({ text: '2024年工作回顾', level: 1 })
    expect(makeHeading(['10月份重点工作'], 2)).toEqual({ text: '10月份重点工作', level: 2 })
    expect(makeHeading(['一是加强学习'], 2)).toEqual({ text: '一是加强学习', level: 2 })
  })
})

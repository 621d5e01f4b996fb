import { createHeadlessEditor } from '@lexical/headless'
import { createUndoManager, createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs'
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, type ParagraphNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { registerUndoSteps } from './undoSteps'

/** A shared report's editor wired to Yjs as CollaborationPlugin wires it, with its UndoManager. */
function sharedEditor(paragraphs: string[]) {
  const doc = new Y.Doc()
  const editor = createHeadlessEditor({ onError: (e) => { throw e } })
  const binding = createYjsBinding({ editor, id: 'report', doc, docMap: new Map([['report', doc]]) })
  // No carets to draw: an awareness without a local state is never written to.
  const provider = { awareness: { getLocalState: () => null } } as unknown as Provider
  binding.root.getSharedType().observeDeep((events, tr) => {
    if (tr.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, tr.origin instanceof Y.UndoManager, () => undefined)
  })
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags)
  })
  const update = (fn: () => void) => editor.update(fn, { discrete: true })
  update(() => $getRoot().append(...paragraphs.map((t) => $createParagraphNode().append($createTextNode(t)))))
  const undoManager = createUndoManager(binding, binding.root.getSharedType())
  // However slowly the test machine runs, everything below falls within one capture window.
  undoManager.captureTimeout = 60_000
  return {
    undoManager,
    register: () => registerUndoSteps(editor, () => undoManager),
    caretAtEndOf: (i: number) => update(() => ($getRoot().getChildAtIndex(i) as ParagraphNode).selectEnd()),
    type: (text: string) =>
      update(() => {
        const selection = $getSelection()
        if ($isRangeSelection(selection)) selection.insertText(text)
      }),
    // Yjs's changes reach the editor in an update Lexical commits a moment later.
    undo: async () => {
      undoManager.undo()
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
    paragraphs: () => editor.getEditorState().read(() => $getRoot().getChildren().map((p) => p.getTextContent()))
  }
}

describe('undo in a shared report', async () => {
  it('takes back only what was typed at the last place the caret went to, then what was typed before it', async () => {
    const report = sharedEditor(['全年新建幼儿园3所。', '城乡差距仍然存在。'])
    report.register()
    report.caretAtEndOf(0)
    report.type('甲')
    report.type('补充')
    report.caretAtEndOf(1)
    report.type('乙补充')
    await report.undo()
    expect(report.paragraphs()).toEqual(['全年新建幼儿园3所。甲补充', '城乡差距仍然存在。'])
    // Typing on at one place is one step, however many keystrokes it took.
    await report.undo()
    expect(report.paragraphs()).toEqual(['全年新建幼儿园3所。', '城乡差距仍然存在。'])
  })

  it('a caret that only moves within the edit it is making starts no new step', async () => {
    const report = sharedEditor(['继续推进学前教育。'])
    report.register()
    report.caretAtEndOf(0)
    report.caretAtEndOf(0)
    report.type('一')
    report.type('二')
    await report.undo()
    expect(report.paragraphs()).toEqual(['继续推进学前教育。'])
  })
})

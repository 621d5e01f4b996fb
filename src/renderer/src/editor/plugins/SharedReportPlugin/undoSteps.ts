import { $getSelection, $isRangeSelection, type BaseSelection, type EditorState, type LexicalEditor } from 'lexical'
import type { UndoManager } from 'yjs'

/**
 * Where @lexical/react's CollaborationPlugin publishes the shared report's Yjs UndoManager on the
 * editor (a `Symbol.for` key, documented in its source as the handle for setting undo boundaries).
 */
const COLLAB_UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager')

export function collabUndoManager(editor: LexicalEditor): UndoManager | undefined {
  return (editor as LexicalEditor & Record<symbol, UndoManager | undefined>)[COLLAB_UNDO_MANAGER]
}

function caretOf(state: EditorState): BaseSelection | null {
  return state.read(() => $getSelection())
}

function samePlace(a: BaseSelection | null, b: BaseSelection | null): boolean {
  if (a === null || b === null) return a === b
  // Only where the caret is counts: switching bold on at the caret is no move.
  if ($isRangeSelection(a) && $isRangeSelection(b)) return a.anchor.is(b.anchor) && a.focus.is(b.focus)
  return a.is(b)
}

/**
 * Starts a new undo step whenever the clerk moves the caret to another place, as Word, WPS and
 * Lexical's own history do. Yjs's UndoManager alone merges every change made within its
 * captureTimeout into one step, so a quick edit here and another there would go with one Ctrl+Z.
 * Only moves count (an update that changes the selection and nothing else): typing moves the caret
 * too, but inside the edit itself, and an IME composition is one edit until it is committed.
 */
export function registerUndoSteps(editor: LexicalEditor, undoManager: () => Pick<UndoManager, 'stopCapturing'> | undefined): () => void {
  return editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size > 0 || dirtyLeaves.size > 0 || editor.isComposing()) return
    if (!samePlace(caretOf(prevEditorState), caretOf(editorState))) undoManager()?.stopCapturing()
  })
}

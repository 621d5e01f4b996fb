import type { LexicalEditor } from 'lexical'
import type { Report } from '@shared/doc/model'

/**
 * What the model takes from outside the editor's own state: a shared report's comment threads
 * live in its Yjs document beside the text. A plugin registers how to add them; the save and the
 * document info read the model through withModelExtras, so export and the archive get them too.
 */
type Extra = (report: Report) => Report
const extras = new WeakMap<LexicalEditor, Extra>()

export function registerModelExtras(editor: LexicalEditor, extra: Extra): () => void {
  extras.set(editor, extra)
  return () => {
    if (extras.get(editor) === extra) extras.delete(editor)
  }
}

export function withModelExtras(editor: LexicalEditor, report: Report): Report {
  return extras.get(editor)?.(report) ?? report
}

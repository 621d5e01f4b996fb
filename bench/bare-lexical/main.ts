/**
 * The reference editor: Lexical rich text and nothing else (no React, no plugins, no history),
 * in the app's page layout. What the app adds on top of Lexical is measured against it.
 * On start it loads ./content.json (blocks) when the bench serves one.
 */
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical'
import { $createHeadingNode, HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text'
import '../../src/renderer/src/styles/app.css'
import '../../src/renderer/src/styles/page.css'
import './bare.css'
import type { BareBlock, ReadyWhen } from './blocks'
import { page } from './dom'
import type { ProbeHost } from './probe'

type RootElement = Parameters<LexicalEditor['setRootElement']>[0]

const editor = createEditor({
  namespace: 'bare',
  nodes: [HeadingNode, QuoteNode],
  // The app's class names, so the app's stylesheet lays the text out the same way.
  theme: {
    paragraph: 'body-paragraph',
    heading: { h1: 'report-title', h2: 'section-heading level-1', h3: 'section-heading level-2', h4: 'section-heading level-3', h5: 'section-heading level-4' }
  },
  onError: (e: Error) => {
    throw e
  }
})
editor.setRootElement(page.document.getElementById('editor') as unknown as RootElement)
registerRichText(editor)

function $load(blocks: BareBlock[]): void {
  const root = $getRoot()
  root.clear()
  for (const b of blocks) {
    const node = b.tag === 'p' ? $createParagraphNode() : $createHeadingNode(b.tag)
    b.text.split('\n').forEach((part, i) => {
      if (i > 0) node.append($createLineBreakNode())
      if (part) node.append($createTextNode(part))
    })
    root.append(node)
  }
}

function load(blocks: BareBlock[]): void {
  editor.update(() => $load(blocks), { discrete: true })
}

export const bare = {
  load,
  stateJson: (): string => JSON.stringify(editor.getEditorState().toJSON()),
  /** setEditorState of a serialised state, timed to the first frame showing it (the app opens a saved draft the same way). */
  async open(json: string, when: ReadyWhen): Promise<number> {
    const t0 = performance.now()
    editor.setEditorState(editor.parseEditorState(json))
    return (await (globalThis as unknown as ProbeHost).__probe.whenReady(when)) - t0
  }
}

export type BareHost = { __bare: typeof bare }
;(globalThis as unknown as BareHost).__bare = bare

void page.fetch('./content.json').then(async (r) => {
  if (r.ok) load((await r.json()) as BareBlock[])
})

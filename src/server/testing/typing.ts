/** Typing into a headless peer the way a clerk does: one character at a time at a block's end. */
import { $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical'
import { emptyMeta, paragraph, section, type Report } from '../../shared/doc/model'
import { waitFor } from './services'
import type { Peer } from './lexicalPeer'

export function sampleReport(): Report {
  return {
    meta: emptyMeta({ title: '2026年教育局工作总结', kind: 'annual' }),
    preamble: [paragraph('今年以来，我局认真落实各项工作。现将有关情况总结如下：')],
    sections: [
      section(1, '工作完成情况', [paragraph('全年新建幼儿园3所。')]),
      section(1, '存在的问题', [paragraph('城乡差距仍然存在。')]),
      section(1, '下一步工作打算', [paragraph('继续推进学前教育。')])
    ],
    attachments: [],
    signature: { unit: '某某县教育局', date: '2026年12月5日' }
  }
}

/** Index of the first top-level block whose text starts with `start`. */
export function blockIndex(peer: Peer, start: string): number {
  return peer.editor.getEditorState().read(() => $getRoot().getChildren().findIndex((n) => n.getTextContent().startsWith(start)))
}

export function typeAtEnd(peer: Peer, blockStart: string, text: string): void {
  peer.update(() => {
    const block = $getRoot().getChildren().find((n) => n.getTextContent().startsWith(blockStart))
    if (!block || !$isElementNode(block)) throw new Error(`no block starting with ${blockStart}`)
    const last = block.getLastDescendant()
    if ($isTextNode(last)) last.setTextContent(last.getTextContent() + text)
    else block.append($createTextNode(text))
  })
}

/** Types `text` character by character, yielding between keys so the peers interleave. */
export async function typeSlowly(peer: Peer, blockStart: string, text: string, delayMs = 5): Promise<void> {
  for (const ch of text) {
    typeAtEnd(peer, blockStart, ch)
    await new Promise((r) => setTimeout(r, delayMs))
  }
}

/** The characters of `text` in `whole`, in order (what another clerk typed around them aside). */
export function containsInOrder(whole: string, text: string): boolean {
  let i = 0
  for (const ch of whole) if (i < text.length && ch === text[i]) i++
  return i === text.length
}

export async function converged(peers: Peer[], timeoutMs = 15_000): Promise<string> {
  await waitFor(() => peers.every((p) => p.saved() && p.text() === peers[0].text()), timeoutMs, () => `not converged:\n${peers.map((p) => p.text()).join('\n---\n')}`)
  return peers[0].text()
}

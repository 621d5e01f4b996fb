import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, KEY_TAB_COMMAND, type LexicalEditor } from 'lexical'
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode'

/** Blocks that belong to the report as a whole (title, attachment note, signature), not to a section. */
const REPORT_LEVEL = new Set(['title', 'signature', 'attachment'])

/**
 * Top-level blocks a collaborator limited to their sections may not change: everything outside
 * the sections given to them, by the same rule the office server applies (a block belongs to the
 * sections whose headings precede it; title, attachment note and signature to none).
 */
function $lockedKeys(isMine: (sectionId: string) => boolean): Set<string> {
  const stack: { level: number; id: string }[] = []
  const locked = new Set<string>()
  for (const node of $getRoot().getChildren()) {
    if ($isSectionHeadingNode(node)) {
      while (stack.length && stack[stack.length - 1].level >= node.getLevel()) stack.pop()
      stack.push({ level: node.getLevel(), id: node.getSectionId() })
    }
    const chain = REPORT_LEVEL.has(node.getType()) ? [] : stack.map((s) => s.id)
    if (!chain.some(isMine)) locked.add(node.getKey())
  }
  return locked
}

function $touchesLocked(locked: Set<string>): boolean {
  const s = $getSelection()
  if (!$isRangeSelection(s)) return false
  const tops = [s.anchor.getNode(), s.focus.getNode(), ...s.getNodes()].map((n) => (n.getParent() === null ? n : n.getTopLevelElement()))
  return tops.some((t) => !t || locked.has(t.getKey()))
}

function paint(editor: LexicalEditor, locked: Set<string>): void {
  editor.getEditorState().read(() => {
    for (const node of $getRoot().getChildren()) {
      const el = editor.getElementByKey(node.getKey())
      if (!el) continue
      const isLocked = locked.has(node.getKey())
      el.classList.toggle('collab-locked', isLocked)
      if (isLocked) el.setAttribute('contenteditable', 'false')
      else el.removeAttribute('contenteditable')
      el.title = isLocked ? '这部分不归您负责：只有负责的同事和报告所有者可以修改' : ''
    }
  })
}

/**
 * For a collaborator limited to their own sections: the rest of the report is shown but cannot be
 * typed into, pasted into, cut or dragged from, and headings keep their levels. The server refuses
 * such changes anyway; this keeps the clerk from making one.
 */
export function SectionLockPlugin({ isMine, version, onBlocked }: { isMine: (sectionId: string) => boolean; version: unknown; onBlocked: () => void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let locked = new Set<string>()
    const refresh = () => {
      locked = editor.getEditorState().read(() => $lockedKeys(isMine))
      paint(editor, locked)
    }
    const guard = (e: Event) => {
      if (!editor.getEditorState().read(() => $touchesLocked(locked))) return
      e.preventDefault()
      e.stopPropagation()
      onBlocked()
    }
    // Heading levels (Tab, Ctrl+0…4) are the section structure: the owner's.
    const levelKeys = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && /^[0-4]$/.test(e.key)) {
        e.preventDefault()
        e.stopPropagation()
        onBlocked()
      }
    }
    const events = ['beforeinput', 'paste', 'cut', 'drop'] as const
    const offRoot = editor.registerRootListener((root, prev) => {
      for (const name of events) prev?.removeEventListener(name, guard, true)
      prev?.removeEventListener('keydown', levelKeys, true)
      for (const name of events) root?.addEventListener(name, guard, true)
      root?.addEventListener('keydown', levelKeys, true)
    })
    const offTab = editor.registerCommand(KEY_TAB_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL)
    const offUpdate = editor.registerUpdateListener(refresh)
    refresh()
    return () => {
      offRoot()
      offTab()
      offUpdate()
      const root = editor.getRootElement()
      for (const name of events) root?.removeEventListener(name, guard, true)
      root?.removeEventListener('keydown', levelKeys, true)
      paint(editor, new Set())
    }
  }, [editor, isMine, version, onBlocked])
  return null
}

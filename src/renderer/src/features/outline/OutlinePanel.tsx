import { memo, useCallback, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react'
import { $getNodeByKey, type LexicalEditor } from 'lexical'
import { $headingByKey, $moveSection, $shiftSection } from '../../editor/sections'
import type { OutlineEntry } from './outlineEntries'

const DRAG_TYPE = 'application/x-zongjie-section'

/** Scrolls the heading into view and puts the caret at its start. */
export function jumpToHeading(editor: LexicalEditor, key: string): void {
  editor.update(() => {
    const node = $getNodeByKey(key)
    if (node && 'selectStart' in node && typeof node.selectStart === 'function') node.selectStart()
  })
  editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
  editor.focus()
}

interface ItemProps {
  entry: OutlineEntry
  editor: LexicalEditor
  collapsed: Set<string>
  toggle: (key: string) => void
  dropTarget: { key: string; position: 'before' | 'after' } | null
  setDropTarget: (t: { key: string; position: 'before' | 'after' } | null) => void
  /** Shown in the row after the title (a shared report's assignment). */
  extra?: (entry: OutlineEntry) => ReactNode
}

function OutlineItemView({ entry, editor, collapsed, toggle, dropTarget, setDropTarget, extra }: ItemProps) {
  const isCollapsed = collapsed.has(entry.key)
  const hasChildren = entry.children.length > 0
  const shift = (delta: 1 | -1) => editor.update(() => {
    const h = $headingByKey(entry.key)
    if (h) $shiftSection(h, delta)
  })
  const positionOf = (e: DragEvent<HTMLElement>): 'before' | 'after' => {
    const r = e.currentTarget.getBoundingClientRect()
    return e.clientY < r.top + r.height / 2 ? 'before' : 'after'
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return
    if (e.key === 'Enter') jumpToHeading(editor, entry.key)
    else if (e.key === 'ArrowRight' && hasChildren && isCollapsed) toggle(entry.key)
    else if (e.key === 'ArrowLeft' && hasChildren && !isCollapsed) toggle(entry.key)
    else return
    e.preventDefault()
  }
  const drop = dropTarget?.key === entry.key ? ` drop-${dropTarget.position}` : ''
  return (
    <li
      role="treeitem"
      aria-level={entry.depth}
      aria-expanded={hasChildren ? !isCollapsed : undefined}
      aria-label={`${entry.marker}${entry.title}`}
      aria-selected={false}
      className="outline-item"
    >
      <div
        className={`outline-row level-${entry.level}${drop}`}
        tabIndex={0}
        draggable
        data-key={entry.key}
        onKeyDown={onKeyDown}
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, entry.key)
          e.dataTransfer.effectAllowed = 'move'
        }}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
          e.preventDefault()
          const position = positionOf(e)
          if (dropTarget?.key !== entry.key || dropTarget.position !== position) setDropTarget({ key: entry.key, position })
        }}
        onDragLeave={() => setDropTarget(null)}
        onDrop={(e) => {
          e.preventDefault()
          const moving = e.dataTransfer.getData(DRAG_TYPE)
          const position = positionOf(e)
          setDropTarget(null)
          if (moving && moving !== entry.key) editor.update(() => void $moveSection(moving, entry.key, position))
        }}
      >
        <button
          type="button"
          className="outline-toggle"
          aria-label={isCollapsed ? '展开' : '折叠'}
          tabIndex={-1}
          disabled={!hasChildren}
          onClick={() => toggle(entry.key)}
        >
          {hasChildren ? (isCollapsed ? '▸' : '▾') : ''}
        </button>
        <button type="button" className="outline-title" tabIndex={-1} onClick={() => jumpToHeading(editor, entry.key)} title={`${entry.marker}${entry.title}`}>
          <span className="outline-marker">{entry.marker}</span>
          {entry.title || <em className="muted">（无标题）</em>}
        </button>
        {extra?.(entry)}
        <span className="outline-count" title="本节字数">{entry.characters}</span>
        <span className="outline-actions">
          <button type="button" tabIndex={-1} aria-label="升级" title="升级（Shift+Tab）" disabled={entry.level <= 1} onClick={() => shift(-1)}>
            ←
          </button>
          <button type="button" tabIndex={-1} aria-label="降级" title="降级（Tab）" disabled={entry.level >= 4} onClick={() => shift(1)}>
            →
          </button>
        </span>
      </div>
      {hasChildren && !isCollapsed && (
        <ul role="group">
          {entry.children.map((c) => (
            <OutlineItemMemo key={c.key} entry={c} editor={editor} collapsed={collapsed} toggle={toggle} dropTarget={dropTarget} setDropTarget={setDropTarget} extra={extra} />
          ))}
        </ul>
      )}
    </li>
  )
}

/** The live outline: click to jump, drag to move a section with all under it, promote, demote, collapse. */
function OutlinePanelView({ entries, editor, extra }: { entries: OutlineEntry[]; editor: LexicalEditor | null; extra?: (entry: OutlineEntry) => ReactNode }) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set())
  const [dropTarget, setDropTarget] = useState<{ key: string; position: 'before' | 'after' } | null>(null)
  const toggle = useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev)
        if (!next.delete(key)) next.add(key)
        return next
      }),
    []
  )
  return (
    <nav className="outline-panel" aria-label="大纲">
      {entries.length === 0 || !editor ? (
        <p className="muted outline-empty">还没有标题。把一段设为标题（Ctrl+1…4），大纲就会出现在这里。</p>
      ) : (
        <ul role="tree" aria-label="章节大纲" className="outline-tree">
          {entries.map((e) => (
            <OutlineItemMemo key={e.key} entry={e} editor={editor} collapsed={collapsed} toggle={toggle} dropTarget={dropTarget} setDropTarget={setDropTarget} extra={extra} />
          ))}
        </ul>
      )}
    </nav>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const OutlinePanel = memo(OutlinePanelView)

const OutlineItemMemo = memo(OutlineItemView)

import { memo, useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical'
import { COMMANDS, commandTitle, type CommandId } from '@shared/commands'

/** The toolbar's groups, from the command table: every button is a command with a menu item and (mostly) a key. */
const GROUPS: { ids: CommandId[]; className?: string }[] = [
  { ids: ['undo', 'redo'] },
  { ids: ['heading-1', 'heading-2', 'heading-3', 'heading-4', 'body-text', 'promote', 'demote'] },
  { ids: ['insert-table', 'insert-attachment', 'insert-signature', 'convert-script', 'save-template'] },
  { ids: ['find', 'print'] },
  { ids: ['export-docx', 'export-pdf', 'export-txt'], className: 'tool-right' }
]

/** Commands whose button is always offered even on a read-only report (they change nothing). */
const READ_ONLY_OK = new Set<CommandId>(['save-template', 'find', 'print', 'export-docx', 'export-pdf', 'export-txt'])

function ToolbarView({ readOnly, run }: { readOnly: boolean; run: (id: CommandId) => void }) {
  const [editor] = useLexicalComposerContext()
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW)
      ),
    [editor]
  )
  const disabled = (id: CommandId) => (readOnly && !READ_ONLY_OK.has(id)) || (id === 'undo' && !canUndo) || (id === 'redo' && !canRedo)
  return (
    <div className="toolbar" role="toolbar" aria-label="格式">
      {GROUPS.map((g, i) => (
        <div key={i} className={`tool-group${g.className ? ` ${g.className}` : ''}`}>
          {g.ids.map((id) => (
            <button
              key={id}
              type="button"
              className={id === 'export-docx' ? 'primary' : undefined}
              title={commandTitle(id)}
              // A bare marker (一、) says little to a screen reader: those buttons are named by their menu label.
              aria-label={id.startsWith('heading-') || id === 'body-text' ? commandTitle(id) : undefined}
              disabled={disabled(id)}
              // The editor keeps its selection: a heading button acts on the paragraph the caret is in.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(id)}
            >
              {COMMANDS[id].short ?? COMMANDS[id].label}
            </button>
          ))}
        </div>
      ))}
    </div>
  )
}

/** Memoised: re-renders only when read-only changes, not on every keystroke's status update. */
export const Toolbar = memo(ToolbarView)

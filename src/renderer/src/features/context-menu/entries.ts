import { COMMANDS, acceleratorLabel, type CommandId } from '@shared/commands'
import type { CommandHandlers } from '../../app/commandHandlers'
import type { Finding } from '@shared/checks/types'
import type { MenuEntry } from './contextMenu'

/**
 * What the editor's context menu offers where the caret is: the clipboard always; on a heading,
 * its level; on a 校对 finding's text, that finding's fix.
 */
export function contextEntries(commands: CommandHandlers, place: { onHeading: boolean; finding: Finding | null }): MenuEntry[] {
  const entry = (id: CommandId, label = COMMANDS[id].label): MenuEntry => ({
    id,
    label,
    keys: acceleratorLabel(COMMANDS[id].accelerator, /Mac/.test(navigator.platform)),
    disabled: !(commands[id].enabled?.() ?? true)
  })
  const entries: MenuEntry[] = []
  if (place.finding?.fix) entries.push(entry('apply-fix', place.finding.fix.label), '-')
  entries.push(entry('cut'), entry('copy'), entry('paste'), entry('paste-plain'), '-', entry('select-all'))
  if (place.onHeading) entries.push('-', entry('promote'), entry('demote'), entry('body-text'))
  return entries
}

import { describe, expect, it } from 'vitest'
import { COMMANDS, COMMAND_IDS, MENU_BAR, acceleratorLabel, commandTitle, matchesAccelerator, type KeyLike } from './commands'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('the command table', () => {
  it('gives every command a label, and every accelerator to one command only', () => {
    const seen = new Map<string, string>()
    for (const id of COMMAND_IDS) {
      expect(COMMANDS[id].label, id).toBeTruthy()
      const acc = COMMANDS[id].accelerator
      if (!acc) continue
      expect(seen.get(acc), `${acc} of ${id}`).toBeUndefined()
      seen.set(acc, id)
    }
  })

  it('puts every command in the menu bar once, but the context-only fix', () => {
    const inMenu = MENU_BAR.flatMap((m) => m.items).filter((i) => i !== '-')
    expect(new Set(inMenu).size).toBe(inMenu.length)
    expect(COMMAND_IDS.filter((id) => !inMenu.includes(id))).toEqual(['apply-fix'])
  })
})

describe('accelerators', () => {
  it('match the keys as pressed, modifiers exactly', () => {
    expect(matchesAccelerator('CmdOrCtrl+F', key('f', { ctrlKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+F', key('F', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+Shift+E', key('E', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+E', key('E', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(matchesAccelerator('F3', key('F3'))).toBe(true)
    expect(matchesAccelerator('F3', key('F3', { shiftKey: true }))).toBe(false)
    expect(matchesAccelerator('Shift+F3', key('F3', { shiftKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+\\', key('\\', { ctrlKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { ctrlKey: true, altKey: true }))).toBe(false)
  })

  it('are ⌘ on macOS and Ctrl elsewhere', () => {
    expect(matchesAccelerator('CmdOrCtrl+P', key('p', { metaKey: true }), true)).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+P', key('p', { metaKey: true }), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+P', key('p', { ctrlKey: true }), true)).toBe(false)
  })

  it('zoom in answers to = and + on the main keys and the keypad', () => {
    expect(matchesAccelerator('CmdOrCtrl+=', key('=', { ctrlKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+=', key('+', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+=', { ...key('+', { ctrlKey: true }), code: 'NumpadAdd' })).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+-', { ...key('-', { ctrlKey: true }), code: 'NumpadSubtract' })).toBe(true)
  })

  it('read as the clerk knows them', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+E')).toBe('Ctrl+Shift+E')
    expect(acceleratorLabel('CmdOrCtrl+F', true)).toBe('⌘+F')
    expect(commandTitle('find')).toBe('查找（Ctrl+F）')
    expect(commandTitle('insert-table')).toBe('插入表格')
  })
})

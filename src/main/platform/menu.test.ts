/** The native menu as built from the command table (Electron replaced by a stand-in). */
import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t }, app: { isPackaged: true, getVersion: () => '0.1.0' } }))
const { menuTemplate } = await import('./menu')
const { COMMANDS, MENU_BAR } = await import('../../shared/commands')

const items = (sent: string[]) => menuTemplate((id) => sent.push(id)).flatMap((m) => (m.submenu as MenuItemConstructorOptions[]) ?? [])

describe('the native menu', () => {
  it('has an item for every command of the menu bar, with its label and accelerator', () => {
    const all = items([])
    for (const id of MENU_BAR.flatMap((m) => m.items).filter((i) => i !== '-')) {
      const spec = COMMANDS[id]
      const item = all.find((i) => i.label === spec.label)
      expect(item, id).toBeDefined()
      expect(item!.accelerator).toBe(spec.accelerator)
    }
  })

  it('sends the command id to the page, uses roles for clipboard edits, and leaves every other key to the page', () => {
    const sent: string[] = []
    const all = items(sent)
    const byLabel = (label: string) => all.find((i) => i.label === label)!
    ;(byLabel('查找…').click as () => void)()
    ;(byLabel('打印…').click as () => void)()
    expect(sent).toEqual(['find', 'print'])
    expect(byLabel('粘贴为纯文本').role).toBe('pasteAndMatchStyle')
    expect(byLabel('粘贴为纯文本').click).toBeUndefined()
    expect(byLabel('一级标题 一、').registerAccelerator).toBe(false)
    expect(byLabel('保存').registerAccelerator).toBe(false)
    expect(byLabel('剪切').registerAccelerator).toBeUndefined()
  })
})

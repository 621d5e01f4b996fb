import { Menu, app, type MenuItemConstructorOptions } from 'electron'
import { COMMANDS, MENU_BAR, type CommandId } from '../../shared/commands'

/**
 * The native menu, built from the command table (src/shared/commands.ts). Edit commands are
 * Electron roles. Every other item sends its id to the page when clicked; its keys are shown but
 * not registered: the page handles every key itself, with one listener (the editor's own keys in
 * the editor), so a key press acts once, the same way in the app and in the browser build. (On
 * macOS, where registerAccelerator is ignored, the page's preventDefault keeps the menu from acting too.)
 */
export function menuTemplate(send: (command: CommandId) => void): MenuItemConstructorOptions[] {
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const spec = COMMANDS[id]
    if (spec.role) return { label: spec.label, role: spec.role, accelerator: spec.accelerator }
    return { label: spec.label, accelerator: spec.accelerator, registerAccelerator: false, click: () => send(id) }
  }
  const menus: MenuItemConstructorOptions[] = MENU_BAR.map((menu) => ({
    label: menu.label,
    submenu: menu.items.map((id) => (id === '-' ? { type: 'separator' as const } : item(id)))
  }))
  ;(menus[0].submenu as MenuItemConstructorOptions[]).push({ type: 'separator' }, { label: '退出', role: 'quit' })
  if (!app.isPackaged) (menus[menus.length - 1].submenu as MenuItemConstructorOptions[]).push({ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' })
  menus.push({ label: '帮助(&H)', submenu: [{ label: `关于工作总结 ${app.getVersion()}`, role: 'about' }] })
  return menus
}

export function buildMenu(send: (command: CommandId) => void): Menu {
  return Menu.buildFromTemplate(menuTemplate(send))
}

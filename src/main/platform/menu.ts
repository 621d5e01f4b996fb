import { Menu, app, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc'

/**
 * The native menu. Editing shortcuts that the editor handles itself (Ctrl+1…4, Ctrl+0, Tab)
 * are shown but not registered, so a key press is handled once, by the editor.
 */
export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command)
  })
  const shown = (label: string, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    enabled: false
  })
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        item('新建总结', 'new-report', 'CmdOrCtrl+N'),
        { type: 'separator' },
        item('导入文件…', 'import-files', 'CmdOrCtrl+O'),
        item('导入文件夹…', 'import-folder', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        item('导出为 Word (.docx)…', 'export-docx', 'CmdOrCtrl+E'),
        item('导出为 PDF…', 'export-pdf', 'CmdOrCtrl+Shift+E'),
        item('导出为纯文本…', 'export-txt'),
        item('导出为 Markdown…', 'export-md'),
        item('导出为网页…', 'export-html'),
        { type: 'separator' },
        { label: '退出', role: 'quit' }
      ]
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
        { type: 'separator' },
        item('查找…', 'find', 'CmdOrCtrl+F')
      ]
    },
    {
      label: '格式(&O)',
      submenu: [
        shown('一级标题 一、', 'CmdOrCtrl+1'),
        shown('二级标题 （一）', 'CmdOrCtrl+2'),
        shown('三级标题 1.', 'CmdOrCtrl+3'),
        shown('四级标题 （1）', 'CmdOrCtrl+4'),
        shown('正文', 'CmdOrCtrl+0'),
        { type: 'separator' },
        shown('降级', 'Tab'),
        shown('升级', 'Shift+Tab')
      ]
    },
    {
      label: '视图(&V)',
      submenu: [
        item('文档库', 'show-library', 'CmdOrCtrl+L'),
        item('显示/隐藏大纲', 'toggle-outline', 'CmdOrCtrl+\\'),
        { type: 'separator' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        ...(app.isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as MenuItemConstructorOptions])
      ]
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: `关于工作总结 ${app.getVersion()}`, role: 'about' }]
    }
  ]
  return Menu.buildFromTemplate(template)
}

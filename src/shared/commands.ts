/**
 * The app's commands: one table from which the native menu (main), the shortcuts of the browser
 * build, the toolbar and the context menu are all built. Pure data: main reads labels and
 * accelerators from it, the renderer gives every id a handler (a Record<CommandId, …>, so a
 * command nothing handles does not compile).
 */

export const COMMAND_IDS = [
  'new-report',
  'import-files',
  'import-folder',
  'save',
  'print',
  'export-docx',
  'export-pdf',
  'export-txt',
  'export-md',
  'export-html',
  'save-template',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'paste-plain',
  'select-all',
  'find',
  'replace',
  'find-next',
  'find-previous',
  'convert-script',
  'heading-1',
  'heading-2',
  'heading-3',
  'heading-4',
  'body-text',
  'promote',
  'demote',
  'apply-fix',
  'insert-table',
  'insert-attachment',
  'insert-signature',
  'show-library',
  'toggle-outline',
  'zoom-in',
  'zoom-out',
  'zoom-fit'
] as const

export type CommandId = (typeof COMMAND_IDS)[number]

/** Edit commands the platform carries out itself (Electron menu roles; the page's own clipboard). */
export type EditRole = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'selectAll'

export interface CommandSpec {
  /** As the menu shows it. */
  label: string
  /** Electron accelerator syntax ('CmdOrCtrl+Shift+E', 'F3'). */
  accelerator?: string
  /**
   * The key is the editor's own (Lexical's keymap, or the browser's editing keys): menus show it,
   * but nothing else registers it, so a key press is handled once.
   */
  editorKey?: boolean
  /** A native edit command: the menu item is Electron's role, not a message to the page. */
  role?: EditRole
  /** Short text for a toolbar button, where the menu label is too long. */
  short?: string
}

export const COMMANDS: Readonly<Record<CommandId, CommandSpec>> = {
  'new-report': { label: '新建总结', accelerator: 'CmdOrCtrl+N', short: '新建' },
  'import-files': { label: '导入文件…', accelerator: 'CmdOrCtrl+O' },
  'import-folder': { label: '导入文件夹…', accelerator: 'CmdOrCtrl+Shift+O' },
  save: { label: '保存', accelerator: 'CmdOrCtrl+S' },
  print: { label: '打印…', accelerator: 'CmdOrCtrl+P', short: '打印' },
  'export-docx': { label: '导出为 Word (.docx)…', accelerator: 'CmdOrCtrl+E', short: '导出 Word' },
  'export-pdf': { label: '导出为 PDF…', accelerator: 'CmdOrCtrl+Shift+E', short: 'PDF' },
  'export-txt': { label: '导出为纯文本…', short: '文本' },
  'export-md': { label: '导出为 Markdown…' },
  'export-html': { label: '导出为网页…' },
  'save-template': { label: '存为模板…', short: '存为模板' },
  undo: { label: '撤销', accelerator: 'CmdOrCtrl+Z', editorKey: true, role: 'undo' },
  redo: { label: '重做', accelerator: 'CmdOrCtrl+Y', editorKey: true, role: 'redo' },
  cut: { label: '剪切', accelerator: 'CmdOrCtrl+X', editorKey: true, role: 'cut' },
  copy: { label: '复制', accelerator: 'CmdOrCtrl+C', editorKey: true, role: 'copy' },
  paste: { label: '粘贴', accelerator: 'CmdOrCtrl+V', editorKey: true, role: 'paste' },
  'paste-plain': { label: '粘贴为纯文本', accelerator: 'CmdOrCtrl+Shift+V', editorKey: true, role: 'pasteAndMatchStyle' },
  'select-all': { label: '全选', accelerator: 'CmdOrCtrl+A', editorKey: true, role: 'selectAll' },
  find: { label: '查找…', accelerator: 'CmdOrCtrl+F', short: '查找' },
  replace: { label: '替换…', accelerator: 'CmdOrCtrl+H', short: '替换' },
  'find-next': { label: '查找下一个', accelerator: 'F3' },
  'find-previous': { label: '查找上一个', accelerator: 'Shift+F3' },
  'convert-script': { label: '简繁转换…', short: '简繁' },
  'heading-1': { label: '一级标题 一、', accelerator: 'CmdOrCtrl+1', editorKey: true, short: '一、' },
  'heading-2': { label: '二级标题 （一）', accelerator: 'CmdOrCtrl+2', editorKey: true, short: '（一）' },
  'heading-3': { label: '三级标题 1.', accelerator: 'CmdOrCtrl+3', editorKey: true, short: '1.' },
  'heading-4': { label: '四级标题 （1）', accelerator: 'CmdOrCtrl+4', editorKey: true, short: '（1）' },
  'body-text': { label: '转为正文', accelerator: 'CmdOrCtrl+0', editorKey: true, short: '正文' },
  promote: { label: '升级', accelerator: 'Shift+Tab', editorKey: true },
  demote: { label: '降级', accelerator: 'Tab', editorKey: true },
  'apply-fix': { label: '按校对建议修改' },
  'insert-table': { label: '插入表格', short: '表格' },
  'insert-attachment': { label: '插入附件说明', short: '附件' },
  'insert-signature': { label: '插入落款', short: '落款' },
  'show-library': { label: '文档库', accelerator: 'CmdOrCtrl+L' },
  'toggle-outline': { label: '显示/隐藏大纲', accelerator: 'CmdOrCtrl+\\' },
  'zoom-in': { label: '放大', accelerator: 'CmdOrCtrl+=' },
  'zoom-out': { label: '缩小', accelerator: 'CmdOrCtrl+-' },
  'zoom-fit': { label: '适合页宽' }
}

/** The menu bar: command ids in order, '-' for a separator. Main adds Quit, About and the developer tools. */
export const MENU_BAR: readonly { label: string; items: readonly (CommandId | '-')[] }[] = [
  {
    label: '文件(&F)',
    items: ['new-report', '-', 'import-files', 'import-folder', '-', 'save', 'print', '-', 'export-docx', 'export-pdf', 'export-txt', 'export-md', 'export-html', '-', 'save-template']
  },
  {
    label: '编辑(&E)',
    items: ['undo', 'redo', '-', 'cut', 'copy', 'paste', 'paste-plain', 'select-all', '-', 'find', 'replace', 'find-next', 'find-previous', '-', 'convert-script']
  },
  {
    label: '格式(&O)',
    items: ['heading-1', 'heading-2', 'heading-3', 'heading-4', 'body-text', '-', 'demote', 'promote', '-', 'insert-table', 'insert-attachment', 'insert-signature']
  },
  { label: '视图(&V)', items: ['show-library', 'toggle-outline', '-', 'zoom-in', 'zoom-out', 'zoom-fit'] }
]

export interface KeyLike {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** The key an accelerator names, as KeyboardEvent.key reports it (lower case for letters). */
function acceleratorKey(name: string): string {
  if (name === 'Plus') return '+'
  return name.length === 1 ? name.toLowerCase() : name
}

/**
 * Whether a key event is an accelerator. CmdOrCtrl is ⌘ on macOS and Ctrl elsewhere; every modifier
 * must match exactly, so Ctrl+Shift+E is not Ctrl+E. `=` also answers to `+` (the same key, shifted or on the keypad).
 */
export function matchesAccelerator(accelerator: string, e: KeyLike, mac = false): boolean {
  const parts = accelerator.split('+')
  // 'CmdOrCtrl++' splits into […, '', ''].
  const last = parts[parts.length - 1] === '' ? '+' : parts[parts.length - 1]
  const mods = new Set(parts.slice(0, parts[parts.length - 1] === '' ? -2 : -1))
  const wantCtrl = mods.has('Ctrl') || mods.has('Control') || (!mac && (mods.has('CmdOrCtrl') || mods.has('CommandOrControl')))
  const wantMeta = mods.has('Cmd') || mods.has('Command') || (mac && (mods.has('CmdOrCtrl') || mods.has('CommandOrControl')))
  const key = acceleratorKey(last)
  const pressed = e.key.length === 1 ? e.key.toLowerCase() : e.key
  const sameKey = pressed === key || (key === '=' && (pressed === '+' || e.code === 'Equal' || e.code === 'NumpadAdd')) || (key === '-' && e.code === 'NumpadSubtract')
  // Shift is part of what a shifted character is: Ctrl+= is also Ctrl+Shift+= (Ctrl++) on most layouts.
  const shiftOk = key === '=' ? true : e.shiftKey === mods.has('Shift')
  return sameKey && shiftOk && e.ctrlKey === wantCtrl && e.metaKey === wantMeta && e.altKey === mods.has('Alt')
}

/** An accelerator as the clerk reads it: Ctrl+Shift+E (⌘ on macOS). */
export function acceleratorLabel(accelerator: string | undefined, mac = false): string {
  if (!accelerator) return ''
  return accelerator.replace(/CmdOrCtrl|CommandOrControl/g, mac ? '⌘' : 'Ctrl').replace(/\+\+$/, '+Plus').replace(/\\$/, '\\')
}

/** "查找（Ctrl+F）": a button's tooltip naming its shortcut. */
export function commandTitle(id: CommandId, mac = false): string {
  const spec = COMMANDS[id]
  const keys = acceleratorLabel(spec.accelerator, mac)
  return keys ? `${spec.label.replace(/…$/, '')}（${keys}）` : spec.label.replace(/…$/, '')
}

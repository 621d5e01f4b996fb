/** The export formats and how a file name picks one. Pure: no node:path. src/shared/ipc.ts re-exports the list. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'txt', 'md', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The format named by a path's extension (case-insensitive; .htm and .markdown too), or null. */
export function formatFromPath(path: string): ExportFormat | null {
  const name = path.split(/[\\/]/).pop() ?? ''
  const m = /\.([A-Za-z]+)$/.exec(name)
  if (!m || m.index === 0) return null
  const ext = m[1].toLowerCase()
  if (ext === 'htm') return 'html'
  if (ext === 'markdown') return 'md'
  return (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : null
}

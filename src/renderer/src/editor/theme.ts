import type { EditorThemeClasses } from 'lexical'

export const editorTheme: EditorThemeClasses = {
  paragraph: 'body-paragraph',
  reportTitle: 'report-title',
  sectionHeading: 'section-heading',
  signature: 'signature',
  attachment: 'attachment',
  table: 'report-table',
  tableCell: 'report-table-cell',
  tableCellHeader: 'report-table-cell-header',
  // No class for the highlight format: drafts carried forward before StaleFigureMarks stored their
  // figure marks as that format, which stayed on a retyped number; it is kept in the text (never
  // exported) but no longer shown. The marks shown now follow the text (features/figures).
  text: { bold: 'text-bold', italic: 'text-italic', underline: 'text-underline' }
}

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
  text: { bold: 'text-bold', italic: 'text-italic', underline: 'text-underline', highlight: 'text-highlight' }
}

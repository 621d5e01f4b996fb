/**
 * How a shared report is laid out in its Yjs document, for the app and the office server alike.
 * The text is Lexical's own binding (@lexical/yjs) under `root`; beside it three maps: the
 * sections' assignments, keyed by section id; the comments (批注), one entry per comment or
 * reply, so two people replying at once never overwrite each other; and the metadata.
 */
export const ROOT = 'root'
export const ASSIGNMENTS = 'assignments'
export const COMMENTS = 'comments'
/** The report's metadata (kind, period, unit, author, date, script): the title is a block of the text. */
export const META = 'meta'

export const ASSIGNMENT_STATES = ['待写', '已写', '已审'] as const
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number]

/** A section given to a colleague (their user id) or a whole unit (its name). */
export interface Assignment {
  kind: 'user' | 'unit'
  principal: string
  /** The colleague's name or the unit, for display. */
  label?: string
  state: AssignmentState
  /** YYYY-MM-DD. */
  due?: string
}

/** One comment or reply. A thread is its first comment (thread === id) and the replies naming it. */
export interface CommentEntry {
  id: string
  thread: string
  authorId: string
  author: string
  text: string
  /** Milliseconds since 1970. */
  at: number
  /** Set on a thread's first comment when the thread is resolved. */
  resolved?: boolean
}

export const REPORT_ID = /^[A-Za-z0-9_-]{8,64}$/
export const documentNameOf = (reportId: string): string => `report:${reportId}`
export function reportIdOf(documentName: string): string | null {
  const id = documentName.startsWith('report:') ? documentName.slice('report:'.length) : ''
  return REPORT_ID.test(id) ? id : null
}

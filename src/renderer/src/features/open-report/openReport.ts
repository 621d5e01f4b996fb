/**
 * The open report: which report the editor holds, its metadata and model, the drafts beside it,
 * and the actions that open, create, reload and remove reports. One store for the window; the flows
 * (import, export, carry-forward, versions) build on these actions in their own feature folders.
 */
import type { LexicalEditor } from 'lexical'
import { emptyReport, type Report, type ReportMeta } from '@shared/doc/model'
import type { ReportRecord } from '../../db/database'
import { createReport, createReports, discardIfBlank, getReport, listReports, trashReport } from '../../db/reports'
import { saveSession, type SessionState } from '../../db/session'
import type { SaveStatus } from '../../editor/plugins/AutosavePlugin'
import { $caret } from '../../editor/caret'
import type { DocumentInfo } from '../../editor/plugins/DocumentInfoPlugin'
import type { DraftSummary } from '../drafts/DraftList'
import { followArchive } from '../drafts/archiveList'
import { draftToReopen, scheduleHousekeeping } from '../drafts/lastDraft'
import { createSaveStatusStore, type SaveStatusStore } from '../editor/saveStatusStore'
import { createStore, type Store } from '../../app/store'
import type { UiStore } from '../../app/uiStore'
import type { CheckedReport } from '../checks/useFindings'

export interface Opened {
  record: ReportRecord
  /** Bumped when the same report is loaded again (a restored version), so the editor remounts. */
  generation: number
  caret?: SessionState['caret']
  scrollTop?: number
}

export interface OpenReportState {
  drafts: DraftSummary[]
  trash: DraftSummary[]
  opened: Opened | null
  meta: ReportMeta
  /** The model and heading keys, published once typing pauses. */
  info: DocumentInfo | null
  editor: LexicalEditor | null
  /** Set when the stored text could not be read in full: the report is shown read-only. */
  loadProblem: string | null
  /** Last period's report of the same kind and unit, for the figures and the checks. */
  previous: { title: string; report: Report } | null
  /** The 校对 findings with the model their anchors point into. */
  checked: CheckedReport
}

/** Where to put the caret and whether to stay in the library, when a report opens. */
export interface OpenOptions {
  restore?: SessionState
  stayInLibrary?: boolean
}

export interface OpenReport {
  store: Store<OpenReportState>
  saveStatus: SaveStatusStore
  /** Saves what the editor holds now (the autosave's flush). */
  flush(): Promise<void>
  registerFlush(flush: (() => Promise<void>) | null): void
  /** Keeps the drafts and the trash current from the archive's change announcements, read first once `after` is done; returns the disconnect. */
  connect(after?: Promise<unknown>): () => void
  open(id: string, options?: OpenOptions): Promise<void>
  create(report?: Report): Promise<void>
  /** Reloads a report into the editor (a restored version, a change from the library) if it is the open one. */
  reload(record: ReportRecord): void
  reloadIfOpen(id: string): Promise<void>
  remove(row: DraftSummary): Promise<void>
  /** Opens the most recently changed report left (after the open one went to the trash), or a new draft. */
  openNewest(): Promise<void>
  /** Opens the last report where the clerk left it, or a new blank one. */
  start(): Promise<void>
  /** After a restore from a backup the open report may have changed or gone. */
  afterRestore(): Promise<void>
  onStatus(status: SaveStatus): void
  onReportPasted(meta: ReportMeta, others: Report[]): Promise<void>
  readOnly(): boolean
}

export function createOpenReport(ui: UiStore): OpenReport {
  const store = createStore<OpenReportState>({ drafts: [], trash: [], opened: null, meta: emptyReport().meta, info: null, editor: null, loadProblem: null, previous: null, checked: { report: null, findings: [] } })
  const saveStatus = createSaveStatusStore({ state: 'saved', at: Date.now() })
  let flushFn: (() => Promise<void>) | null = null
  const openedId = () => store.get().opened?.record.id ?? null

  const flush = async () => {
    await flushFn?.()
  }

  /** Where the caret was in each report left in this session, so going back to one finds it there. */
  const leftAt = new Map<string, SessionState>()
  const rememberCaret = () => {
    const { editor, opened } = store.get()
    if (!editor || !opened) return
    const caret = editor.getEditorState().read($caret)
    leftAt.set(opened.record.id, { reportId: opened.record.id, caret, scrollTop: document.querySelector('.page-scroll')?.scrollTop })
  }

  /**
   * Keys typed while another report is being read would land in the one being left (and be lost
   * from the one the clerk sees next): the editor takes no input until the next one is in. Returns
   * the release, which gives input back only if no other report was opened after all.
   */
  const holdEditor = () => {
    const editor = store.get().editor
    const left = openedId()
    if (!editor?.isEditable()) return () => {}
    editor.setEditable(false)
    return () => {
      if (openedId() === left && store.get().editor === editor) editor.setEditable(true)
    }
  }

  const open: OpenReport['open'] = async (id, options = {}) => {
    const release = openedId() === id ? () => {} : holdEditor()
    try {
      await switchTo(id, options)
    } finally {
      release()
    }
  }

  const switchTo = async (id: string, options: OpenOptions) => {
    await flush()
    const record = await getReport(id)
    if (!record) return
    if (openedId() !== id) rememberCaret()
    // A blank draft that was never written in is not worth keeping once the clerk moves on.
    const left = openedId()
    if (left && left !== id) await discardIfBlank(left)
    const restore = options.restore ?? leftAt.get(id)
    store.set((s) => ({
      meta: record.report.meta,
      info: null,
      loadProblem: null,
      opened: { record, caret: restore?.caret, scrollTop: restore?.scrollTop, generation: (s.opened?.generation ?? 0) + 1 }
    }))
    if (!options.stayInLibrary) ui.set({ view: 'editor' })
    await saveSession({ reportId: id, caret: restore?.caret, scrollTop: restore?.scrollTop })
  }

  const create = async (report: Report = emptyReport({ kind: 'annual' })) => {
    const release = holdEditor()
    try {
      await flush()
      const record = await createReport(report)
      await open(record.id)
    } finally {
      release()
    }
  }

  const reload = (record: ReportRecord) => store.set((s) => ({ meta: record.report.meta, opened: { record, generation: (s.opened?.generation ?? 0) + 1 } }))

  const openNewest = async (stayInLibrary = ui.get().view === 'library') => {
    const [next] = await listReports()
    if (next) await open(next.id, { stayInLibrary })
    else await create()
  }

  return {
    store,
    saveStatus,
    flush,
    registerFlush: (f) => {
      flushFn = f
    },
    connect(after) {
      const offList = followArchive(
        (lists) => store.set({ drafts: lists.reports, trash: lists.trash }),
        () => ({ reports: store.get().drafts, trash: store.get().trash }),
        after
      )
      const offHousekeeping = scheduleHousekeeping()
      return () => {
        offList()
        offHousekeeping()
      }
    },
    open,
    create,
    reload,
    async reloadIfOpen(id) {
      if (openedId() !== id) return
      const record = await getReport(id)
      if (record) reload(record)
    },
    async remove(row) {
      if (!window.confirm(`把“${row.title || '未命名'}”移到回收站？30 天内可以恢复。`)) return
      const wasOpen = openedId() === row.id
      if (wasOpen) flushFn = null
      await trashReport(row.id)
      if (wasOpen) await openNewest()
    },
    openNewest: () => openNewest(),
    // The last draft first: found by its key and opened before anything reads the whole archive.
    async start() {
      const last = await draftToReopen()
      // A clerk who went to the library before the draft was in stays there.
      if (last) await open(last.id, { restore: last.session, stayInLibrary: ui.get().view !== 'editor' })
      else await create()
    },
    async afterRestore() {
      flushFn = null
      const list = await listReports()
      const current = openedId()
      const id = current && list.some((d) => d.id === current) ? current : list[0]?.id
      if (id) await open(id, { stayInLibrary: true })
      else await create()
    },
    onStatus(s) {
      // The lists and the search index follow the save by themselves (db/changes.ts).
      saveStatus.set(s)
    },
    async onReportPasted(pasted, others) {
      store.set((s) => ({ meta: { ...s.meta, ...Object.fromEntries(Object.entries(pasted).filter(([, v]) => v !== '')) } }))
      if (others.length === 0) return
      await createReports(others)
      ui.notify('info', `粘贴的内容里有 ${others.length + 1} 篇总结：第一篇在当前草稿中，其余 ${others.length} 篇已分别存为草稿。`)
    },
    readOnly() {
      const s = store.get()
      return s.loadProblem !== null || s.opened?.record.status === 'final'
    }
  }
}

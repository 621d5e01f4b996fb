/**
 * The library screen wired to the open report and the flows. Kept small on purpose: the library
 * itself (features/library) and the search (features/search) are their own features.
 */
import { useCallback, useMemo } from 'react'
import { numberSections } from '@shared/doc/numbering'
import { getReport, restoreFromTrash, setStatus } from '../db/reports'
import { addVersion } from '../db/versions'
import { publishIfShared, publishShared } from '../features/collab/useCollab'
import { createLibraryBulk } from '../features/library/libraryBulk'
import { LibraryScreen, type LibraryActions } from '../features/library/LibraryScreen'
import { SearchBox } from '../features/search/SearchBox'
import type { SearchHit } from '../features/search/searchClient'
import type { SearchIndexHandle } from '../features/search/useSearch'
import { useStore } from './store'
import { useApp } from './AppContext'

/** The phrase a search hit matched: its first highlighted stretch of the snippet. */
export function hitPhrase(hit: SearchHit): string {
  const [first] = hit.highlights
  return first ? hit.snippet.slice(first[0], first[1]) : ''
}

/** After a 定稿 of several reports, the shared ones among them go to the office archive, as after one. */
async function publishSharedAmong(ids: string[]): Promise<{ note: string; failed: boolean }> {
  const outcomes = []
  for (const id of ids) outcomes.push(await publishShared(id))
  const published = outcomes.filter((o) => o?.ok).length
  const failed = outcomes.flatMap((o) => (o && !o.ok ? [o.error] : []))
  const note = (published ? `其中 ${published} 篇共享报告已发布到办公室文档库。` : '') + (failed.length ? `${failed.length} 篇共享报告未能发布到办公室文档库：${failed[0]}` : '')
  return { note, failed: failed.length > 0 }
}

export function LibraryPane({ search }: { search: SearchIndexHandle }) {
  const app = useApp()
  const { report } = app
  const drafts = useStore(report.store, (s) => s.drafts)
  const trash = useStore(report.store, (s) => s.trash)

  const actions = useMemo<LibraryActions>(
    () => ({
      open: (id) => void report.open(id),
      carryForward: (id) => void app.carryForward(id),
      finalize: (id) =>
        void (async () => {
          if (report.store.get().opened?.record.id === id) await report.flush()
          const record = await getReport(id)
          if (!record) return
          await addVersion(record, 'finalize', '定稿')
          await setStatus(id, 'final')
          await report.reloadIfOpen(id)
          await publishIfShared(id, app.ui.notify)
        })(),
      reopen: (id) =>
        void (async () => {
          await setStatus(id, 'draft')
          await report.reloadIfOpen(id)
        })(),
      trash: (row) => void report.remove(row),
      restore: (id) =>
        void restoreFromTrash(id),
      exportMany: (ids, format) => void app.exportFlow.exportMany(ids, format),
      importFiles: () => void app.importFlow.start(false),
      importFolder: () => void app.importFlow.start(true),
      ...createLibraryBulk(report, app.ui, publishSharedAmong)
    }),
    [app, report]
  )

  /** A hit opens its report with the matched phrase marked, from the section it was found in. */
  const openHit = useCallback(
    (hit: SearchHit) =>
      void (async () => {
        await report.open(hit.docId)
        const off = report.store.subscribe(() => show())
        const show = () => {
          const { info, editor, opened } = report.store.get()
          if (!info || !editor || opened?.record.id !== hit.docId) return
          off()
          const target = hit.path[hit.path.length - 1]
          const i = target ? numberSections(info.report.sections).findIndex((n) => `${n.marker}${n.section.title}` === target) : -1
          // After the editor's own first update: a report just mounted puts its caret back (at the title,
          // scrolling there) in an update still queued when the model is first published.
          editor.update(() => {}, { onUpdate: () => app.find.showPhrase(hitPhrase(hit), i >= 0 ? info.headingKeys[i] : undefined) })
        }
        show()
      })(),
    [app, report]
  )
  return <LibraryScreen reports={drafts} trash={trash} actions={actions} search={(filter) => <SearchBox client={search.client} progress={search.progress} filter={filter} onOpen={openHit} />} />
}

import 'fake-indexeddb/auto'
import { beforeEach, expect, it, vi } from 'vitest'
import { createEditor } from 'lexical'
import { emptyReport } from '@shared/doc/model'
import { db } from '../../db/database'
import { createReport } from '../../db/reports'
import { createUiStore } from '../../app/uiStore'
import { createOpenReport } from './openReport'

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  // Where the page was scrolled is asked of the document; there is none here.
  vi.stubGlobal('document', { querySelector: () => null })
})

async function withOpen(title: string) {
  const report = createOpenReport(createUiStore())
  const record = await createReport(emptyReport({ title, kind: 'annual' }))
  const editor = createEditor({ namespace: 'test', onError: (e) => { throw e } })
  report.store.set({ editor, opened: { record, generation: 1 } })
  return { report, editor, record }
}

it('the report being left takes no keys while the next one is read, so nothing typed meanwhile lands in it', async () => {
  const { report, editor } = await withOpen('2025年工作总结')
  const other = await createReport(emptyReport({ title: '2024年工作总结', kind: 'annual' }))
  const opening = report.open(other.id)
  expect(editor.isEditable()).toBe(false)
  await opening
  expect(report.store.get().opened?.record.id).toBe(other.id)
  expect(editor.isEditable()).toBe(false)

  // The editor now holding the other report; 新建 → 创建 from there.
  const next = createEditor({ namespace: 'test', onError: (e) => { throw e } })
  report.store.set({ editor: next })
  const creating = report.create(emptyReport({ title: '2026年工作总结', kind: 'annual' }))
  expect(next.isEditable()).toBe(false)
  await creating
  expect(report.store.get().opened?.record.report.meta.title).toBe('2026年工作总结')
})

it('an open that finds no report gives the keys back to the report still open', async () => {
  const { report, editor, record } = await withOpen('2025年工作总结')
  await report.open('no-such-report')
  expect(report.store.get().opened?.record.id).toBe(record.id)
  expect(editor.isEditable()).toBe(true)
})

it('a clerk who goes to the library while the last draft is still being read stays in the library', async () => {
  const ui = createUiStore()
  const report = createOpenReport(ui)
  await createReport(emptyReport({ title: '2025年工作总结', kind: 'annual' }))
  ui.set({ view: 'library' })
  await report.start()
  expect(report.store.get().opened?.record.report.meta.title).toBe('2025年工作总结')
  expect(ui.get().view).toBe('library')
})

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { LexicalEditor } from 'lexical'
import { emptyReport, type Report, type ReportMeta } from '@shared/doc/model'
import { reportStats } from '@shared/doc/stats'
import type { ExportFormat, FileImport, MenuCommand } from '@shared/ipc'
import type { ReportRecord } from './db/database'
import { createReport, discardIfBlank, getReport, listReports, listTrash, purgeTrash, restoreFromTrash, setStatus as setReportStatus, trashReport } from './db/reports'
import { addVersion, restoreVersion } from './db/versions'
import { VersionsPanel } from './features/versions/VersionsPanel'
import { SettingsScreen, useAutoBackup } from './features/settings/SettingsScreen'
import { useSearchIndex } from './features/search/useSearch'
import { SearchBox } from './features/search/SearchBox'
import { searchDocFromRecord, type SearchHit } from './features/search/searchClient'
import { jumpToHeading } from './features/outline/OutlinePanel'
import { numberSections } from '@shared/doc/numbering'
import { NewReportDialog } from './features/new-report/NewReportDialog'
import { FiguresPanel } from './features/figures/FiguresPanel'
import { ScriptDialog, selectedText } from './features/script/ScriptDialog'
import { PromptDialog } from './ui/PromptDialog'
import { templateFromReport } from '@shared/templates'
import { saveUserTemplate } from './db/templates'
import { loadDocxPreferences } from './db/preferences'
import type { VersionRecord } from './db/database'
import { LibraryScreen, type LibraryActions } from './features/library/LibraryScreen'
import { ImportPreview, ImportProgress, type PreviewReport } from './features/import/ImportPreview'
import { importLines } from '@shared/import'
import { loadSession, saveSession, type SessionState } from './db/session'
import { ReportEditor } from './editor/ReportEditor'
import type { SaveStatus } from './editor/plugins/AutosavePlugin'
import { readDocumentInfo, type DocumentInfo } from './editor/plugins/DocumentInfoPlugin'
import { DraftList, type DraftSummary } from './features/drafts/DraftList'
import { MetaBar } from './features/editor/MetaBar'
import { StatusBar } from './features/editor/StatusBar'
import { createSaveStatusStore } from './features/editor/saveStatusStore'
import { Toolbar } from './features/editor/Toolbar'
import { OutlinePanel } from './features/outline/OutlinePanel'
import { ChecksPanel } from './features/checks/ChecksPanel'
import { SidePanel } from './ui/SidePanel'
import type { Anchor } from '@shared/checks'
import { carryForward } from '@shared/carry'
import { outlineEntries, type OutlineEntry } from './features/outline/outlineEntries'
import { useFindings } from './features/checks/useFindings'
import { Notice, type NoticeState } from './ui/Notice'
import { publishIfShared, useCollab } from './features/collab/useCollab'
import { OfficeSync } from './features/collab/OfficeSync'

interface Opened {
  record: ReportRecord
  /** Bumped when the same report is loaded again (a restored version), so the editor remounts. */
  generation: number
  /** Marked on this load: the figures of a report just carried forward. */
  highlight?: Anchor[]
  caret?: SessionState['caret']
  scrollTop?: number
}

export function App() {
  const [drafts, setDrafts] = useState<DraftSummary[]>([])
  const [opened, setOpened] = useState<Opened | null>(null)
  const [meta, setMeta] = useState<ReportMeta>(emptyReport().meta)
  const [info, setInfo] = useState<DocumentInfo | null>(null)
  // Not a transition: rendering this in slices let a reopened draft's restored caret land after the
  // clerk had already clicked and typed (the crash test caught it). The heavy parts are elsewhere:
  // the checks run in a worker, and unchanged outline rows skip rendering.
  const onInfo = useCallback((next: DocumentInfo) => setInfo(next), [])
  const saveStatus = useMemo(() => createSaveStatusStore({ state: 'saved', at: Date.now() }), [])
  const [editor, setEditor] = useState<LexicalEditor | null>(null)
  const [loadProblem, setLoadProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<NoticeState | null>(null)
  const [showOutline, setShowOutline] = useState(true)
  const [view, setView] = useState<'editor' | 'library' | 'settings'>('editor')
  const [trash, setTrash] = useState<DraftSummary[]>([])
  const [importing, setImporting] = useState<{ files: FileImport[]; kept: Set<string>[] } | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number; name: string; title: string } | null>(null)
  const flushRef = useRef<(() => Promise<void>) | null>(null)
  useAutoBackup()
  const search = useSearchIndex()
  const openedIdRef = useRef<string | null>(null)
  openedIdRef.current = opened?.record.id ?? null
  /** A section to scroll to once the report opened from a search result is in the editor. */
  const [jump, setJump] = useState<{ id: string; path: string[] } | null>(null)
  const [dialog, setDialog] = useState<'new' | 'save-template' | 'script' | null>(null)
  const [scriptSelection, setScriptSelection] = useState('')
  /** Last period's report of the same kind and unit, for the figures view and the checks. */
  const [previous, setPrevious] = useState<{ title: string; report: Report } | null>(null)
  const registerFlush = useCallback((f: (() => Promise<void>) | null) => {
    flushRef.current = f
  }, [])
  const flush = useCallback(async () => {
    await flushRef.current?.()
  }, [])

  const refreshList = useCallback(async () => {
    setDrafts(await listReports())
    setTrash(await listTrash())
  }, [])

  const open = useCallback(
    async (id: string, restore?: SessionState, stayInLibrary = false, highlight?: Anchor[]) => {
      await flush()
      const record = await getReport(id)
      if (!record) return
      // A blank draft that was never written in is not worth keeping once the clerk moves on.
      const left = openedIdRef.current
      if (left && left !== id && (await discardIfBlank(left))) void refreshList()
      setMeta(record.report.meta)
      setInfo(null)
      setLoadProblem(null)
      setOpened((prev) => ({ record, caret: restore?.caret, scrollTop: restore?.scrollTop, generation: (prev?.generation ?? 0) + 1, highlight }))
      if (!stayInLibrary) setView('editor')
      await saveSession({ reportId: id, caret: restore?.caret, scrollTop: restore?.scrollTop })
    },
    [flush, refreshList]
  )

  const create = useCallback(
    async (report: Report = emptyReport({ kind: 'annual' })) => {
      await flush()
      const record = await createReport(report)
      await refreshList()
      await open(record.id)
    },
    [flush, open, refreshList]
  )

  // Start: reopen the last draft where it was, or start a blank one.
  useEffect(() => {
    let cancelled = false
    void (async () => {
      await purgeTrash()
      const session = await loadSession()
      const list = await listReports()
      if (cancelled) return
      setDrafts(list)
      const id = session.reportId && list.some((d) => d.id === session.reportId) ? session.reportId : list[0]?.id
      if (id) await open(id, id === session.reportId ? session : undefined)
      else await create()
    })()
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const remove = useCallback(
    async (d: DraftSummary) => {
      if (!window.confirm(`把“${d.title || '未命名'}”移到回收站？30 天内可以恢复。`)) return
      if (opened?.record.id === d.id) flushRef.current = null
      await trashReport(d.id)
      void search.remove(d.id)
      const list = await listReports()
      setDrafts(list)
      setTrash(await listTrash())
      if (opened?.record.id === d.id) {
        if (list[0]) await open(list[0].id, undefined, view === 'library')
        else await create()
      }
    },
    [opened, open, create, view]
  )

  const onReportPasted = useCallback(
    async (pasted: ReportMeta, others: Report[]) => {
      setMeta((m) => ({ ...m, ...Object.fromEntries(Object.entries(pasted).filter(([, v]) => v !== '')) }))
      if (others.length === 0) return
      for (const r of others) await createReport(r)
      await refreshList()
      void search.reloadAll()
      setNotice({ kind: 'info', text: `粘贴的内容里有 ${others.length + 1} 篇总结：第一篇在当前草稿中，其余 ${others.length} 篇已分别存为草稿。` })
    },
    [refreshList]
  )

  /**
   * After a save only the saved report's row and its search entry change: reading one record
   * (not the whole archive) keeps a save during continuous typing cheap.
   */
  const afterSave = useCallback(
    async (id: string) => {
      const record = await getReport(id)
      if (!record) return
      const { report: _r, editorState: _e, ...summary } = record
      setDrafts((prev) => [summary, ...prev.filter((d) => d.id !== id)])
      await search.client()?.upsert(searchDocFromRecord(record))
    },
    [search]
  )

  const onStatus = useCallback(
    (s: SaveStatus) => {
      saveStatus.set(s)
      if (s.state === 'saved' && openedIdRef.current) void afterSave(openedIdRef.current)
    },
    [afterSave, saveStatus]
  )

  const exportAs = useCallback(
    async (format: ExportFormat) => {
      if (!editor) return
      await flush()
      const report = readDocumentInfo(editor, meta).report
      try {
        const docx = await loadDocxPreferences()
        let result = await window.api.exportReport({ report, format, docx })
        if (result.status === 'exists') {
          if (!window.confirm(`文件“${result.path}”已存在，要替换它吗？`)) return
          result = await window.api.exportReport({ report, format, overwriteToken: result.overwriteToken, docx })
        }
        if (result.status === 'saved') {
          setNotice({ kind: 'success', text: `已导出：${result.path}`, path: result.path })
          const saved = opened && (await getReport(opened.record.id))
          if (saved) await addVersion(saved, 'export', `导出为 ${format}`)
        }
        else if (result.status === 'error') setNotice({ kind: 'error', text: result.message })
      } catch (e) {
        setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
      }
    },
    [editor, flush, meta, opened]
  )

  const startImport = useCallback(async (folder: boolean) => {
    try {
      const files = folder ? await window.api.importFolderDialog() : await window.api.importFilesDialog()
      setProgress(null)
      if (files.length) setImporting({ files, kept: files.map(() => new Set<string>()) })
    } catch (e) {
      setProgress(null)
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
    }
  }, [])

  const onMenu = useCallback(
    (command: MenuCommand) => {
      if (command === 'new-report') setDialog('new')
      else if (command === 'toggle-outline') setShowOutline((v) => !v)
      else if (command === 'show-library') setView((v) => (v === 'library' ? 'editor' : 'library'))
      else if (command === 'import-files') void startImport(false)
      else if (command === 'import-folder') void startImport(true)
      else if (command.startsWith('export-')) void exportAs(command.slice('export-'.length) as ExportFormat)
    },
    [create, exportAs, startImport]
  )

  // Menu commands and the close handshake from main.
  useEffect(() => {
    const offMenu = window.api.onMenuCommand(onMenu)
    const offClose = window.api.onBeforeClose(() => {
      void flush().finally(() => void window.api.closeReady())
    })
    return () => {
      offMenu()
      offClose()
    }
  }, [onMenu, flush])

  // Outside Electron there is no native menu: the same shortcuts are handled here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const k = e.key.toLowerCase()
      const command: MenuCommand | null =
        k === 'n'
          ? 'new-report'
          : k === 'e'
            ? e.shiftKey
              ? 'export-pdf'
              : 'export-docx'
            : k === 'o'
              ? e.shiftKey
                ? 'import-folder'
                : 'import-files'
              : k === '\\'
                ? 'toggle-outline'
                : k === 'l'
                  ? 'show-library'
                  : null
      if (!command) return
      e.preventDefault()
      onMenu(command)
    }
    let off = () => {}
    void window.api.getAppInfo().then((appInfo) => {
      if (appInfo.shell === 'electron') return
      window.addEventListener('keydown', onKey)
      off = () => window.removeEventListener('keydown', onKey)
    })
    return () => off()
  }, [onMenu])

  /** Re-reads one file of the preview keeping a line the clerk says is not noise. */
  const restoreNoise = useCallback((fileIndex: number, line: string) => {
    setImporting((cur) => {
      if (!cur) return cur
      const file = cur.files[fileIndex]
      if (!file.source) return cur
      const kept = new Set(cur.kept[fileIndex]).add(line)
      const result = importLines(file.source.lines, { headingHints: file.source.headingHints, keep: kept })
      const files = cur.files.map((f, i) => (i === fileIndex ? { ...f, result: { ...result, encoding: f.result?.encoding } } : f))
      return { files, kept: cur.kept.map((k, i) => (i === fileIndex ? kept : k)) }
    })
  }, [])

  const confirmImport = useCallback(
    async (chosen: PreviewReport[]) => {
      setImporting(null)
      for (const c of chosen) await createReport(c.report)
      await refreshList()
      void search.reloadAll()
      setNotice({ kind: 'success', text: `已导入 ${chosen.length} 篇总结。` })
    },
    [refreshList, search]
  )

  useEffect(() => window.api.onImportProgress((p) => setProgress(p.done < p.total ? { ...p, title: '正在导入…' } : null)), [])
  useEffect(() => window.api.onExportProgress((p) => setProgress(p.done < p.total ? { ...p, title: '正在导出…' } : null)), [])

  const exportMany = useCallback(
    async (ids: string[], format: ExportFormat) => {
      await flush()
      const reports = (await Promise.all(ids.map((id) => getReport(id)))).filter((r): r is ReportRecord => !!r).map((r) => r.report)
      try {
        const r = await window.api.exportMany({ reports, format, docx: await loadDocxPreferences() })
        setProgress(null)
        if (r.status === 'canceled') return
        const failed = r.files.filter((f) => f.error)
        setNotice({
          kind: failed.length ? 'error' : 'success',
          text: `已导出 ${r.files.length - failed.length} 篇到 ${r.dir}${failed.length ? `；${failed.length} 篇失败：${failed.map((f) => `《${f.title}》${f.error}`).join('；')}` : ''}`
        })
      } catch (e) {
        setProgress(null)
        setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
      }
    },
    [flush]
  )

  /** After a change to a report from the library, the open editor reloads it if it is that one. */
  const reloadIfOpen = useCallback(
    async (id: string) => {
      await refreshList()
      void search.refresh(id)
      if (opened?.record.id === id) {
        const record = await getReport(id)
        if (record) {
          setMeta(record.report.meta)
          setOpened((prev) => ({ record, generation: (prev?.generation ?? 0) + 1 }))
        }
      }
    },
    [opened, refreshList, search]
  )

  const carry = useCallback(
    async (id: string) => {
      if (opened?.record.id === id) await flush()
      const source = await getReport(id)
      if (!source) return
      const { report, figureAnchors, to } = carryForward(source.report)
      const record = await createReport(report, { previousId: id })
      // The carried text as it started: the first entry of the new draft's history.
      await addVersion(record, 'auto', `结转自《${source.report.meta.title}》`)
      await refreshList()
      await open(record.id, undefined, false, figureAnchors)
      setNotice({ kind: 'info', text: `已结转为${to ? `“${report.meta.period || report.meta.title}”` : '下一期'}的草稿。黄色标出的 ${figureAnchors.length} 个数字仍是上期的，请逐一更新。` })
    },
    [opened, flush, refreshList, open]
  )

  const libraryActions: LibraryActions = {
    open: (id) => void open(id),
    carryForward: (id) => void carry(id),
    finalize: (id) =>
      void (async () => {
        if (opened?.record.id === id) await flush()
        const record = await getReport(id)
        if (!record) return
        await addVersion(record, 'finalize', '定稿')
        await setReportStatus(id, 'final')
        await reloadIfOpen(id)
        await publishIfShared(id, notify)
      })(),
    reopen: (id) =>
      void (async () => {
        await setReportStatus(id, 'draft')
        await reloadIfOpen(id)
      })(),
    trash: (row) => void remove(row),
    restore: (id) =>
      void (async () => {
        await restoreFromTrash(id)
        await refreshList()
        void search.refresh(id)
      })(),
    exportMany: (ids, format) => void exportMany(ids, format),
    importFiles: () => void startImport(false),
    importFolder: () => void startImport(true)
  }

  const saveVersion = useCallback(
    async (note: string) => {
      if (!opened) return
      await flush()
      const record = await getReport(opened.record.id)
      if (record) await addVersion(record, 'manual', note)
    },
    [opened, flush]
  )

  const restore = useCallback(
    async (v: VersionRecord) => {
      if (!window.confirm('恢复这个版本？当前内容会先保存为一个版本，不会丢失。')) return
      await flush()
      flushRef.current = null
      const record = await restoreVersion(v.seq!)
      setMeta(record.report.meta)
      setOpened((prev) => ({ record, generation: (prev?.generation ?? 0) + 1 }))
      await refreshList()
    },
    [flush, refreshList]
  )

  // Leaving the editor for another screen saves first: a backup or export taken there sees the latest text.
  useEffect(() => {
    if (view !== 'editor') void flush()
  }, [view, flush])

  const openHit = useCallback(
    (hit: SearchHit) => {
      setJump({ id: hit.docId, path: hit.path })
      void open(hit.docId)
    },
    [open]
  )

  // Once the report from a search result is in the editor, scroll to the section that matched.
  useEffect(() => {
    if (!jump || !info || !editor || opened?.record.id !== jump.id) return
    setJump(null)
    if (jump.path.length === 0) return
    const target = jump.path[jump.path.length - 1]
    const i = numberSections(info.report.sections).findIndex((n) => `${n.marker}${n.section.title}` === target)
    if (i >= 0 && info.headingKeys[i]) jumpToHeading(editor, info.headingKeys[i])
  }, [jump, info, editor, opened])

  // The previous period: the report this one was carried forward from, or else the latest
  // earlier report of the same kind and unit in the archive.
  const prevKey = `${opened?.record.id}|${opened?.record.previousId ?? ''}|${meta.kind}|${meta.unit}|${info ? (info.report.meta.period || info.report.meta.title).match(/(19|20)\d{2}/)?.[0] : ''}`
  useEffect(() => {
    let live = true
    void (async () => {
      if (!opened) return setPrevious(null)
      let id = opened.record.previousId
      if (!id) {
        const year = Number(prevKey.split('|')[4]) || null
        const candidates = drafts.filter((d) => d.id !== opened.record.id && d.kind === meta.kind && d.unit === meta.unit && d.year !== null && year !== null && d.year < year)
        candidates.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || b.updatedAt - a.updatedAt)
        id = candidates[0]?.id
      }
      const record = id ? await getReport(id) : undefined
      if (live) setPrevious(record && !record.deletedAt ? { title: record.title, report: record.report } : null)
    })()
    return () => {
      live = false
    }
    // drafts changes on every save; the key holds what decides the previous report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prevKey])

  const notify = useCallback((kind: 'success' | 'error' | 'info', text: string) => setNotice({ kind, text }), [])

  /** After a restore the open report may have changed or gone: reload it, or the newest one. */
  const afterRestore = useCallback(async () => {
    flushRef.current = null
    const list = await listReports()
    await refreshList()
    void search.reloadAll()
    const id = opened && list.some((d) => d.id === opened.record.id) ? opened.record.id : list[0]?.id
    if (id) await open(id, undefined, true)
    else await create()
  }, [opened, refreshList, open, create, search])

  // Stable callbacks: the memoised panels then skip the re-renders of App they have no part in.
  const openFromList = useCallback((id: string) => void open(id), [open])
  const showNewDialog = useCallback(() => setDialog('new'), [])
  const removeFromList = useCallback((d: DraftSummary) => void remove(d), [remove])
  const toggleLibrary = useCallback(() => setView((v) => (v === 'library' ? 'editor' : 'library')), [])
  const toggleSettings = useCallback(() => setView((v) => (v === 'settings' ? 'editor' : 'settings')), [])
  const onExportFormat = useCallback((f: ExportFormat) => void exportAs(f), [exportAs])
  const onSaveTemplate = useCallback(() => setDialog('save-template'), [])
  const onConvertScript = useCallback(() => {
    setScriptSelection(editor ? selectedText(editor) : '')
    setDialog('script')
  }, [editor])

  // The last entries, so unchanged sections keep their objects (see outlineEntries).
  const lastEntries = useRef<OutlineEntry[]>([])
  const entries = useMemo(() => (lastEntries.current = info ? outlineEntries(info, lastEntries.current) : []), [info])
  const stats = useMemo(() => (info ? reportStats(info.report) : { characters: 0, pages: 1 }), [info])
  const checked = useFindings(info?.report ?? null, previous?.report ?? null)
  const readOnly = loadProblem !== null || opened?.record.status === 'final'
  const collab = useCollab({ record: opened?.record ?? null, meta, setMeta, flush, notify, editor, readOnly })
  const toolbar = useMemo(
    () => (
      <>
        <Toolbar meta={meta} readOnly={readOnly} onExport={onExportFormat} onSaveTemplate={onSaveTemplate} onConvertScript={onConvertScript} />
        {collab.bar}
        <MetaBar meta={meta} readOnly={readOnly} onChange={setMeta} />
        {loadProblem && (
          <div className="banner banner-warning" role="alert">
            {loadProblem}
          </div>
        )}
      </>
    ),
    [meta, readOnly, onExportFormat, onSaveTemplate, onConvertScript, loadProblem, collab.bar]
  )

  return (
    <div className={`app${showOutline && view === 'editor' ? '' : ' no-outline'}`}>
      <DraftList
        drafts={drafts}
        currentId={view === 'editor' ? opened?.record.id ?? null : null}
        onOpen={openFromList}
        onCreate={showNewDialog}
        onDelete={removeFromList}
        onLibrary={toggleLibrary}
        libraryOpen={view === 'library'}
        onSettings={toggleSettings}
        settingsOpen={view === 'settings'}
      />
      <main className="editor-area">
        {view === 'library' && (
          <LibraryScreen
            reports={drafts}
            trash={trash}
            actions={libraryActions}
            search={(filter) => <SearchBox client={search.client} filter={filter} onOpen={openHit} />}
          />
        )}
        {view === 'settings' && <SettingsScreen onRestored={afterRestore} notify={notify} />}
        {/* The editor stays mounted behind the other screens: unmounting would reload a stale copy of the report. */}
        <div className="editor-pane" hidden={view !== 'editor'}>
        {opened && !collab.pending ? (
          <ReportEditor
            key={`${opened.record.id}:${opened.generation}:${collab.key}`}
            collaboration={collab.editor}
            record={opened.record}
            meta={meta}
            caret={opened.caret}
            scrollTop={opened.scrollTop}
            onInfo={onInfo}
            onStatus={onStatus}
            onEditor={setEditor}
            registerFlush={registerFlush}
            onLoadProblem={setLoadProblem}
            onReportPasted={(pasted, others) => void onReportPasted(pasted, others)}
            highlight={opened.highlight}
            toolbar={toolbar}
          />
        ) : (
          <div className="loading">正在打开…</div>
        )}
        </div>
        {notice && <Notice notice={notice} onClose={() => setNotice(null)} />}
        <OfficeSync onChanged={() => void refreshList().then(() => search.reloadAll())} />
        {dialog === 'new' && (
          <NewReportDialog
            reports={drafts}
            onCancel={() => setDialog(null)}
            onCreate={(report) => {
              setDialog(null)
              void create(report)
            }}
            onCarry={(id) => {
              setDialog(null)
              void carry(id)
            }}
          />
        )}
        {dialog === 'script' && info && editor && (
          <ScriptDialog editor={editor} report={info.report} selection={scriptSelection} onApplied={(m) => setMeta((cur) => ({ ...cur, ...m, title: cur.title }))} onClose={() => setDialog(null)} />
        )}
        {dialog === 'save-template' && info && (
          <PromptDialog
            title="存为模板"
            label="模板名称"
            initial={info.report.meta.title.replace(/^\d{4}年度?/, '') || '我的模板'}
            onCancel={() => setDialog(null)}
            onOk={(name) => {
              setDialog(null)
              void saveUserTemplate(templateFromReport(info.report, name)).then(() => setNotice({ kind: 'success', text: `已存为模板“${name}”，新建总结时可以选用。` }))
            }}
          />
        )}
        {progress && <ImportProgress {...progress} />}
        {importing && (
          <ImportPreview files={importing.files} onRestoreNoise={restoreNoise} onConfirm={(c) => void confirmImport(c)} onCancel={() => setImporting(null)} />
        )}
      </main>
      {showOutline && view === 'editor' && (
        <SidePanel
          tabs={[
            { id: 'outline', label: '大纲', content: <OutlinePanel entries={entries} editor={editor} extra={collab.outlineExtra} /> },
            { id: 'checks', label: '校对', badge: checked.findings.length, content: <ChecksPanel findings={checked.findings} report={checked.report} editor={editor} readOnly={readOnly} /> },
            ...collab.tabs,
            { id: 'figures', label: '数据', content: <FiguresPanel report={info?.report ?? null} previous={previous} editor={editor} /> },
            {
              id: 'versions',
              label: '历史',
              content: opened && (
                <VersionsPanel key={`${opened.record.id}:${opened.generation}`} reportId={opened.record.id} current={info?.report ?? null} readOnly={readOnly} saveStatus={saveStatus} onSave={saveVersion} onRestore={restore} />
              )
            }
          ]}
        />
      )}
      <StatusBar characters={stats.characters} pages={stats.pages} saveStatus={saveStatus} readOnly={readOnly} />
    </div>
  )
}

import { useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { LexicalEditor } from 'lexical'
import type { ReportMeta } from '@shared/doc/model'
import { $editorToReport } from '../../convert/toModel'
import { withModelExtras } from '../../modelExtras'
import { saveReport } from '../../../db/reports'
import { maybeAutoVersion } from '../../../db/versions'
import { saveSession } from '../../../db/session'
import { noteClerkWriting } from '../../../db/foreground'
import { $caret } from '../../caret'

export type SaveStatus = { state: 'saved'; at: number } | { state: 'pending' } | { state: 'saving' } | { state: 'error'; message: string }

export function saveErrorMessage(e: unknown): string {
  // Dexie wraps the browser's error, sometimes twice (AbortError → inner → QuotaExceededError).
  const full = (x: unknown, depth = 0): boolean => !!x && depth < 5 && ((x as { name?: unknown }).name === 'QuotaExceededError' || full((x as { inner?: unknown }).inner, depth + 1))
  if (full(e)) return '磁盘空间不足，无法保存。文字仍在编辑器中，腾出空间后会自动保存。'
  return `保存失败：${e instanceof Error ? e.message : String(e)}。文字仍在编辑器中，稍后会再次尝试保存。`
}

/**
 * Saves to IndexedDB at most 1 s after a change, and at once when the window
 * loses focus, is hidden or is about to close. A failed save keeps the text in the
 * editor and is retried on the next change, or after `delay` on its own.
 */
export function AutosavePlugin({
  reportId,
  meta,
  onStatus,
  registerFlush,
  delay = 1000
}: {
  reportId: string
  meta: ReportMeta
  onStatus: (s: SaveStatus) => void
  registerFlush: (flush: (() => Promise<void>) | null) => void
  delay?: number
}): null {
  const [editor] = useLexicalComposerContext()
  const latest = useRef({ meta, onStatus })
  latest.current = { meta, onStatus }
  /**
   * Reports a status only when it differs from the last one: a keystroke that finds the draft
   * already "pending" changes nothing on screen, so it must not re-render the window.
   */
  const lastState = useRef<SaveStatus['state'] | null>(null)
  const report = (s: SaveStatus) => {
    if (s.state === 'pending' && lastState.current === 'pending') return
    lastState.current = s.state
    latest.current.onStatus(s)
  }
  const reportRef = useRef(report)
  reportRef.current = report
  const metaDirty = useRef(false)
  const scheduleRef = useRef<(() => void) | null>(null)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let dirty = false
    let running: Promise<void> | null = null
    /** How long the last save took to get the text into the database, from the moment it was due. */
    let lastSaveMs = 0

    const save = async (e: LexicalEditor, due: number) => {
      const state = e.getEditorState()
      const json = JSON.stringify(state.toJSON())
      const { report, caret } = state.read(() => ({ report: withModelExtras(e, $editorToReport(latest.current.meta)), caret: $caret() }))
      await saveReport(reportId, report, json)
      lastSaveMs = performance.now() - due
      // A snapshot at most every 10 minutes of editing, so yesterday's text is never more than a click away.
      await maybeAutoVersion(reportId)
      await saveSession({ reportId, caret, scrollTop: document.querySelector('.page-scroll')?.scrollTop })
    }

    let failed = false
    let disposed = false
    // Started early by what a save takes (with room for one slower than the last), so the text is
    // in the database within `delay` of the change.
    const arm = () => {
      if (timer === undefined && !disposed) timer = setTimeout(() => void flush(), delay - Math.min(50 + 2 * lastSaveMs, delay / 2))
    }

    const flush = async (): Promise<void> => {
      const due = performance.now()
      clearTimeout(timer)
      timer = undefined
      if (running) await running
      if (!dirty && !metaDirty.current) return
      dirty = false
      metaDirty.current = false
      // A retry keeps the error on screen until it succeeds: no flicker, no repeated announcement.
      if (!failed) reportRef.current({ state: 'saving' })
      running = save(editor, due)
        .then(() => {
          failed = false
          // Changes typed while this save ran are not in it: the status must not claim "saved".
          reportRef.current(dirty || metaDirty.current ? { state: 'pending' } : { state: 'saved', at: Date.now() })
        })
        .catch((e: unknown) => {
          dirty = true
          failed = true
          reportRef.current({ state: 'error', message: saveErrorMessage(e) })
          // The message promises a save once there is space again: try again without waiting for a keystroke.
          arm()
        })
        .finally(() => {
          running = null
        })
      await running
    }

    const schedule = () => {
      dirty = true
      noteClerkWriting()
      if (!failed) reportRef.current({ state: 'pending' })
      // Not pushed back by further changes: while a clerk types without a pause, the text is still
      // saved every `delay`, so a crash loses at most the last second of typing.
      arm()
    }

    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has('load-report')) return
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) schedule()
    })
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush()
    }
    const onBlur = () => void flush()
    window.addEventListener('blur', onBlur)
    window.addEventListener('pagehide', onBlur)
    document.addEventListener('visibilitychange', onHide)
    registerFlush(flush)
    scheduleRef.current = () => {
      metaDirty.current = true
      schedule()
    }
    return () => {
      offUpdate()
      window.removeEventListener('blur', onBlur)
      window.removeEventListener('pagehide', onBlur)
      document.removeEventListener('visibilitychange', onHide)
      registerFlush(null)
      scheduleRef.current = null
      disposed = true
      void flush()
    }
  }, [editor, reportId, delay, registerFlush])

  // A metadata change (kind, period, unit…) is a change to save too.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    scheduleRef.current?.()
  }, [meta])
  return null
}

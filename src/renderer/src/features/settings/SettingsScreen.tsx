import { useCallback, useEffect, useState } from 'react'
import type { RestoreMode, RestorePreview } from '@shared/backup'
import type { AutoBackupState } from '@shared/ipc'
import { db } from '../../db/database'
import { applyRestore, previewRestore } from '../../db/restore'
import { ImportProgress } from '../import/ImportPreview'
import { RestoreDialog } from './RestoreDialog'
import { DocxPreferencesCard } from './DocxPreferencesCard'
import { openedBackup, runBackup } from './backupFlow'
import { OfficeServerCard } from '../collab/OfficeServerCard'

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

interface Progress {
  title: string
  done: number
  total: number
  name: string
}

/** Backup to a file, restore from one (with a preview), and the daily automatic backup. */
export function SettingsScreen({ onRestored, notify }: { onRestored: () => Promise<void>; notify: (kind: 'success' | 'error' | 'info', text: string) => void }) {
  const [auto, setAuto] = useState<AutoBackupState | null>(null)
  const [restoring, setRestoring] = useState<{ name: string; session: string; preview: RestorePreview } | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const busy = progress !== null

  useEffect(() => {
    void window.api.getAutoBackup().then(setAuto, (e: unknown) => notify('error', message(e)))
  }, [notify])

  /** A progress callback for the dialog: records done out of the total, under a title. */
  const track = (title: string, name = '') => (done: number, total?: number) => setProgress({ title, done, total: total ?? Math.max(done, 1), name })

  const backup = useCallback(async () => {
    setProgress({ title: '正在备份…', done: 0, total: 1, name: '' })
    try {
      const r = await runBackup('manual', { onProgress: track('正在备份…') })
      if (r) notify('success', `已备份 ${r.counts.reports} 篇总结、${r.counts.versions} 个历史版本到 ${r.path}${r.skipped.length ? `（${r.skipped.length} 条无法备份的记录已跳过）` : ''}`)
    } catch (e) {
      notify('error', message(e))
    } finally {
      setProgress(null)
    }
  }, [notify])

  const openBackup = useCallback(async () => {
    let session: string | null = null
    try {
      const r = await window.api.backupOpen()
      if (r.status !== 'opened') return
      session = r.session
      // The whole file is read (and every checksum verified) before anything is shown.
      const preview = await previewRestore(db, openedBackup(r.session), track('正在读取备份…', r.name))
      setRestoring({ name: r.name, session: r.session, preview })
      session = null
    } catch (e) {
      notify('error', message(e))
    } finally {
      setProgress(null)
      if (session) void window.api.backupClose({ session })
    }
  }, [notify])

  const cancelRestore = useCallback(() => {
    if (restoring) void window.api.backupClose({ session: restoring.session })
    setRestoring(null)
  }, [restoring])

  const apply = useCallback(
    async (mode: RestoreMode) => {
      if (!restoring) return
      setRestoring(null)
      try {
        // Even a replace can be undone: the archive as it is now is kept in the app's folder first.
        if (mode === 'replace') await runBackup('safety', { onProgress: track('正在保存当前文档库的安全备份…') })
        const done = await applyRestore(db, openedBackup(restoring.session), mode, track('正在恢复…', restoring.name))
        await onRestored()
        notify('success', `恢复完成：新增 ${done.reports.add.length} 篇，更新 ${done.reports.replace.length} 篇。`)
      } catch (e) {
        notify('error', `恢复失败，文档库没有改动：${message(e)}`)
      } finally {
        setProgress(null)
        void window.api.backupClose({ session: restoring.session })
      }
    },
    [restoring, onRestored, notify]
  )

  const update = async (change: Promise<AutoBackupState>) => {
    try {
      setAuto(await change)
    } catch (e) {
      notify('error', message(e))
    }
  }

  return (
    <section className="settings" aria-label="设置与备份">
      <h1 className="library-title">设置与备份</h1>
      <section className="settings-card" aria-label="备份与恢复">
        <h2>备份与恢复</h2>
        <p className="muted">把所有总结、历史版本和设置保存到一个备份文件（.zjbak），换电脑或重装系统后可以恢复。</p>
        <div className="settings-row">
          <button type="button" className="primary" disabled={busy} onClick={() => void backup()}>
            备份到文件…
          </button>
          <button type="button" disabled={busy} onClick={() => void openBackup()}>
            从备份恢复…
          </button>
        </div>
      </section>
      <section className="settings-card" aria-label="自动备份">
        <h2>每日自动备份</h2>
        {auto && (
          <>
            <div className="settings-row">
              <span>备份文件夹：{auto.dir ?? <em className="muted">未选择</em>}</span>
              <button type="button" onClick={() => void update(window.api.chooseAutoBackupFolder())}>
                选择文件夹…
              </button>
            </div>
            <div className="settings-row">
              <label>
                <input type="checkbox" checked={auto.enabled} disabled={!auto.dir} onChange={(e) => void update(window.api.setAutoBackup({ enabled: e.target.checked, keep: auto.keep }))} /> 每天自动备份一次
              </label>
              <label>
                保留最近
                <input
                  type="number"
                  min={1}
                  max={365}
                  value={auto.keep}
                  className="keep-input"
                  onChange={(e) => {
                    const keep = Math.max(1, Math.min(365, Number(e.target.value) || 1))
                    void update(window.api.setAutoBackup({ enabled: auto.enabled, keep }))
                  }}
                />
                份
              </label>
            </div>
            <p className="muted">{auto.latest ? `最近一次：${auto.latest}` : '还没有自动备份。'}</p>
          </>
        )}
      </section>
      <DocxPreferencesCard />
      <OfficeServerCard notify={notify} />
      {restoring && <RestoreDialog name={restoring.name} preview={restoring.preview} onApply={(m) => void apply(m)} onCancel={cancelRestore} />}
      {progress && <ImportProgress {...progress} />}
    </section>
  )
}

/** Runs the daily backup when it is due: at start and every few hours while the app stays open. */
export function useAutoBackup(): void {
  useEffect(() => {
    const run = async () => {
      try {
        const state = await window.api.getAutoBackup()
        if (state.enabled && state.due) await runBackup('auto')
      } catch (e) {
        console.error('自动备份失败', e)
      }
    }
    const first = setTimeout(() => void run(), 5000)
    const every = setInterval(() => void run(), 3 * 3600 * 1000)
    return () => {
      clearTimeout(first)
      clearInterval(every)
    }
  }, [])
}

import { useCallback, useEffect, useState } from 'react'
import type { RestoreMode, RestorePreview, Archive } from '@shared/backup'
import type { AutoBackupState } from '@shared/ipc'
import { db } from '../../db/database'
import { applyRestore, dumpArchive, previewRestore } from '../../db/backup'
import { RestoreDialog } from './RestoreDialog'
import { DocxPreferencesCard } from './DocxPreferencesCard'
import { OfficeServerCard } from '../collab/OfficeServerCard'

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Backup to a file, restore from one (with a preview), and the daily automatic backup. */
export function SettingsScreen({ onRestored, notify }: { onRestored: () => Promise<void>; notify: (kind: 'success' | 'error' | 'info', text: string) => void }) {
  const [auto, setAuto] = useState<AutoBackupState | null>(null)
  const [restoring, setRestoring] = useState<{ name: string; archive: Archive; preview: RestorePreview } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void window.api.getAutoBackup().then(setAuto, (e: unknown) => notify('error', message(e)))
  }, [notify])

  const backup = useCallback(async () => {
    setBusy(true)
    try {
      const archive = await dumpArchive(db)
      let r = await window.api.backupSave({ archive })
      if (r.status === 'exists') {
        if (!window.confirm(`文件“${r.path}”已存在，要替换它吗？`)) return
        r = await window.api.backupSave({ archive, overwriteToken: r.overwriteToken })
      }
      if (r.status === 'saved') notify('success', `已备份 ${r.counts.reports} 篇总结、${r.counts.versions} 个历史版本到 ${r.path}${r.skipped.length ? `（${r.skipped.length} 条无法备份的记录已跳过）` : ''}`)
    } catch (e) {
      notify('error', message(e))
    } finally {
      setBusy(false)
    }
  }, [notify])

  const openBackup = useCallback(async () => {
    try {
      const r = await window.api.backupOpen()
      if (r.status === 'opened') setRestoring({ name: r.name, archive: r.archive, preview: await previewRestore(db, r.archive) })
    } catch (e) {
      notify('error', message(e))
    }
  }, [notify])

  const apply = useCallback(
    async (mode: RestoreMode) => {
      if (!restoring) return
      setRestoring(null)
      setBusy(true)
      try {
        // Even a replace can be undone: the archive as it is now is kept in the app's folder first.
        if (mode === 'replace') await window.api.safetyBackup({ archive: await dumpArchive(db) })
        const done = await applyRestore(db, restoring.archive, mode)
        await onRestored()
        notify('success', `恢复完成：新增 ${done.reports.add.length} 篇，更新 ${done.reports.replace.length} 篇。`)
      } catch (e) {
        notify('error', `恢复失败，文档库没有改动：${message(e)}`)
      } finally {
        setBusy(false)
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
      {restoring && <RestoreDialog name={restoring.name} preview={restoring.preview} onApply={(m) => void apply(m)} onCancel={() => setRestoring(null)} />}
    </section>
  )
}

/** Runs the daily backup when it is due: at start and every few hours while the app stays open. */
export function useAutoBackup(): void {
  useEffect(() => {
    const run = async () => {
      try {
        const state = await window.api.getAutoBackup()
        if (state.enabled && state.due) await window.api.runAutoBackup({ archive: await dumpArchive(db) })
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

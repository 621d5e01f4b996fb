import { useState } from 'react'
import type { RestoreMode, RestorePreview } from '@shared/backup'
import { Modal } from '../../ui/Modal'

function titles(list: { title: string }[], max = 6): string {
  const shown = list.slice(0, max).map((r) => `《${r.title || '未命名'}》`)
  return shown.join('、') + (list.length > max ? ` 等 ${list.length} 篇` : '')
}

/** What a restore would do, before it does anything: merge (default) or replace everything. */
export function RestoreDialog({ name, preview, onApply, onCancel }: { name: string; preview: RestorePreview; onApply: (mode: RestoreMode) => void; onCancel: () => void }) {
  const [mode, setMode] = useState<RestoreMode>('merge')
  const r = preview.reports
  return (
    <Modal label="从备份恢复" onCancel={onCancel}>
        <h2 className="modal-title">从备份恢复</h2>
        <p className="muted">
          {name}
          {preview.source ? ` · 备份于 ${new Date(preview.source.createdAt).toLocaleString('zh-CN')}` : ''} · 共 {preview.backup.reports} 篇总结、{preview.backup.versions} 个历史版本
        </p>
        <div className="modal-body restore-body">
          <fieldset>
            <legend>恢复方式</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> 合并（推荐）：加入备份中的总结，较新的内容优先，另一份保存为历史版本，什么都不会丢
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> 替换：文档库恢复成备份时的样子（当前内容会先自动备份）
            </label>
          </fieldset>
          <ul className="restore-summary" aria-label="恢复预览">
            <li data-kind="add">新增 {r.add.length} 篇{r.add.length ? `：${titles(r.add)}` : ''}</li>
            <li data-kind="replace">
              {mode === 'merge' ? '用备份中较新的内容更新' : '用备份内容替换'} {mode === 'merge' ? r.replace.length : r.replace.length + r.keepLocal.length} 篇
              {r.replace.length ? `：${titles(r.replace)}` : ''}
            </li>
            {mode === 'merge' && r.keepLocal.length > 0 && <li data-kind="keep">保留本机较新的 {r.keepLocal.length} 篇（备份中的内容存为历史版本）</li>}
            <li data-kind="unchanged">相同 {r.unchanged.length} 篇</li>
            {r.localOnly.length > 0 && <li data-kind="local-only">{mode === 'merge' ? `保留备份中没有的 ${r.localOnly.length} 篇` : `删除备份中没有的 ${r.localOnly.length} 篇：${titles(r.localOnly)}`}</li>}
            <li data-kind="versions">历史版本：新增 {preview.versions.add} 个</li>
          </ul>
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="primary" onClick={() => onApply(mode)}>
            {mode === 'merge' ? '合并恢复' : '替换恢复'}
          </button>
        </div>
      </Modal>
  )
}

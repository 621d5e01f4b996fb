import { useEffect, useState } from 'react'
import type { DocxPreferences } from '@shared/ipc'
import { loadDocxPreferences, saveDocxPreferences } from '../../db/preferences'

const FONTS: { key: 'titleFont' | 'heading1Font' | 'heading2Font' | 'bodyFont'; label: string; standard: string }[] = [
  { key: 'titleFont', label: '标题', standard: '方正小标宋简体' },
  { key: 'heading1Font', label: '一级标题', standard: '黑体' },
  { key: 'heading2Font', label: '二级标题', standard: '楷体_GB2312' },
  { key: 'bodyFont', label: '正文及三、四级标题', standard: '仿宋_GB2312' }
]

/** Font names and bold level-3 headings for the exported .docx (the standard's values by default). */
export function DocxPreferencesCard() {
  const [prefs, setPrefs] = useState<DocxPreferences | null>(null)
  useEffect(() => {
    void loadDocxPreferences().then(setPrefs)
  }, [])
  if (!prefs) return null
  const update = (p: DocxPreferences) => {
    setPrefs(p)
    void saveDocxPreferences(p)
  }
  return (
    <section className="settings-card" aria-label="Word 导出格式">
      <h2>Word 导出格式</h2>
      <p className="muted">按 GB/T 9704—2012 排版。单位习惯不同的，可以在这里改字体名称（须与电脑上安装的字体名称一致）。</p>
      {FONTS.map((f) => (
        <div className="settings-row" key={f.key}>
          <label className="meta-field">
            <span>{f.label}字体</span>
            <input value={prefs[f.key] ?? ''} placeholder={f.standard} onChange={(e) => update({ ...prefs, [f.key]: e.target.value.trim() || undefined })} />
          </label>
        </div>
      ))}
      <label>
        <input type="checkbox" checked={prefs.level3Bold ?? false} onChange={(e) => update({ ...prefs, level3Bold: e.target.checked })} /> 三级标题（1.）加粗
      </label>
      <label>
        <input type="checkbox" checked={prefs.comments ?? true} onChange={(e) => update({ ...prefs, comments: e.target.checked })} /> 共享报告的批注导出为 Word 批注
      </label>
    </section>
  )
}

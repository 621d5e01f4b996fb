/** Marks a report that came from the office server: 办公室 (office archive, read-only) or 共享 (shared). */
export function OfficeMark({ kind }: { kind: 'shared' | 'office' | undefined }) {
  if (!kind) return null
  return (
    <span className={`office-mark ${kind}`} title={kind === 'office' ? '来自办公室文档库：只读' : '共享报告：与同事一起编辑'}>
      {kind === 'office' ? '办公室' : '共享'}
    </span>
  )
}

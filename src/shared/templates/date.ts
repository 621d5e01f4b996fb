/** A date the way a 公文 signature writes it: 2026年11月22日, Arabic figures, no zero padding (local time). */
export function formatChineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

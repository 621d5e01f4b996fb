const pad = (n: number) => String(n).padStart(2, '0')

/** `11月22日 08:30`, or with the year `2026年11月22日 08:30`: how a clerk reads a time. */
export function formatWhen(at: number, withYear = false): string {
  const d = new Date(at)
  return `${withYear ? `${d.getFullYear()}年` : ''}${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

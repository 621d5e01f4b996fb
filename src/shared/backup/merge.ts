/**
 * What restoring a backup would change, worked out on plain data so the preview shown to the clerk
 * and the restore itself come from the same plan.
 *
 * Merge policy. Reports are matched by id.
 * - Only in the backup: added.
 * - Same content: left alone.
 * - Different: the copy edited more recently (updatedAt) becomes the report; the other copy's text
 *   is saved in the report's version history (reason 'restore'). So a merge never loses anything:
 *   not newer local work (kept as the report), and not the backup's copy of a report the clerk
 *   damaged after the backup (one click away in the history, and named in the preview). On equal
 *   times the local copy stays: a restore must not silently replace what is on screen.
 * - Only local: left alone (a replace deletes them; the preview lists them for that warning).
 * Versions from the backup that are not already in the history are added with new numbers.
 * Settings: keys the local database lacks are added; existing ones keep the local value (they are
 * this computer's preferences). A replace takes everything from the backup instead.
 */
import { canonicalJson } from './canonical'
import type { Archive, BackupCounts, BackupSource, ReportRecordData, SettingRecordData, VersionRecordData } from './format'

export type RestoreMode = 'merge' | 'replace'

export interface ReportSummary {
  id: string
  title: string
  /** The backup's copy (or the local one for localOnly). */
  updatedAt: number
  /** The local copy's time, when there is one. */
  localUpdatedAt?: number
  inTrash: boolean
}

export interface RestorePreview {
  source?: BackupSource
  backup: BackupCounts
  local: BackupCounts
  reports: {
    add: ReportSummary[]
    /** Different, backup copy newer: merge takes it and saves the local text as a version. */
    replace: ReportSummary[]
    /** Different, local copy newer: merge keeps it and saves the backup's text as a version. */
    keepLocal: ReportSummary[]
    unchanged: ReportSummary[]
    /** Not in the backup: merge keeps them, replace deletes them. */
    localOnly: ReportSummary[]
  }
  versions: {
    /** Backup history entries not yet in the local history. */
    add: number
    unchanged: number
    /** Copies the merge saves as versions (the losing side of replace/keepLocal), duplicates excluded. */
    savedCopies: number
  }
  settings: { add: string[]; differ: string[]; unchanged: string[] }
}

export interface MergePlan {
  preview: RestorePreview
  putReports: ReportRecordData[]
  /** Without `seq`: the database numbers them. */
  addVersions: VersionRecordData[]
  putSettings: SettingRecordData[]
}

const counts = (a: Archive): BackupCounts => ({ reports: a.reports.length, versions: a.versions.length, settings: a.settings.length })

function summary(r: ReportRecordData, local?: ReportRecordData): ReportSummary {
  return {
    id: r.id,
    title: r.title || r.report.meta.title || '（无标题）',
    updatedAt: r.updatedAt,
    ...(local ? { localUpdatedAt: local.updatedAt } : {}),
    inTrash: r.deletedAt !== 0
  }
}

const contentOf = (r: { report: unknown; editorState: unknown }) => canonicalJson({ report: r.report, editorState: r.editorState })
/** A history entry without its local number: two entries are the same when these are equal. */
const withoutSeq = ({ seq: _seq, ...rest }: VersionRecordData) => rest

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * History entries grouped by report and time. Comparisons serialize only entries that share both,
 * so a large history costs little to merge (no hashing of every entry).
 */
class History {
  private readonly byKey = new Map<string, VersionRecordData[]>()
  private readonly byReport = new Map<string, VersionRecordData[]>()

  constructor(versions: VersionRecordData[]) {
    for (const v of versions) this.add(v)
  }

  add(v: VersionRecordData): void {
    const key = `${v.reportId}\n${v.createdAt}`
    push(this.byKey, key, v)
    push(this.byReport, v.reportId, v)
  }

  has(v: VersionRecordData): boolean {
    const same = this.byKey.get(`${v.reportId}\n${v.createdAt}`)
    if (!same) return false
    const json = canonicalJson(withoutSeq(v))
    return same.some((o) => canonicalJson(withoutSeq(o)) === json)
  }

  /** Whether any entry of the report already holds exactly this text. */
  hasContent(reportId: string, content: string): boolean {
    return (this.byReport.get(reportId) ?? []).some((v) => contentOf(v) === content)
  }
}

function backupDate(source?: BackupSource): string {
  return source?.createdAt ? `，备份于 ${source.createdAt.slice(0, 10)}` : ''
}

export function planMerge(local: Archive, backup: Archive): MergePlan {
  const localReports = new Map(local.reports.map((r) => [r.id, r]))
  const backupIds = new Set(backup.reports.map((r) => r.id))

  const history = new History(local.versions)

  const preview: RestorePreview = {
    ...(backup.source ? { source: backup.source } : {}),
    backup: counts(backup),
    local: counts(local),
    reports: { add: [], replace: [], keepLocal: [], unchanged: [], localOnly: [] },
    versions: { add: 0, unchanged: 0, savedCopies: 0 },
    settings: { add: [], differ: [], unchanged: [] }
  }
  const putReports: ReportRecordData[] = []
  const addVersions: VersionRecordData[] = []

  for (const v of backup.versions) {
    if (history.has(v)) {
      preview.versions.unchanged++
      continue
    }
    const entry = withoutSeq(v)
    history.add(entry)
    addVersions.push(entry)
    preview.versions.add++
  }

  /** Keeps the losing copy's text in the history, unless the history already has exactly that text. */
  const saveCopy = (r: ReportRecordData, content: string, note: string) => {
    if (history.hasContent(r.id, content)) return
    // createdAt is when that text was last edited, so the history lists it where it belongs in time.
    const entry: VersionRecordData = { reportId: r.id, createdAt: r.updatedAt, reason: 'restore', note, report: r.report, editorState: r.editorState }
    history.add(entry)
    addVersions.push(entry)
    preview.versions.savedCopies++
  }

  for (const b of backup.reports) {
    const l = localReports.get(b.id)
    if (!l) {
      preview.reports.add.push(summary(b))
      putReports.push(b)
      continue
    }
    if (canonicalJson(l) === canonicalJson(b)) {
      preview.reports.unchanged.push(summary(b, l))
      continue
    }
    const localContent = contentOf(l)
    const backupContent = contentOf(b)
    const sameText = localContent === backupContent
    if (b.updatedAt > l.updatedAt) {
      preview.reports.replace.push(summary(b, l))
      putReports.push(b)
      if (!sameText) saveCopy(l, localContent, '恢复备份前的本机内容')
    } else {
      preview.reports.keepLocal.push(summary(b, l))
      if (!sameText) saveCopy(b, backupContent, `备份文件中的内容${backupDate(backup.source)}`)
    }
  }
  for (const l of local.reports) if (!backupIds.has(l.id)) preview.reports.localOnly.push(summary(l))

  const localSettings = new Map(local.settings.map((s) => [s.key, s]))
  const putSettings: SettingRecordData[] = []
  for (const s of backup.settings) {
    const l = localSettings.get(s.key)
    if (!l) {
      preview.settings.add.push(s.key)
      putSettings.push(s)
    } else if (canonicalJson(l.value ?? null) === canonicalJson(s.value ?? null)) {
      preview.settings.unchanged.push(s.key)
    } else {
      preview.settings.differ.push(s.key)
    }
  }

  return { preview, putReports, addVersions, putSettings }
}

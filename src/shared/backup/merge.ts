/**
 * What restoring a backup would change, worked out record by record as the backup is read, so
 * that a preview and the restore itself come from the same plan and neither holds the archive.
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
 * Versions from the backup that are not already in the history are added with new numbers. A copy
 * is saved only when no version of the report, local or from the backup, holds exactly its text.
 * Settings: keys the local database lacks are added; existing ones keep the local value (they are
 * this computer's preferences). A replace takes everything from the backup instead.
 */
import type { ReportSummary } from '../archive/records'
import { canonicalJson } from './canonical'
import { sha256HexAsync } from './sha256'
import type { BackupCounts, BackupSource, ReportRecord, SettingRecord, VersionRecord } from './format'

export type RestoreMode = 'merge' | 'replace'

export interface RestoreItem {
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
    add: RestoreItem[]
    /** Different, backup copy newer: merge takes it and saves the local text as a version. */
    replace: RestoreItem[]
    /** Different, local copy newer: merge keeps it and saves the backup's text as a version. */
    keepLocal: RestoreItem[]
    unchanged: RestoreItem[]
    /** Not in the backup: merge keeps them, replace deletes them. */
    localOnly: RestoreItem[]
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

/** The local archive as the planner reads it, a batch of records at a time. */
export interface LocalArchive {
  /** Whole local records by id (undefined where there is none). */
  reports(ids: string[]): Promise<(ReportRecord | undefined)[]>
  /** Local history entries of these reports at these times, whole. */
  versionsAt(keys: [reportId: string, createdAt: number][]): Promise<VersionRecord[]>
  /** contentKey() of every local history entry of a report. */
  versionContents(reportId: string): Promise<Set<string>>
  settings(keys: string[]): Promise<(SettingRecord | undefined)[]>
  summaries(): Promise<ReportSummary[]>
  counts(): Promise<BackupCounts>
}

/** What to do with one record of the backup, as the plan decided when it was read. */
export interface Decision {
  put: boolean
  /** Keep this text as a version of the report, if finish() confirms no version already holds it. */
  copy?: { of: 'local' | 'backup'; version: VersionRecord }
}

// Web Crypto where there is one: a restore preview hashes every history entry of the backup.
const key = async (text: string) => (await sha256HexAsync(text)).slice(0, 32)
/** Two texts of a report are the same when these are equal. */
export const contentKey = (r: { report: unknown; editorState: unknown }) => key(canonicalJson({ report: r.report, editorState: r.editorState }))
/** A history entry without its local number: two entries are the same when these are equal. */
const withoutSeq = ({ seq: _seq, ...rest }: VersionRecord) => rest

function item(r: ReportSummary & { report?: { meta: { title: string } } }, local?: ReportSummary): RestoreItem {
  return {
    id: r.id,
    title: r.title || r.report?.meta.title || '（无标题）',
    updatedAt: r.updatedAt,
    ...(local ? { localUpdatedAt: local.updatedAt } : {}),
    inTrash: r.deletedAt !== 0
  }
}

export class MergePlanner {
  readonly preview: RestorePreview
  private readonly backupIds = new Set<string>()
  /** Backup versions taken so far, by report: their content keys, and their whole-entry keys. */
  private readonly addedContents = new Map<string, Set<string>>()
  private readonly addedEntries = new Set<string>()
  /** Copies waiting for finish(): report id → the copy's content key. */
  private readonly candidates = new Map<string, string>()
  private readonly accepted = new Set<string>()

  constructor(
    private readonly local: LocalArchive,
    private readonly backupDate: string
  ) {
    this.preview = {
      backup: { reports: 0, versions: 0, settings: 0 },
      local: { reports: 0, versions: 0, settings: 0 },
      reports: { add: [], replace: [], keepLocal: [], unchanged: [], localOnly: [] },
      versions: { add: 0, unchanged: 0, savedCopies: 0 },
      settings: { add: [], differ: [], unchanged: [] }
    }
  }

  /** Plans a batch of the backup's reports; one decision each, in order. */
  async reports(batch: ReportRecord[]): Promise<Decision[]> {
    const locals = await this.local.reports(batch.map((b) => b.id))
    const decisions: Decision[] = []
    for (const [i, b] of batch.entries()) decisions.push(await this.report(b, locals[i]))
    return decisions
  }

  private async report(b: ReportRecord, l: ReportRecord | undefined): Promise<Decision> {
    this.backupIds.add(b.id)
    this.preview.backup.reports++
    if (!l) {
      this.preview.reports.add.push(item(b))
      return { put: true }
    }
    if (canonicalJson(l) === canonicalJson(b)) {
      this.preview.reports.unchanged.push(item(b, l))
      return { put: false }
    }
    const backupNewer = b.updatedAt > l.updatedAt
    ;(backupNewer ? this.preview.reports.replace : this.preview.reports.keepLocal).push(item(b, l))
    const loser = backupNewer ? l : b
    const loserKey = await contentKey(loser)
    if (loserKey === (await contentKey(backupNewer ? b : l))) return { put: backupNewer }
    this.candidates.set(b.id, loserKey)
    // createdAt is when that text was last edited, so the history lists it where it belongs in time.
    const version: VersionRecord = {
      reportId: b.id,
      createdAt: loser.updatedAt,
      reason: 'restore',
      note: backupNewer ? '恢复备份前的本机内容' : `备份文件中的内容${this.backupDate}`,
      report: loser.report,
      editorState: loser.editorState
    }
    return { put: backupNewer, copy: { of: backupNewer ? 'local' : 'backup', version } }
  }

  async settings(batch: SettingRecord[]): Promise<Decision[]> {
    const locals = await this.local.settings(batch.map((s) => s.key))
    return batch.map((s, i) => {
      this.preview.backup.settings++
      const l = locals[i]
      if (!l) {
        this.preview.settings.add.push(s.key)
        return { put: true }
      }
      if (canonicalJson(l.value ?? null) === canonicalJson(s.value ?? null)) this.preview.settings.unchanged.push(s.key)
      else this.preview.settings.differ.push(s.key)
      return { put: false }
    })
  }

  /** Backup versions not already in the history are added (without their number). */
  async versions(batch: VersionRecord[]): Promise<Decision[]> {
    const locals = await this.local.versionsAt(batch.map((v) => [v.reportId, v.createdAt]))
    const entryKey = (v: VersionRecord) => key(canonicalJson(withoutSeq(v)))
    const localEntries = new Set(await Promise.all(locals.map(entryKey)))
    const entries = await Promise.all(batch.map(entryKey))
    // Only where a copy is planned is it checked against the versions. A file has its reports before
    // its versions (tables in key order); one that had not would keep a copy a version already holds.
    const contents = await Promise.all(batch.map((v) => (this.candidates.has(v.reportId) ? contentKey(v) : null)))
    return batch.map((v, i) => {
      this.preview.backup.versions++
      const entry = entries[i]
      if (localEntries.has(entry) || this.addedEntries.has(entry)) {
        this.preview.versions.unchanged++
        return { put: false }
      }
      this.addedEntries.add(entry)
      const content = contents[i]
      if (content !== null) this.addedContents.set(v.reportId, (this.addedContents.get(v.reportId) ?? new Set<string>()).add(content))
      this.preview.versions.add++
      return { put: true }
    })
  }

  /**
   * A replace takes every version of the backup as it is: they are only counted (the preview
   * before it, a merge plan, already compared them with the archive).
   */
  countVersions(batch: readonly unknown[]): Decision[] {
    this.preview.backup.versions += batch.length
    this.preview.versions.add += batch.length
    return batch.map(() => ({ put: true }))
  }

  /** Whether the copy planned for this report is kept (known after finish()). */
  keepsCopy(reportId: string): boolean {
    return this.accepted.has(reportId)
  }

  /** After the whole backup: which copies are new to their history, what is only local, the counts. */
  async finish(source?: BackupSource): Promise<RestorePreview> {
    for (const [reportId, content] of this.candidates) {
      if (this.addedContents.get(reportId)?.has(content) || (await this.local.versionContents(reportId)).has(content)) continue
      this.accepted.add(reportId)
      this.preview.versions.savedCopies++
    }
    for (const s of await this.local.summaries()) if (!this.backupIds.has(s.id)) this.preview.reports.localOnly.push(item(s))
    this.preview.local = await this.local.counts()
    if (source) this.preview.source = source
    return this.preview
  }
}

import type { ReportTemplate } from '@shared/templates'
import { db } from './database'

/**
 * The clerk's own templates and the fields they fill in every time (unit, author). Both live
 * in the settings table as plain JSON, so they travel with every backup.
 */
const TEMPLATES = 'userTemplates'
const PROFILE = 'profile'

export interface Profile {
  unit: string
  author: string
}

export async function listUserTemplates(): Promise<ReportTemplate[]> {
  const row = await db.settings.get(TEMPLATES)
  return Array.isArray(row?.value) ? (row.value as ReportTemplate[]) : []
}

export async function saveUserTemplate(template: ReportTemplate): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const list = (await listUserTemplates()).filter((t) => t.id !== template.id)
    await db.settings.put({ key: TEMPLATES, value: JSON.parse(JSON.stringify([...list, template])) as unknown })
  })
}

export async function deleteUserTemplate(id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: TEMPLATES, value: (await listUserTemplates()).filter((t) => t.id !== id) })
  })
}

export async function loadProfile(): Promise<Profile> {
  const v = (await db.settings.get(PROFILE))?.value as Partial<Profile> | undefined
  return { unit: typeof v?.unit === 'string' ? v.unit : '', author: typeof v?.author === 'string' ? v.author : '' }
}

export async function saveProfile(p: Profile): Promise<void> {
  await db.settings.put({ key: PROFILE, value: { unit: p.unit, author: p.author } })
}

import { DocxPreferencesSchema, type DocxPreferences } from '@shared/ipc'
import { db } from './database'

const KEY = 'docxPreferences'

/** The clerk's .docx preferences; unset fields fall back to the GB/T 9704 defaults in main. */
export async function loadDocxPreferences(): Promise<DocxPreferences> {
  const parsed = DocxPreferencesSchema.safeParse((await db.settings.get(KEY))?.value ?? {})
  return parsed.success ? parsed.data : {}
}

export async function saveDocxPreferences(p: DocxPreferences): Promise<void> {
  await db.settings.put({ key: KEY, value: JSON.parse(JSON.stringify(p)) as unknown })
}

import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writePrivateFile } from './secrets'

/** What main remembers about the office server (never the token: that is in the SecretStore). */
export const OfficeConfigSchema = z.object({
  server: z.string().max(300),
  user: z.object({ id: z.string().max(100), name: z.string().max(100), unit: z.string().max(100) }).nullable(),
  certificate: z.object({ pem: z.string().max(20_000), fingerprint: z.string().max(200) }).nullable()
})
export type OfficeConfig = z.infer<typeof OfficeConfigSchema>

export async function loadOfficeConfig(file: string): Promise<OfficeConfig | null> {
  try {
    const parsed = OfficeConfigSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function saveOfficeConfig(file: string, config: OfficeConfig): Promise<void> {
  await writePrivateFile(file, JSON.stringify(OfficeConfigSchema.parse(config), null, 2))
}

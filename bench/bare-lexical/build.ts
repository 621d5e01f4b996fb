/**
 * Builds the bench's page code with Vite into bench/.cache/bare-lexical (git-ignored): the bare
 * Lexical page (a production build, resolving the same lexical packages the app bundles) and the
 * probe as one classic script for addInitScript.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'vite'

const HERE = import.meta.dirname
const OUT = resolve(HERE, '../.cache/bare-lexical')

export interface BarePages {
  /** The built bare page: index.html and its assets; content.json is written here by the bench. */
  pageDir: string
  /** The probe's source, to inject before any page script runs. */
  probeScript: string
}

export async function buildBarePages(): Promise<BarePages> {
  const pageDir = join(OUT, 'page')
  const probeDir = join(OUT, 'probe')
  // Unminified, as electron-vite builds the app's renderer: both pages parse the same kind of code.
  await build({ root: HERE, configFile: false, logLevel: 'warn', base: './', mode: 'production', build: { outDir: pageDir, emptyOutDir: true, minify: false } })
  await build({
    root: HERE,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir: probeDir, emptyOutDir: true, lib: { entry: join(HERE, 'probe.ts'), formats: ['iife'], name: 'zongjieProbe', fileName: () => 'probe.js' } }
  })
  return { pageDir, probeScript: await readFile(join(probeDir, 'probe.js'), 'utf-8') }
}

/**
 * LibreOffice for tests that need a real word processor (to write a .doc or .rtf the way Word
 * and WPS users' files are written, or to lay out an export). Skipped with a message where it
 * is not installed, except under CI=true, where .ci/run installs it.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basename, delimiter, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export function haveLibreOffice(who: string): boolean {
  const found = (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, 'soffice')))
  if (found) return true
  const message = `${who}: LibreOffice (soffice) is not on PATH`
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(`${message}; skipped`)
  return false
}

/** Converts `file` into `format` (doc, rtf, pdf…) in `outDir` and returns the new file's path. */
export async function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  // A profile of its own, so a test never waits on another LibreOffice using the default one.
  const profile = `file://${join(outDir, '.lo-profile')}`
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file], { timeout: 120_000 })
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${format.split(':')[0]}`))
}

#!/usr/bin/env node
/**
 * Security gate: Electronegativity over the sources (src/: main, preload, renderer with its
 * index.html, shared). Fails on any HIGH or MEDIUM finding (and on the few lower-rated checks in
 * ALWAYS_GATED) that security/electronegativity-allowlist.json does not list with a reason.
 *
 * Electronegativity exits 0 whatever it finds, so the gate reads what it found instead, from its
 * documented programmatic entry (the function its CLI calls): the findings, and what the CLI
 * drops, the files it could not parse, whose findings would otherwise be missing without a word.
 * Not from its CSV file: the tool writes the header and the rows with two writes it does not wait
 * for, and when the header's (which empties the file) lands second, the file is cut.
 *
 * Offline and deterministic: the Electron version is the installed one (no guessing from a
 * package.json), and AvailableSecurityFixesGlobalCheck, which downloads Electron's release list
 * from GitHub, is left out; README.md (Security) says how the Electron version is kept current.
 * The tool still tries to fetch translations once (1 s timeout) and carries on without them.
 *
 * Usage: npm run security    (or: node scripts/electronegativity.mjs [--keep <findings.json>])
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const INPUT = join(ROOT, 'src')
const ALLOWLIST = join(ROOT, 'security/electronegativity-allowlist.json')
const GATED = new Set(['HIGH', 'MEDIUM'])
/**
 * Gated whatever their severity: checklist items of Electron's security tutorial that the tool
 * rates LOW (experimental features, enableBlinkFeatures) or INFORMATIONAL (nodeIntegration: true,
 * reported only when the sandbox is off).
 */
const ALWAYS_GATED = new Set(['EXPERIMENTAL_FEATURES_JS_CHECK', 'EXPERIMENTAL_FEATURES_HTML_CHECK', 'BLINK_FEATURES_JS_CHECK', 'BLINK_FEATURES_HTML_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK'])
const require = createRequire(import.meta.url)

/** The tool's findings, with paths relative to the repository. */
function findingsOf(issues) {
  return issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: relative(ROOT, join(INPUT, issue.file)),
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample ?? '',
    description: issue.description
  }))
}

function loadAllowlist() {
  const list = JSON.parse(readFileSync(ALLOWLIST, 'utf8'))
  const entries = list.entries
  if (!Array.isArray(entries)) throw new Error(`${relative(ROOT, ALLOWLIST)}: "entries" must be an array`)
  for (const [i, e] of entries.entries()) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof e[key] !== 'string' || !e[key].trim()) throw new Error(`${relative(ROOT, ALLOWLIST)}: entry ${i + 1} needs a non-empty "${key}"`)
    }
    if (e.sample !== undefined && typeof e.sample !== 'string') throw new Error(`${relative(ROOT, ALLOWLIST)}: entry ${i + 1}: "sample" must be a string`)
  }
  return entries
}

/** An entry covers a finding of its check in its file; with "sample", only where the flagged line contains it. */
const covers = (entry, f) => entry.check === f.check && entry.file === f.file && (entry.sample === undefined || f.sample.includes(entry.sample))

async function main() {
  const keepAt = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : null
  const started = Date.now()
  const electronVersion = require('electron/package.json').version
  const run = require('@doyensec/electronegativity')
  const result = await run({
    input: INPUT,
    isSarif: false,
    isRelative: true,
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    // The runner reads electronVersionOverride; the README's example calls it electronVersion.
    electronVersionOverride: electronVersion,
    electronVersion
  })
  const findings = findingsOf(result.issues)
  if (keepAt) writeFileSync(keepAt, JSON.stringify(findings, null, 2))

  const problems = []
  for (const err of result.errors) {
    const where = relative(ROOT, err.file)
    if (err.tolerable) console.warn(`warning: ${where}: ${err.message}`)
    else problems.push(`could not parse ${where} (${err.message}): its findings would be missing`)
  }

  const allowlist = loadAllowlist()
  const used = new Set()
  const gated = []
  const allowed = []
  const below = []
  for (const f of findings) {
    if (!GATED.has(f.severity) && !ALWAYS_GATED.has(f.check)) {
      below.push(f)
      continue
    }
    const entry = allowlist.find((e) => covers(e, f))
    if (entry) {
      used.add(entry)
      allowed.push({ f, entry })
    } else gated.push(f)
  }
  for (const e of allowlist) {
    if (!used.has(e)) problems.push(`allow-list entry matches no finding any more, remove it: ${e.check} ${e.file}${e.sample ? ` (${e.sample})` : ''}`)
  }

  const line = (f) => `${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.check} ${f.file}:${f.location}  ${f.sample.slice(0, 90)}`
  console.log(`Electronegativity over ${relative(ROOT, INPUT)}/ (Electron ${electronVersion}): ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ${findings.length} findings`)
  if (allowed.length) {
    console.log(`\nallowed (${relative(ROOT, ALLOWLIST)}):`)
    for (const { f, entry } of allowed) console.log(`  ${line(f)}\n         why: ${entry.reason}`)
  }
  if (below.length) {
    console.log('\nbelow the gate (LOW / INFORMATIONAL), for review:')
    for (const f of below) console.log(`  ${line(f)}`)
  }
  if (gated.length) {
    console.log('\nHIGH/MEDIUM (or always gated) findings not on the allow-list:')
    for (const f of gated) console.log(`  ${line(f)}\n         ${f.description}`)
  }
  for (const p of problems) console.log(`\nerror: ${p}`)
  const ok = gated.length === 0 && problems.length === 0
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: ${gated.length} gated findings not allowed, ${allowed.length} allowed, ${below.length} below the gate, ${problems.length} other problems (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`error: ${e instanceof Error ? e.stack : String(e)}`)
    process.exit(2)
  }
)

#!/usr/bin/env node
/**
 * Security gate: Electronegativity over the sources (src/: main, preload, renderer with its
 * index.html, shared). Fails on any HIGH or MEDIUM finding (and on the few lower-rated checks in
 * ALWAYS_GATED) that security/electronegativity-allowlist.json does not list with a reason.
 *
 * Electronegativity exits 0 whatever it finds, so the gate reads its CSV output file instead.
 * It runs through its documented programmatic entry (the function its CLI calls) because that
 * also returns what the CLI drops when it writes a file: the files it could not parse, whose
 * findings would otherwise be missing without a word. The returned findings double as a check
 * that the output file was written completely (the tool writes it without waiting).
 *
 * Offline and deterministic: the Electron version is the installed one (no guessing from a
 * package.json), and AvailableSecurityFixesGlobalCheck, which downloads Electron's release list
 * from GitHub, is left out; README.md (Security) says how the Electron version is kept current.
 * The tool still tries to fetch translations once (1 s timeout) and carries on without them.
 *
 * Usage: npm run security    (or: node scripts/electronegativity.mjs [--keep <file.csv>])
 */
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
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

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (quoted) throw new Error('unterminated quoted field: the output file is cut short')
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url']

/** The findings in Electronegativity's CSV output, with paths relative to the repository. */
function readFindings(csvText) {
  const rows = parseCsv(csvText).filter((r) => r.some((f) => f.trim() !== ''))
  const header = (rows.shift() ?? []).map((h) => h.trim())
  if (header.join(',') !== HEADER.join(',')) throw new Error(`unexpected CSV header: ${header.join(',') || '(none)'}`)
  return rows.map((r, i) => {
    if (r.length !== HEADER.length) throw new Error(`CSV row ${i + 2} has ${r.length} fields, not ${HEADER.length}`)
    const [check, severity, confidence, file, location, sample, description] = r
    return { check, severity, confidence, file: relative(ROOT, join(INPUT, file)), location, sample, description }
  })
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

// Electronegativity writes the file after it returns; on a loaded machine (right after Playwright in CI) that has taken over 10 s.
async function waitForRows(file, expected, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    let text = ''
    try {
      text = readFileSync(file, 'utf8')
      const findings = readFindings(text)
      if (findings.length === expected) return findings
    } catch (e) {
      if (Date.now() > until) throw e
    }
    if (Date.now() > until) throw new Error(`the output file holds a different number of findings than the run returned (${expected})`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function main() {
  const keepAt = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : null
  const started = Date.now()
  const electronVersion = require('electron/package.json').version
  const run = require('@doyensec/electronegativity')
  const tmp = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  const output = join(tmp, 'findings.csv')
  try {
    const result = await run({
      input: INPUT,
      output,
      isSarif: false,
      isRelative: true,
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      // The runner reads electronVersionOverride; the README's example calls it electronVersion.
      electronVersionOverride: electronVersion,
      electronVersion
    })
    const findings = await waitForRows(output, result.issues.length)
    if (keepAt) copyFileSync(output, keepAt)

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
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`error: ${e instanceof Error ? e.stack : String(e)}`)
    process.exit(2)
  }
)

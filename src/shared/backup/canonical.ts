/**
 * Canonical JSON: object keys sorted (by UTF-16 code unit), no whitespace, JSON.stringify's
 * escaping and number formatting. A value has exactly one canonical text, so a checksum over it
 * can be recomputed from the parsed file, whatever whitespace or key order a reader sees.
 */

/** Already-canonical JSON text, spliced in verbatim: lets a record be serialized (and hashed) once. */
export class CanonicalFragment {
  constructor(readonly json: string) {}
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Thrown for a value JSON cannot hold; `path` (built on the way out, free when nothing fails) says where. */
export class NotJsonError extends TypeError {
  path = ''
  constructor(readonly what: string) {
    super(`not JSON data: ${what}`)
  }
  at(step: string): this {
    this.path = step + this.path
    this.message = `not JSON data at ${this.path}: ${this.what}`
    return this
  }
}

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol'

// String concatenation rather than an array of parts: V8 builds ropes, ~25% faster on large archives.
function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      // Like JSON.stringify: NaN and ±Infinity become null (and read back as null).
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      break
    default:
      throw new NotJsonError(typeof value)
  }
  if (value === null) return 'null'
  if (value instanceof CanonicalFragment) return value.json
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      // Holes and undefined become null, as in JSON.stringify.
      const item: unknown = value[i]
      try {
        out += skipped(item) ? 'null' : write(item)
      } catch (e) {
        throw e instanceof NotJsonError ? e.at(`[${i}]`) : e
      }
    }
    return out + ']'
  }
  if (isPlainObject(value)) {
    let out = '{'
    for (const key of Object.keys(value).sort()) {
      const item = value[key]
      if (skipped(item)) continue
      if (out.length > 1) out += ','
      try {
        out += `${JSON.stringify(key)}:${write(item)}`
      } catch (e) {
        throw e instanceof NotJsonError ? e.at(`.${key}`) : e
      }
    }
    return out + '}'
  }
  // Dates, Maps, typed arrays… would not survive JSON unchanged: refuse rather than alter them.
  throw new NotJsonError(Object.prototype.toString.call(value))
}

export function canonicalJson(value: unknown): string {
  return write(value)
}

/** A self-signed certificate made at test time with openssl, for 127.0.0.1 and localhost. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { X509Certificate } from 'node:crypto'

export interface TestCertificate {
  certFile: string
  keyFile: string
  pem: string
  fingerprint: string
  remove(): void
}

export function selfSignedCertificate(commonName = 'office.test'): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'zongjie-cert-'))
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${commonName}`,
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile
  ], { stdio: 'pipe' })
  const pem = readFileSync(certFile, 'utf8')
  return { certFile, keyFile, pem, fingerprint: new X509Certificate(pem).fingerprint256, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

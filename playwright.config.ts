import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * Two projects run the same specs:
 * - renderer: the built renderer in Chromium with the real main-process services behind
 *   window.api (only the IPC transport and native dialogs are replaced);
 * - electron: the real app through _electron.launch, where an Electron binary exists.
 * Playwright's own browser download is not possible on our machines: a system Chromium
 * is used when there is one (CHROMIUM_PATH, or Debian's /usr/bin/chromium).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig<{ shell: 'chromium' | 'electron' }>({
  testDir: './e2e/specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1360, height: 880 },
    locale: 'zh-CN'
  },
  projects: [
    {
      name: 'renderer',
      use: {
        shell: 'chromium',
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          // LocalNetworkAccessChecks: as main does in the app (src/main/index.ts), so the page may open the
          // office server's websocket on 127.0.0.1 (its CSP names that one server and nothing else).
          // The test origin counts as secure, as app://bundle does in the app: the search worker then
          // keeps its index in the origin private file system, as it does there.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-features=LocalNetworkAccessChecks',
            '--unsafely-treat-insecure-origin-as-secure=http://zongjie.test'
          ]
        }
      }
    },
    {
      name: 'electron',
      use: { shell: 'electron' }
    }
  ]
})

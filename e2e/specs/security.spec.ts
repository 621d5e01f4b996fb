/**
 * Renderer probes: what a script running in the app's page (say, an XSS through pasted or imported
 * HTML) must not be able to do. The same probes run in both Playwright projects:
 *
 * - electron: the real window. Node globals, window.open, navigation and permissions are governed
 *   by src/main/window.ts (nodeIntegration off, contextIsolation, sandbox, setWindowOpenHandler,
 *   will-navigate, the permission handlers) and the CSP by the app:// protocol and index.html, so
 *   every probe tests the app's own protection.
 * - renderer: the built renderer in Chromium. Chromium knows nothing of window.ts, so `appPolicy`
 *   below applies window.ts's policy to the page's context: popups are closed as soon as they open
 *   (setWindowOpenHandler → deny), a navigation away from the app's origin is answered 204 so the
 *   page stays as it is (will-navigate → preventDefault), nothing is granted (the permission
 *   handlers answer false). There those probes show that nothing in the page gets around that
 *   policy and that the app survives the attempts, not that window.ts is right: that is the
 *   electron project's part, skipped where no Electron binary exists. The Node probes in Chromium
 *   check that the bundle itself brings no `require`/`process`. The CSP probes are real in both:
 *   the policy comes from src/main/csp.ts (header) and src/renderer/index.html (meta).
 *
 * The fixture serves the bundle at http://zongjie.test, which is not a secure context (app:// is
 * registered as secure): there camera and geolocation fail for that reason alone, and a test of
 * their denial would prove nothing. `appPolicy` serves the same bundle, with the same CSP header,
 * at https://zongjie.test instead.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, relative } from 'node:path'
import type { Page } from '@playwright/test'
import { ROOT, expect, test, type AppFixture } from '../fixtures/app'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { EVENTS, REQUESTS, subscribeNameOf } from '../../src/shared/ipc-channels'

const SECURE_ORIGIN = 'https://zongjie.test'
const RENDERER_DIR = join(ROOT, 'out/renderer')
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }

interface Policed {
  page: Page
  /** The app page's URL: it must still be this after every probe. */
  appUrl: string
}

/** The app's page under window.ts's policy: the real one in Electron, a mirror of it in Chromium (see above). */
async function appPolicy(app: AppFixture): Promise<Policed> {
  const { page } = app
  if (app.shell === 'electron') return { page, appUrl: page.url() }
  const context = page.context()
  // Registered first, so the catch-all below (which runs first) leaves these requests to it.
  await context.route(`${SECURE_ORIGIN}/**`, async (route) => {
    const path = normalize(join(RENDERER_DIR, decodeURIComponent(new URL(route.request().url()).pathname)))
    if (relative(RENDERER_DIR, path).startsWith('..') || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' })
    await route.fulfill({
      body: await readFile(path),
      headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY }
    })
  })
  // will-navigate / will-redirect: no navigation off the app's origin; other requests off it never load.
  await context.route(
    (url) => url.origin !== SECURE_ORIGIN,
    (route) => (route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort('blockedbyclient'))
  )
  // setWindowOpenHandler → { action: 'deny' }.
  page.on('popup', (popup) => void popup.close())
  // setPermissionRequestHandler / setPermissionCheckHandler → false.
  await context.clearPermissions()
  await page.goto(`${SECURE_ORIGIN}/index.html`)
  await page.locator('.editor-content').waitFor()
  return { page, appUrl: page.url() }
}

/** CSP violations the page reports from now on. */
async function watchViolations(page: Page): Promise<() => Promise<{ directive: string; blocked: string }[]>> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __violations: { directive: string; blocked: string }[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }))
  })
  return () => page.evaluate(() => (globalThis as unknown as { __violations: { directive: string; blocked: string }[] }).__violations)
}

/** The page is still the app's, the same document (not reloaded, not replaced by an error page), and works. */
async function expectStillTheApp(p: Policed): Promise<void> {
  // Long enough for a navigation or popup to have happened; there is no event for one that did not.
  await p.page.waitForTimeout(700)
  expect(p.page.url()).toBe(p.appUrl)
  // Asked in the page: Playwright's own waits would wait for a navigation the CSP refused to start.
  expect(await p.page.evaluate(() => [(globalThis as unknown as { __sameDocument?: boolean }).__sameDocument, !!document.querySelector('.editor-content')])).toEqual([true, true])
  expect(p.page.context().pages().filter((other) => other !== p.page && !other.isClosed()).map((other) => other.url())).toEqual([])
}

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values.join(' ')])
  )
}

test.describe('security: what a script in the page cannot do', () => {
  test('no Node: require, process, module and Buffer are absent; window.api holds the named functions only', async ({ app }) => {
    const { page } = await appPolicy(app)
    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>
      return Object.fromEntries(['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', 'ipcRenderer', 'electron'].map((name) => [name, typeof g[name]]))
    })
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      exports: 'undefined',
      Buffer: 'undefined',
      global: 'undefined',
      __dirname: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined'
    })
    // Calling require, reaching process through a function's constructor: all fail. Run from a
    // timer, as page code runs: code evaluated by the test itself is exempt from the CSP's eval rule.
    const attempts = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) =>
          setTimeout(() => {
            const tryIt = (f: () => unknown): string => {
              try {
                return `ran: ${String(f())}`
              } catch (e) {
                return `threw ${(e as Error).name}`
              }
            }
            const api = (globalThis as unknown as { api: Record<string, unknown> }).api
            resolve([
              tryIt(() => (globalThis as unknown as { require: (m: string) => unknown }).require('fs')),
              tryIt(() => (globalThis as unknown as { process: { versions: unknown } }).process.versions),
              // Function's constructor compiles a string: the CSP has no 'unsafe-eval'.
              tryIt(() => (api.getAppInfo as { constructor: (body: string) => () => unknown }).constructor('return typeof process')())
            ])
          })
        )
    )
    expect(attempts).toEqual(['threw TypeError', 'threw TypeError', 'threw EvalError'])
    // What the preload exposes: one function a request, one subscriber an event; no ipcRenderer, no invoke(channel).
    const api = await page.evaluate(() => Object.entries((globalThis as unknown as { api: Record<string, unknown> }).api).map(([k, v]) => [k, typeof v]))
    const expected = [...REQUESTS, ...EVENTS.map(subscribeNameOf)].sort()
    expect(api.map(([k]) => k).sort()).toEqual(expected)
    expect(new Set(api.map(([, t]) => t))).toEqual(new Set(['function']))
  })

  test('file:// and remote fetches fail, blocked by the Content-Security-Policy', async ({ app }) => {
    const { page } = await appPolicy(app)
    const violations = await watchViolations(page)
    const results = await page.evaluate(async () => {
      const attempt = async (url: string) =>
        fetch(url).then(
          (r) => `loaded ${r.status}`,
          (e: Error) => `failed ${e.name}`
        )
      return {
        passwd: await attempt('file:///etc/passwd'),
        remote: await attempt('https://example.com/'),
        xhr: await new Promise<string>((resolve) => {
          const x = new XMLHttpRequest()
          x.onload = () => resolve(`loaded ${x.status}`)
          x.onerror = () => resolve('failed')
          try {
            x.open('GET', 'file:///etc/hostname')
            x.send()
          } catch (e) {
            resolve(`failed ${(e as Error).name}`)
          }
        })
      }
    })
    expect(results.passwd).toMatch(/^failed/)
    expect(results.remote).toMatch(/^failed/)
    expect(results.xhr).toMatch(/^failed/)
    // Failed because the policy refused them, not only because the network is down here.
    await expect.poll(async () => new Set((await violations()).map((v) => `${v.directive} ${v.blocked}`))).toEqual(new Set(['connect-src file', 'connect-src https://example.com/']))
  })

  test('an injected inline script, inline handler or eval does not run (CSP), and both copies of the policy forbid it', async ({ app }) => {
    const p = await appPolicy(app)
    const { page } = p
    const violations = await watchViolations(page)
    const ran = await page.evaluate(async () => {
      const w = globalThis as unknown as { __pwned?: string[] }
      w.__pwned = []
      const script = document.createElement('script')
      script.textContent = 'window.__pwned.push("inline script")'
      document.body.append(script)
      const holder = document.createElement('div')
      holder.innerHTML = '<img src="data:," onerror="window.__pwned.push(\'onerror\')"><a id="js-link" href="javascript:window.__pwned.push(\'javascript: link\')">x</a>'
      document.body.append(holder)
      ;(document.getElementById('js-link') as HTMLAnchorElement).click()
      // From a timer, as page code runs (the test's own evaluation is exempt from the eval rule).
      setTimeout(() => {
        try {
          // eslint-disable-next-line no-eval
          eval('window.__pwned.push("eval")')
        } catch {
          // Refused: no 'unsafe-eval'.
        }
        try {
          setTimeout('window.__pwned.push("setTimeout string")' as unknown as () => void, 0)
        } catch {
          // Refused likewise.
        }
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      holder.remove()
      script.remove()
      return w.__pwned
    })
    expect(ran).toEqual([])
    await expect.poll(async () => new Set((await violations()).map((v) => v.directive))).toEqual(new Set(['script-src-elem', 'script-src-attr', 'script-src']))
    // The header (app:// protocol; the test server here) and the page's meta tag each forbid it on their own.
    const delivered = await page.evaluate(async () => ({
      header: (await fetch(location.href)).headers.get('content-security-policy'),
      meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null
    }))
    for (const [where, policy] of Object.entries(delivered)) {
      const d = directives(policy)
      expect(d.get('default-src'), where).toBe("'self'")
      expect(d.get('script-src'), where).toBe("'self'")
      expect(d.get('object-src'), where).toBe("'none'")
      // The meta copy lets websockets through for the office server; the header (main's) names that one server only.
      expect(d.get('connect-src'), where).toBe(where === 'meta' ? "'self' ws: wss:" : "'self'")
    }
  })

  test('window.open and target=_blank links open nothing', async ({ app }) => {
    const p = await appPolicy(app)
    const { page } = p
    await page.evaluate(() => void ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true))
    // http, file and about URLs only: window.ts hands https links to the system browser, which a test must not open.
    const opened = await page.evaluate(() =>
      ['http://example.invalid/', 'file:///etc/passwd', 'about:blank'].map((url) => {
        const w = window.open(url, '_blank')
        return w === null || w.closed ? 'denied' : 'window object'
      })
    )
    if (app.shell === 'electron') expect(opened).toEqual(['denied', 'denied', 'denied'])
    await page.evaluate(() => {
      const a = document.createElement('a')
      a.href = 'http://example.invalid/popup'
      a.target = '_blank'
      a.textContent = 'x'
      document.body.append(a)
      a.click()
      a.remove()
    })
    await expectStillTheApp(p)
  })

  test('the page cannot navigate away to a remote or file URL', async ({ app }) => {
    const p = await appPolicy(app)
    const { page } = p
    const mark = () => page.evaluate(() => void ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true))
    const attempts: [string, (page: Page) => Promise<void>][] = [
      ['location.href', (pg) => pg.evaluate(() => void (location.href = 'https://example.invalid/'))],
      ['location.assign', (pg) => pg.evaluate(() => location.assign('http://example.invalid/x'))],
      ['location.replace file', (pg) => pg.evaluate(() => location.replace('file:///etc/passwd'))],
      [
        'link click',
        (pg) =>
          pg.evaluate(() => {
            const a = document.createElement('a')
            a.href = 'https://example.invalid/link'
            document.body.append(a)
            a.click()
            a.remove()
          })
      ],
      [
        'form submit',
        (pg) =>
          pg.evaluate(() => {
            const f = document.createElement('form')
            f.action = 'https://example.invalid/post'
            f.method = 'post'
            document.body.append(f)
            f.submit()
            f.remove()
          })
      ]
    ]
    for (const [name, attempt] of attempts) {
      await mark()
      await attempt(page).catch(() => undefined)
      await test.step(name, () => expectStillTheApp(p))
    }
  })

  test('camera, microphone, geolocation and notification requests are denied', async ({ app }) => {
    const { page } = await appPolicy(app)
    const result = await page.evaluate(async () => {
      const media = async (constraints: MediaStreamConstraints) =>
        navigator.mediaDevices.getUserMedia(constraints).then(
          (stream) => {
            stream.getTracks().forEach((t) => t.stop())
            return 'granted'
          },
          (e: DOMException) => e.name
        )
      const state = (name: string) => navigator.permissions.query({ name: name as PermissionName }).then((s) => s.state)
      return {
        secure: isSecureContext,
        camera: await media({ video: true }),
        microphone: await media({ audio: true }),
        cameraState: await state('camera'),
        geolocation: await new Promise<string>((resolve) =>
          navigator.geolocation.getCurrentPosition(
            () => resolve('position'),
            (e) => resolve(e.code === e.PERMISSION_DENIED ? 'denied' : `error ${e.code}`),
            { timeout: 5_000 }
          )
        ),
        geolocationState: await state('geolocation'),
        notifications: await Notification.requestPermission()
      }
    })
    // Otherwise the browser would refuse for want of a secure context, whatever the policy.
    expect(result.secure).toBe(true)
    // Without a camera Chromium answers NotFoundError before it asks; the permission itself stays refused.
    expect(['NotAllowedError', 'NotFoundError']).toContain(result.camera)
    expect(['NotAllowedError', 'NotFoundError']).toContain(result.microphone)
    expect(result.cameraState).not.toBe('granted')
    expect(result.geolocation).toBe('denied')
    expect(result.geolocationState).not.toBe('granted')
    expect(result.notifications).not.toBe('granted')
  })
})

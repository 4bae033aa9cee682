// Shared by the end-to-end tests (e2e/*.e2e.test.mjs): the browser, Keycloak login, password-grant
// tokens of the local demo users, a collector's report through the console's proxy, axe checks.
import { after, before } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'

export const CONSOLE_URL = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:8086').replace(/\/$/, '')
export const PASSWORD = process.env.SZCG_DEMO_PASSWORD ?? 'Minqing2026'
/** how long a login step may take (a loaded machine: SZCG_E2E_TIMEOUT=90000) */
export const WAIT = Number(process.env.SZCG_E2E_TIMEOUT ?? 30_000)
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

let browser
/** the Keycloak realm of the console's /config.json */
export let authority

/** Starts Debian's Chromium (never a downloaded one) and reads the Keycloak realm from /config.json. */
export async function launchBrowser() {
  const cfg = await (await fetch(`${CONSOLE_URL}/config.json`)).json()
  authority = cfg.oidcAuthority
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return browser
}

/** Registers before/after hooks that start and stop Debian's Chromium for the calling test file. */
export function useBrowser() {
  before(launchBrowser)
  after(async () => {
    await browser?.close()
  })
}

/** A token by the password grant of the local realm (local demo users only). */
export async function token(user) {
  const res = await fetch(`${authority}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'szcg-web', username: user, password: PASSWORD }),
  })
  assert.equal(res.status, 200, `token for ${user}`)
  return (await res.json()).access_token
}

/** A collector's report through the console's same-origin proxy (as the field app would). */
export async function registerReport(description) {
  const res = await fetch(`${CONSOLE_URL}/api/intake/v1/reports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token('collector1')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      channel: 'PATROL',
      kind: 'REPORT',
      categoryCode: 'E-0101',
      location: { lon: 118.8632 + Math.random() * 0.004, lat: 26.2231 + Math.random() * 0.004 },
      description,
      collectorId: 'C0001',
    }),
  })
  assert.equal(res.status, 201, `register: ${await res.clone().text()}`)
  return { report: await res.json(), createdAt: Date.now() }
}

/**
 * A 12345 hotline ticket pushed by the hotline platform's machine client (client credentials of the
 * local realm's `hotline-12345`, whose secret is a local demo value), as the hotline integration
 * does in production.
 */
export async function hotlineTicket(description) {
  const tok = await fetch(`${authority}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'hotline-12345', client_secret: 'hotline-12345-local-secret' }),
  })
  assert.equal(tok.status, 200, 'hotline client token')
  const sourceRef = `12345-e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}`
  const res = await fetch(`${CONSOLE_URL}/api/intake/v1/reports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${(await tok.json()).access_token}`, 'Content-Type': 'application/json', 'Idempotency-Key': sourceRef },
    body: JSON.stringify({
      channel: 'HOTLINE',
      kind: 'COMPLAINT',
      description,
      location: { lon: 118.8632 + Math.random() * 0.004, lat: 26.2231 + Math.random() * 0.004 },
      sourceRef,
      reporter: { name: '张三', phone: '13800000000' },
    }),
  })
  assert.equal(res.status, 201, `hotline ticket: ${await res.clone().text()}`)
  return { report: await res.json(), createdAt: Date.now() }
}

/** axe-core finds no serious or critical accessibility violation on what the page shows now. */
export async function accessible(page, screen) {
  // a toast (ElMessage, 3 s) may start fading out while axe reads the page — part opacity reads as
  // too little contrast: let the transient toasts go first (they are not what a screen is judged by)
  await page
    .waitForFunction(() => !document.querySelector('.el-message'), null, { timeout: 6_000 })
    .catch(() => {})
  // not in the middle of a Vue transition (a dialog fading in has every colour at part opacity,
  // which axe reads as too little contrast): wait until no element is entering or leaving
  await settled(page)
  const result = await new AxeBuilder({ page }).analyze()
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  assert.deepEqual(bad, [], `${screen}: accessibility`)
}

/** Waits until no Vue transition is under way (a dropdown or dialog fading or sliding in). */
export async function settled(page) {
  await page
    .waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'), null, { timeout: 5_000 })
    .catch(() => {})
}

/**
 * Picks an option of an Element Plus select (data-test selectTest) whose label has text, and
 * checks that the select shows it afterwards. The options may arrive after the dropdown opened
 * (the dialog loads them when it opens) and the dropdown moves while they do: a click during
 * that move can land beside the option, so wait for the list to settle and try again if the
 * select still does not show the choice. With type, the text is typed into a filterable select.
 */
export async function pick(page, selectTest, text, { type = false } = {}) {
  const select = page.locator(`[data-test=${selectTest}]`)
  for (let attempt = 1; ; attempt++) {
    await select.click()
    if (type) await page.keyboard.type(text)
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first()
    await option.waitFor({ timeout: 15_000 })
    await settled(page)
    await option.click()
    const shown = await select
      .filter({ hasText: text })
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false)
    if (shown) return
    if (attempt === 3) assert.fail(`${selectTest}: option “${text}” picked three times, the select does not show it`)
    await page.keyboard.press('Escape')
    await settled(page)
  }
}

export async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' })
  const page = await context.newPage()
  return { context, page }
}

/**
 * A phone (城管通 e2e): a small touch viewport, the GPS position granted and set (WGS-84, near the
 * county seat), service workers allowed (the installable shell), Beijing-agnostic UTC clock.
 */
export async function newPhone(position = { longitude: 118.8632 + Math.random() * 0.004, latitude: 26.2231 + Math.random() * 0.004 }, serviceWorkers = 'allow') {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'UTC',
    geolocation: { ...position, accuracy: 8 },
    permissions: ['geolocation'],
    serviceWorkers,
  })
  const page = await context.newPage()
  return { context, page }
}

/**
 * Opens a console path, is sent to the Keycloak login page, logs in, comes back. `base` is another
 * address of the console (a proxy in front of it; the realm accepts any loopback port).
 */
export async function logIn(page, path, user, base = CONSOLE_URL) {
  await page.goto(`${base}${path}`, { timeout: WAIT })
  await page.waitForURL((u) => u.toString().startsWith(authority), { timeout: WAIT })
  await page.locator('#username').fill(user)
  await page.locator('#password').fill(PASSWORD)
  if (user === 'operator1') await page.screenshot({ path: join(ARTIFACTS, '01-keycloak-login.png') })
  await page.locator('#kc-login').click()
  await page.waitForURL((u) => u.toString().startsWith(base) && !u.pathname.startsWith('/callback'), { timeout: WAIT })
  // no token, no code in the address once back
  assert.doesNotMatch(page.url(), /code=|token|state=/)
}

/**
 * A TCP proxy in front of the console whose connections can be cut, as a lost mobile or office
 * network would: `cut()` destroys every open connection (the push channel's stream among them) and
 * refuses new ones until `restore()`. (Chromium's offline emulation does not end a stream that is
 * already open, so the break happens here, on real sockets.)
 */
export async function cuttableProxy(target = CONSOLE_URL) {
  const net = await import('node:net')
  const u = new URL(target)
  const open = new Set()
  let down = false
  const server = net.createServer((client) => {
    if (down) return client.destroy()
    const upstream = net.connect(Number(u.port || 80), u.hostname)
    const pair = [client, upstream]
    pair.forEach((s) => open.add(s))
    const drop = () => pair.forEach((s) => (s.destroy(), open.delete(s)))
    client.pipe(upstream).on('error', drop)
    upstream.pipe(client).on('error', drop)
    client.on('close', drop)
    upstream.on('close', drop)
  })
  // a port whose origin the local realm lists for szcg-web (the login's token request is a CORS
  // request): the x06 console ports of the stack slots, the first one free
  const candidates = [8906, 8806, 8706, 8606, 8506, 8006, 8106, 8206, 8986, 8886, 8786, 8686, 8586]
  let listening = false
  for (const port of candidates) {
    listening = await new Promise((r) => {
      server.once('error', () => r(false))
      server.listen(port, '127.0.0.1', () => r(true))
    })
    if (listening) break
  }
  assert.ok(listening, `no free port among ${candidates} for the proxy`)
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut() {
      down = true
      open.forEach((s) => s.destroy())
      open.clear()
    },
    restore() {
      down = false
    },
    close() {
      this.cut()
      return new Promise((r) => server.close(r))
    },
  }
}

/** A small real PNG (solid colour, width × height) for photo uploads. */
export async function png(width = 160, height = 120, rgb = [70, 130, 90]) {
  const { deflateSync } = await import('node:zlib')
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** collector1 attaches a before-photo (现场照片) to a report. */
export async function attachPhoto(reportId) {
  const res = await fetch(`${CONSOLE_URL}/api/intake/v1/reports/${reportId}/attachments?purpose=BEFORE&fileName=before.png`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token('collector1')}`, 'Content-Type': 'image/png' },
    body: await png(),
  })
  assert.equal(res.status, 201, `attachment: ${await res.clone().text()}`)
}

/** A report registered by collector1 and filed by operator1 through the API; waits for dispatch. */
export async function filedCase(description) {
  const { report } = await registerReport(description)
  await attachPhoto(report.id)
  const res = await fetch(`${CONSOLE_URL}/api/intake/v1/reports/${report.id}/filing`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token('operator1')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ categoryCode: 'E-0101' }),
  })
  assert.equal(res.status, 200, `filing: ${await res.clone().text()}`)
  const dispatcher = await token('dispatcher1')
  for (let i = 0; i < 60; i++) {
    const c = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${report.id}`, { headers: { Authorization: `Bearer ${dispatcher}` } })
    if (c.status === 200) return report
    await new Promise((r) => setTimeout(r, 500))
  }
  assert.fail(`dispatch-service never opened case ${report.id}`)
}

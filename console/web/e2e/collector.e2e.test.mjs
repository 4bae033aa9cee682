// End-to-end: 城管通, the collector's phone app (docs/console.md "城管通 collector app"), in phone
// emulation — a 390×844 touch viewport, the GPS position granted, the camera fed by setInputFiles.
// Offline capture must lose nothing: 20 reports captured offline, the page closed and opened again
// (still offline: the installed shell shows the queue), the network back, dropping again while the
// queue is sent and back: exactly 20 reports in intake-service, each once, each with its photo and
// the hash the phone computed. The same with
// the connection cut in the middle of the exchanges (the registration's and a photo's answer lost
// after intake stored them, and a large photo cut in the middle of a chunk: it resumes from the
// offset intake holds, issue 18). Then a verification (核实) and a check (核查) task done from the phone.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { accessible, ARTIFACTS, CONSOLE_URL, filedCase, logIn, newPhone, png, token, useBrowser, WAIT } from './support.mjs'

useBrowser()

const N = Number(process.env.SZCG_E2E_OFFLINE_REPORTS ?? 20)

/**
 * One password-grant token per user and minute: the checks below read 20 reports and their
 * photos, and a token per request made Keycloak answer 400 under load.
 */
const tokens = new Map()
async function tokenOf(user) {
  const t = tokens.get(user)
  if (t && Date.now() - t.at < 60_000) return t.value
  const value = await token(user)
  tokens.set(user, { value, at: Date.now() })
  return value
}

async function api(user, method, path, body) {
  const res = await fetch(`${CONSOLE_URL}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${await tokenOf(user)}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  assert.ok(res.ok, `${user} ${method} ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/** Waits until the phone's shell (service worker) controls pages and has cached the app. */
async function shellInstalled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  // clients.claim(): this page itself is served by the worker from now on (its lazy screens too)
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: WAIT })
}

/** Captures one report in the form: a photo from the "camera", the category, a description. */
async function capture(page, description, i, file) {
  await page.locator('[data-test=m-camera]').setInputFiles(
    file ?? {
      name: `camera-${i}.png`,
      mimeType: 'image/png',
      buffer: await png(320, 240, [(i * 37) % 200, (i * 91) % 200, (i * 53) % 200]),
    },
  )
  await page.locator('[data-test=m-photo]').first().waitFor({ timeout: WAIT })
  await page.locator('[data-test=m-category]').selectOption('E-0101')
  await page.locator('[data-test=m-description]').fill(description)
  await page.locator('[data-test=m-submit]').click()
  // stored on the device: the form is emptied for the next one
  await page.locator('[data-test=m-photo]').waitFor({ state: 'detached', timeout: WAIT })
}

/** The phone's chunk of a resumable photo upload (lib/outbox.ts CHUNK_BYTES). */
const CHUNK = 256 * 1024

/** A camera JPEG of noise (does not compress): width × height, made by the page's canvas. */
async function noiseJpeg(page, width, height) {
  const bytes = await page.evaluate(
    async ({ width, height }) => {
      const c = document.createElement('canvas')
      c.width = width
      c.height = height
      const g = c.getContext('2d')
      const img = g.createImageData(width, height)
      let x = 4242
      for (let i = 0; i < img.data.length; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff
        img.data[i] = i % 4 === 3 ? 255 : x >>> 23
      }
      g.putImageData(img, 0, 0)
      const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.92))
      return Array.from(new Uint8Array(await blob.arrayBuffer()))
    },
    { width, height },
  )
  return Buffer.from(bytes)
}

/** The queue as the device holds it (IndexedDB), read in the page. */
function deviceQueue(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('szcg-mobile')
        r.onsuccess = () => {
          const q = r.result.transaction('items').objectStore('items').getAll()
          q.onsuccess = () => resolve(q.result)
          q.onerror = () => reject(q.error)
        }
        r.onerror = () => reject(r.error)
      }),
  )
}

/** Every report of collector1 with this run's mark, as intake-service has them, with attachments. */
async function registered(mark) {
  const page = await api('collector1', 'GET', '/intake/v1/reports?page=0&size=200')
  const mine = page.items.filter((r) => (r.description ?? '').startsWith(mark))
  for (const r of mine) r.attachments = await api('collector1', 'GET', `/intake/v1/reports/${r.id}/attachments`)
  return mine
}

async function bytesHash(attachmentId) {
  const res = await fetch(`${CONSOLE_URL}/api/intake/v1/attachments/${attachmentId}`, { headers: { Authorization: `Bearer ${await tokenOf('collector1')}` } })
  assert.equal(res.status, 200)
  return createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')
}

/** Exactly n reports with the mark, each description once, each with one photo whose hashes agree with the phone's. */
async function assertAllOnce(page, mark, n) {
  const reports = await registered(mark)
  const descriptions = reports.map((r) => r.description).sort()
  assert.equal(reports.length, n, `reports registered: ${descriptions.join(' | ')}`)
  assert.equal(new Set(descriptions).size, n, 'each report once')
  const queue = (await deviceQueue(page)).filter((i) => (i.report?.description ?? '').startsWith(mark))
  assert.equal(queue.length, n)
  for (const r of reports) {
    const item = queue.find((i) => i.reportNo === r.reportNo)
    assert.ok(item, `the phone shows ${r.reportNo}`)
    assert.equal(item.report.description, r.description)
    assert.equal(r.attachments.length, 1, `${r.reportNo}: one photo`)
    const a = r.attachments[0]
    assert.equal(a.sha256, item.photos[0].sha256, `${r.reportNo}: the hash the phone computed`)
    assert.equal(await bytesHash(a.id), a.sha256, `${r.reportNo}: the stored bytes`)
    assert.match(item.photos[0].originalSha256, /^[0-9a-f]{64}$/)
  }
}

/** Until the queue shows the n items of the mark registered, through the login's redirects. */
function waitAllDone(page, mark, n, timeout = 180_000) {
  return waitDone(page, mark, n, n, timeout)
}

/**
 * Until the queue shows at least `atLeast` of the n items of the mark registered (n shown). The
 * app may pass through Keycloak (it logs in again by itself when the network returns) and come
 * back on another of its screens: then the queue is opened again from the tab bar.
 */
async function waitDone(page, mark, n, atLeast, timeout = 180_000) {
  const until = Date.now() + timeout
  let last = ''
  while (Date.now() < until) {
    try {
      const url = new URL(page.url())
      if (url.origin === CONSOLE_URL && url.pathname.startsWith('/m/') && url.pathname !== '/m/queue') {
        await page.locator('[data-test=m-nav-queue]').click({ timeout: 5_000 })
      }
      await page.waitForFunction(
        ({ mark, n, atLeast }) => {
          const items = [...document.querySelectorAll('[data-test=m-item]')].filter((e) => e.textContent.includes(mark))
          return items.length === n && items.filter((e) => e.getAttribute('data-state') === 'done' && e.getAttribute('data-report-no')).length >= atLeast
        },
        { mark, n, atLeast },
        { timeout: Math.min(5_000, Math.max(500, until - Date.now())), polling: 250 },
      )
      return
    } catch (e) {
      // a wait that ran out, or the page navigating (the login's redirects): look again
      last = `${page.url()}: ${String(e).split('\n')[0]}`
      await page.waitForLoadState('load').catch(() => {})
    }
  }
  assert.fail(`the queue never showed ${atLeast} of ${n} registered; last: ${last}`)
}

describe('城管通: offline capture loses nothing', () => {
  test(`${N} reports captured offline, the page closed and reopened, then online: each registered once with its photo and hash`, async () => {
    const mark = `e2e 离线 ${Date.now()}`
    const { context, page } = await newPhone()
    try {
      await logIn(page, '/m/report', 'collector1')
      await shellInstalled(page)
      await page.locator('[data-test=m-category] option[value="E-0101"]').waitFor({ state: 'attached', timeout: WAIT })
      await page.locator('[data-test=m-position]', { hasText: ',' }).waitFor({ timeout: WAIT })
      await page.screenshot({ path: join(ARTIFACTS, '62-collector-report.png'), fullPage: true })
      await accessible(page, '城管通 上报')

      await context.setOffline(true)
      for (let i = 1; i <= N; i++) await capture(page, `${mark} #${String(i).padStart(2, '0')}`, i)
      await page.locator('[data-test=m-nav-queue]').click()
      await page.locator('[data-test=m-item][data-state=waiting]').nth(N - 1).waitFor({ timeout: WAIT })
      assert.equal(await page.locator('[data-test=m-item][data-state=done]').count(), 0)
      await page.close()

      // reopened with no network: the installed shell opens on the device's queue
      const again = await context.newPage()
      const started = Date.now()
      await again.goto(`${CONSOLE_URL}/m/queue`, { timeout: WAIT })
      await again.locator('[data-test=m-item][data-state=waiting]').nth(N - 1).waitFor({ timeout: WAIT })
      const offlineOpenMs = Date.now() - started
      console.log(`offline reopen → queue of ${N} shown in ${offlineOpenMs} ms`)
      await again.locator('[data-test=m-online]', { hasText: '离线' }).waitFor()
      await again.screenshot({ path: join(ARTIFACTS, '63-collector-offline-queue.png'), fullPage: true })
      await accessible(again, '城管通 待发送（离线）')

      // the network is back: the app logs in again (Keycloak's session) and sends, in order
      await context.setOffline(false)
      await again.evaluate(() => window.dispatchEvent(new Event('online'))).catch(() => {})
      // the network drops again while the queue is being sent (a report or a photo in flight),
      // and comes back once the phone shows it is offline: the rest goes on where it stopped
      const part = Math.min(5, N - 1)
      await waitDone(again, mark, N, part)
      await context.setOffline(true)
      await again.locator('[data-test=m-online]', { hasText: '离线' }).waitFor({ timeout: WAIT })
      const doneAtCut = await again.locator('[data-test=m-item][data-state=done]', { hasText: mark }).count()
      console.log(`network cut with ${doneAtCut} of ${N} registered`)
      assert.ok(doneAtCut < N, 'the cut came while the queue was being sent')
      await context.setOffline(false)
      await again.evaluate(() => window.dispatchEvent(new Event('online'))).catch(() => {})
      await waitAllDone(again, mark, N)
      await again.screenshot({ path: join(ARTIFACTS, '64-collector-queue-sent.png'), fullPage: true })
      await assertAllOnce(again, mark, N)
      // in the order captured: the report numbers rise with the capture order
      const queue = (await deviceQueue(again)).filter((i) => i.report?.description?.startsWith(mark)).sort((a, b) => a.seq - b.seq)
      const regs = await registered(mark)
      const at = (no) => Date.parse(regs.find((r) => r.reportNo === no).registeredAt)
      for (let k = 1; k < queue.length; k++) assert.ok(at(queue[k - 1].reportNo) <= at(queue[k].reportNo), 'sent in the order captured')
    } catch (e) {
      for (const p of context.pages()) await p.screenshot({ path: join(ARTIFACTS, 'failure-collector-offline.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })

  test(`${N} reports with the connection cut after intake stored a registration and a photo, and in the middle of a large photo's chunk: each once, the photo resumed from intake's offset`, async () => {
    const mark = `e2e 断网 ${Date.now()}`
    // no service worker here: Playwright's routing (the cut below) sees only what no worker handles
    const { context, page } = await newPhone(undefined, 'block')
    try {
      await logIn(page, '/m/report', 'collector1')
      await page.locator('[data-test=m-category] option[value="E-0101"]').waitFor({ state: 'attached', timeout: WAIT })
      await page.locator('[data-test=m-position]', { hasText: ',' }).waitFor({ timeout: WAIT })
      // report #10 carries a camera photo of several chunks (kept as captured: under intake's limit)
      const BIG = 10
      const big = await noiseJpeg(page, 900, 700)
      assert.ok(big.length > 2 * CHUNK, `the large photo spans chunks (${big.length} B)`)
      // the 3rd registration and the 6th chunk reach intake, then the network drops before the
      // answer comes back: the phone must not register twice, and asks intake how far the photo got
      let registrations = 0
      let chunks = 0
      let asks = 0
      /** bytes of the large photo's chunks the phone put on the wire (the cut one counted whole) */
      let bigSent = 0
      let bigUpload = null
      const offline3s = async (route) => {
        await context.setOffline(true)
        await route.abort('internetdisconnected')
        setTimeout(() => context.setOffline(false).catch(() => {}), 3_000)
      }
      const cut = async (route) => {
        const response = await route.fetch()
        assert.ok(response.status() < 300, `forwarded: ${response.status()}`)
        return offline3s(route)
      }
      await context.route((u) => u.pathname === '/api/intake/v1/reports', async (route) => {
        if (route.request().method() === 'POST' && ++registrations === 3) return cut(route)
        return route.continue()
      })
      await context.route((u) => /^\/api\/intake\/v1\/uploads\/[^/]+$/.test(u.pathname), async (route) => {
        const req = route.request()
        if (req.method() === 'GET') asks++
        if (req.method() !== 'PATCH') return route.continue()
        const body = req.postDataBuffer() ?? Buffer.alloc(0)
        const offset = Number(req.headers()['upload-offset'])
        if (body.length === CHUNK || (bigUpload && req.url() === bigUpload)) {
          bigUpload = req.url()
          bigSent += body.length
          // the large photo's second chunk: 100 000 bytes get through, then the line drops
          if (offset === CHUNK && bigSent === 2 * CHUNK) {
            const headers = { ...req.headers() }
            delete headers['content-length']
            const partial = await route.fetch({ postData: body.subarray(0, 100_000), headers }).catch(() => null)
            assert.ok(partial && partial.status() === 200, `the first 100 000 bytes stored: ${partial?.status()}`)
            return offline3s(route)
          }
          return route.continue()
        }
        if (++chunks === 6) return cut(route)
        return route.continue()
      })
      for (let i = 1; i <= N; i++) {
        const file = i === BIG ? { name: 'IMG_big.jpg', mimeType: 'image/jpeg', buffer: big } : undefined
        await capture(page, `${mark} #${String(i).padStart(2, '0')}`, i, file)
      }
      await page.locator('[data-test=m-nav-queue]').click()
      await waitAllDone(page, mark, N)
      assert.ok(registrations > N, `the cut registration was sent again (${registrations} calls for ${N})`)
      // issue 18: after each cut the phone asked intake for the stored offset instead of sending again
      assert.ok(asks >= 2, `the phone asked for the offset after the cuts (${asks})`)
      await assertAllOnce(page, mark, N)
      const item = (await deviceQueue(page)).find((i) => i.report?.description === `${mark} #${String(BIG).padStart(2, '0')}`)
      const photo = item.photos[0]
      assert.equal(photo.size, big.length, 'the large photo travelled as captured')
      assert.equal(photo.sha256, photo.originalSha256, 'its hash is the original one')
      // resumed from the offset intake held (256 KiB + 100 000), not from 0
      assert.deepEqual(photo.resumedFrom, [CHUNK + 100_000])
      const resent = bigSent - big.length
      console.log(`large photo ${big.length} B: ${bigSent} B on the wire, ${resent} B sent again after the cut, resumed from ${photo.resumedFrom}`)
      assert.ok(resent < CHUNK, `less than a chunk sent again (${resent} B)`)
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-collector-cut.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })

  test('a verification task reaches the open task list by push, without a reload', async () => {
    const { context, page } = await newPhone()
    try {
      await logIn(page, '/m/tasks', 'collector1')
      await page.locator('[data-test=m-tasks]').waitFor({ timeout: WAIT })
      // the list re-reads on a pushed change of a report (intake's verification-requested names the
      // collector: the console's stream carries it to C0001 only), else every 30 s from now
      await new Promise((r) => setTimeout(r, 2_000)) // the stream opens after the first read
      const call = await api('operator1', 'POST', '/intake/v1/reports', {
        channel: 'PHONE',
        kind: 'REPORT',
        description: `e2e 推送核实 ${Date.now()} 路面破损`,
        categoryCode: 'E-0101',
        location: { lon: 118.8645, lat: 26.2239 },
        reporter: { name: '王五', phone: '13700000000' },
      })
      await api('operator1', 'POST', `/intake/v1/reports/${call.id}/verification`, { collectorId: 'C0001' })
      const ordered = Date.now()
      await page.locator(`[data-test=m-task-verification][data-report-no="${call.reportNo}"]`).waitFor({ timeout: 20_000 })
      const ms = Date.now() - ordered
      console.log(`verification task on the phone ${ms} ms after it was ordered`)
      assert.ok(ms < 10_000, `pushed, not the 30 s re-read: ${ms} ms`)
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-collector-push.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })


  test('a verification withdrawn while the phone was offline: the answer is refused and the phone says why', async () => {
    const call = await api('operator1', 'POST', '/intake/v1/reports', {
      channel: 'PHONE',
      kind: 'REPORT',
      description: `e2e 撤销核实 ${Date.now()} 井盖缺失`,
      categoryCode: 'E-0101',
      location: { lon: 118.8652, lat: 26.2236 },
      reporter: { name: '李四', phone: '13900000000' },
    })
    const task = await api('operator1', 'POST', `/intake/v1/reports/${call.id}/verification`, { collectorId: 'C0001' })
    const { context, page } = await newPhone()
    try {
      await logIn(page, `/m/tasks/verification/${task.id}`, 'collector1')
      // the installed app: its screens come from the shell's cache when offline
      await shellInstalled(page)
      await page.locator('[data-test=m-task-description]', { hasText: '井盖缺失' }).waitFor({ timeout: WAIT })
      // answered on site with no network: the answer waits on the device
      await context.setOffline(true)
      await page.locator('[data-test=m-task-camera]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: await png(200, 150, [90, 40, 160]) })
      await page.locator('[data-test=m-task-form] .m-thumb').first().waitFor()
      await page.locator('[data-test=m-verdict-yes]').check()
      await page.locator('[data-test=m-task-submit]').click()
      await page.waitForURL((u) => u.pathname === '/m/queue', { timeout: WAIT })
      const item = page.locator('[data-test=m-item]', { hasText: call.reportNo })
      await item.and(page.locator('[data-state=waiting]')).waitFor({ timeout: WAIT })
      // meanwhile the center decides otherwise: the report is rejected, intake cancels the task
      await api('operator1', 'POST', `/intake/v1/reports/${call.id}/rejection`, { reason: 'e2e 重复来电' })
      await context.setOffline(false)
      await page.evaluate(() => window.dispatchEvent(new Event('online')))
      await item.and(page.locator('[data-state=refused]')).waitFor({ timeout: 60_000 })
      const refusal = await item.locator('[data-test=m-item-refusal]').innerText()
      assert.match(refusal, /CANCELLED/, `the queue says why: ${refusal}`)
      await page.screenshot({ path: join(ARTIFACTS, '68-collector-task-refused.png'), fullPage: true })
      await accessible(page, '城管通 被拒的核实')
      // the task itself says it takes no answer any more, and the cause intake kept
      await item.locator('[data-test=m-item-task]').click()
      const closed = page.locator('[data-test=m-task-closed][data-status=CANCELLED]')
      await closed.filter({ hasText: '不予立案' }).waitFor({ timeout: WAIT })
      assert.equal(await page.locator('[data-test=m-task-form]').count(), 0, 'no answer form on a withdrawn task')
      const back = await api('operator1', 'GET', `/intake/v1/reports/${call.id}/attachments`)
      assert.equal(back.filter((p) => p.purpose === 'VERIFICATION').length, 0, 'nothing stored for the withdrawn task')
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-collector-task-refused.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
  test('a verification (核实) and a check (核查) answered with photos from the phone; outcome; shift', async () => {
    const started = Date.now() - 1_000
    // 核实: a phone call registered by the operator, sent to C0001 for verification
    const call = await api('operator1', 'POST', '/intake/v1/reports', {
      channel: 'PHONE',
      kind: 'REPORT',
      description: `e2e 核实 ${Date.now()} 路灯不亮`,
      categoryCode: 'E-0101',
      location: { lon: 118.8641, lat: 26.2242 },
      reporter: { name: '张三', phone: '13800000000' },
    })
    const task = await api('operator1', 'POST', `/intake/v1/reports/${call.id}/verification`, { collectorId: 'C0001' })
    // 核查: a case handled by the water company, the check ordered to C0001
    const c = await filedCase(`e2e 核查 ${Date.now()}`)
    await api('dispatcher1', 'POST', `/dispatch/v1/cases/${c.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 自来水公司管线' })
    await api('water-receiver', 'POST', `/dispatch/v1/cases/${c.id}/sign-for`, {})
    await api('water-leader', 'POST', `/dispatch/v1/cases/${c.id}/leader-approval`, {})
    const after = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${c.id}/photos?purpose=AFTER&fileName=after.png`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token('water-handler')}`, 'Content-Type': 'image/png' },
      body: await png(160, 120, [20, 160, 60]),
    })
    assert.ok(after.ok, `after-photo ${after.status}`)
    await api('water-handler', 'POST', `/dispatch/v1/cases/${c.id}/feedback`, { description: '已处理 e2e', photoIds: [(await after.json()).photoId] })
    await api('shiftlead1', 'POST', `/dispatch/v1/cases/${c.id}/check-orders`, { collectorId: 'C0001', note: '请核查 e2e' })

    const { context, page } = await newPhone({ longitude: 118.8641, latitude: 26.2242 })
    try {
      await logIn(page, '/m/tasks', 'collector1')
      await page.locator(`[data-test=m-task-verification][data-report-no="${call.reportNo}"]`).click({ timeout: WAIT })
      await page.locator('[data-test=m-task-description]', { hasText: '路灯不亮' }).waitFor({ timeout: WAIT })
      await page.locator('[data-test=m-task-camera]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: await png(200, 150, [200, 120, 30]) })
      await page.locator('[data-test=m-task-form] .m-thumb').first().waitFor()
      await page.locator('[data-test=m-verdict-yes]').check()
      await page.locator('[data-test=m-task-text]').fill('现场属实 e2e')
      await page.screenshot({ path: join(ARTIFACTS, '65-collector-verification.png'), fullPage: true })
      await accessible(page, '城管通 核实')
      await page.locator('[data-test=m-task-submit]').click()
      await page.locator('[data-test=m-item][data-state=done]', { hasText: call.reportNo }).waitFor({ timeout: WAIT })
      const done = await api('collector1', 'GET', `/intake/v1/verifications/${task.id}`)
      assert.equal(done.status, 'CONFIRMED')
      const photos = await api('operator1', 'GET', `/intake/v1/reports/${call.id}/attachments`)
      assert.equal(photos.filter((p) => p.purpose === 'VERIFICATION').length, 1)

      await page.locator('[data-test=m-nav-tasks]').click()
      await page.locator(`[data-test=m-task-check][data-report-no="${c.reportNo}"]`).click({ timeout: WAIT })
      // the problem's photos: intake's before-photo and the unit's after-photo
      await page.locator('[data-test=m-task-photo]').nth(1).waitFor({ timeout: WAIT })
      await page.locator('[data-test=m-task-camera]').setInputFiles({ name: 'check.png', mimeType: 'image/png', buffer: await png(200, 150, [30, 120, 200]) })
      await page.locator('[data-test=m-task-form] .m-thumb').first().waitFor()
      await page.locator('[data-test=m-verdict-yes]').check()
      await page.locator('[data-test=m-task-text]').fill('已修复 e2e')
      await page.screenshot({ path: join(ARTIFACTS, '66-collector-check.png'), fullPage: true })
      await page.locator('[data-test=m-task-submit]').click()
      await page.locator('[data-test=m-item][data-state=done]', { hasText: c.reportNo }).waitFor({ timeout: WAIT })
      const checked = await api('shiftlead1', 'GET', `/dispatch/v1/cases/${c.id}`)
      assert.equal(checked.state, 'CHECK_PASSED')
      assert.equal(checked.photos.filter((p) => p.purpose === 'CHECK').length, 1)

      // 我的上报: the filed case's outcome as intake follows it
      await page.locator('[data-test=m-nav-reports]').click()
      await page.locator(`[data-test=m-own-report][data-report-no="${c.reportNo}"] [data-test=m-outcome]`).waitFor({ timeout: WAIT })
      await page.screenshot({ path: join(ARTIFACTS, '67-collector-my-reports.png'), fullPage: true })
      await accessible(page, '城管通 我的上报')

      // 今日班次: the demo shift of C0001 runs now; the own position was sent while on it
      await page.locator('[data-test=m-nav-shift]').click()
      await page.locator('[data-test=m-on-shift]', { hasText: '在岗' }).waitFor({ timeout: WAIT })
      await page.locator('[data-test=m-shift-item]').first().waitFor()
      const me = await api('operator1', 'GET', '/intake/v1/collectors/C0001')
      assert.ok(Date.parse(me.positionAt) >= started, `position sent on shift: ${me.positionAt}`)
      assert.ok(Math.abs(me.lon - 118.8641) < 1e-6 && Math.abs(me.lat - 26.2242) < 1e-6, `the phone's position: ${me.lon}, ${me.lat}`)
      await page.screenshot({ path: join(ARTIFACTS, '69-collector-shift.png'), fullPage: true })
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-collector-tasks.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

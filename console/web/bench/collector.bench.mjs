// 城管通 figures (issue 18; docs/console.md "城管通 collector app"), against a running stack:
//  1. submit → report number shown, online on loopback: 20 reports, p95 < 1 s (from the tap on
//     提交 to the 受理号 on the form: stored on the device, registered by intake, the photo uploaded);
//  2. a report with a 3 MB camera photo over an uplink throttled to 1 Mbit/s (a local proxy: the
//     browser's own emulation does not slow request bodies), the link cut in the middle of the
//     photo's upload and back 3 s later: the phone asks intake for the stored offset and resumes
//     from it (issue 18: resumable upload in 256 KiB chunks; the photo is kept as captured). The
//     figure: bytes of the photo on the wire, the time to completion, the offset resumed from;
//  3. the app shell opened with no network (the installed service worker): navigation → the queue
//     shown, 7 runs, p95 < 1 s.
//   cd console/web && CONSOLE_URL=http://127.0.0.1:8086 node bench/collector.bench.mjs
// (LINK_DEBUG=1 prints every request through the throttled link; LINK_TIMEOUT its wait in ms)
import { createServer, request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { chromium } from 'playwright-core'
import { ARTIFACTS, CONSOLE_URL, launchBrowser, logIn, png, WAIT } from '../e2e/support.mjs'
import { done, figure, info, kb, machine, ms, percentile } from './support.mjs'

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'UTC',
  geolocation: { longitude: 118.8641, latitude: 26.2242, accuracy: 8 },
  permissions: ['geolocation'],
}

/**
 * A forward HTTP proxy for the browser (plain http to the local stack) that passes request bodies
 * at `rate` bytes/s when `throttle` is set, and cuts the photo's upload `cutUploadAfter` ms after
 * its first chunk began: the sockets of the chunk in flight destroyed, then every new request
 * refused for 3 s (the network gone), then back. Counts the chunk requests (PATCH
 * /api/intake/v1/uploads/{id}) and the bytes of them that passed.
 */
function throttledLink(rate) {
  const link = { throttle: false, cutUploadAfter: 0, uploads: 0, cuts: 0, cutBytes: 0, uploadBytes: 0, firstUploadAt: 0, lastUploadEnd: 0, down: 0 }
  const inFlight = new Set()
  const server = createServer((req, res) => {
    const target = new URL(req.url)
    if (process.env.LINK_DEBUG) console.log(`link ${new Date().toISOString().slice(11, 23)} ${req.method} ${target.pathname}${Date.now() < link.down ? ' REFUSED' : ''}`)
    if (Date.now() < link.down) return req.socket.destroy()
    const up = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (answer) => {
      if (process.env.LINK_DEBUG) console.log(`link   ← ${answer.statusCode} ${req.method} ${target.pathname}`)
      res.writeHead(answer.statusCode, answer.headers)
      answer.pipe(res)
    })
    up.on('error', () => req.socket.destroy())
    const upload = req.method === 'PATCH' && /\/uploads\/[^/]+$/.test(target.pathname)
    let passed = 0
    const started = Date.now()
    let next = Date.now()
    const slow = new Transform({
      transform(chunk, _enc, cb) {
        if (!link.throttle) return cb(null, chunk)
        const pieces = []
        for (let i = 0; i < chunk.length; i += 8192) pieces.push(chunk.subarray(i, i + 8192))
        const go = () => {
          if (!pieces.length) return cb()
          const p = pieces.shift()
          setTimeout(() => {
            passed += p.length
            if (upload) link.uploadBytes += p.length
            this.push(p)
            next = Math.max(next, Date.now()) + (p.length / rate) * 1000
            go()
          }, Math.max(0, next - Date.now()))
        }
        go()
      },
    })
    if (upload) {
      link.uploads++
      const pair = { up, req }
      inFlight.add(pair)
      if (!link.firstUploadAt) {
        link.firstUploadAt = started
        if (link.cutUploadAfter) {
          setTimeout(() => {
            link.cuts++
            link.cutBytes = link.uploadBytes
            link.down = Date.now() + 3_000
            for (const f of inFlight) {
              f.up.destroy()
              f.req.socket.destroy()
            }
          }, link.cutUploadAfter)
        }
      }
      req.on('end', () => {
        inFlight.delete(pair)
        link.lastUploadEnd = Date.now()
      })
      req.on('close', () => inFlight.delete(pair))
    }
    req.pipe(slow).pipe(up)
  })
  server.listen(0, '127.0.0.1')
  return new Promise((resolve) => server.on('listening', () => resolve(Object.assign(link, { port: server.address().port, close: () => server.close() }))))
}

const browser = await launchBrowser()
const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' })
const page = await context.newPage()
info(machine())
try {
  await logIn(page, '/m/report', 'collector1')
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.locator('[data-test=m-category] option[value="E-0101"]').waitFor({ state: 'attached', timeout: WAIT })
  await page.locator('[data-test=m-position]', { hasText: ',' }).waitFor({ timeout: WAIT })

  // 1. submit → number
  const times = []
  for (let i = 0; i < 20; i++) {
    await page.locator('[data-test=m-camera]').setInputFiles({ name: `b${i}.png`, mimeType: 'image/png', buffer: await png(320, 240, [i * 9, 80, 120]) })
    await page.locator('[data-test=m-photo]').first().waitFor()
    await page.locator('[data-test=m-category]').selectOption('E-0101')
    await page.locator('[data-test=m-description]').fill(`bench 城管通 ${Date.now()} #${i}`)
    const before = await page.evaluate(() => document.querySelector('[data-test=m-last] [data-test=m-item]')?.getAttribute('data-id') ?? null)
    const t0 = Date.now()
    await page.locator('[data-test=m-submit]').click()
    await page.waitForFunction(
      (prev) => {
        const e = document.querySelector('[data-test=m-last] [data-test=m-item]')
        return e && e.getAttribute('data-id') !== prev && e.getAttribute('data-state') === 'done'
      },
      before,
      { timeout: 30_000, polling: 'raf' },
    )
    times.push(Date.now() - t0)
  }
  figure('submit → 受理号 shown (20, loopback)', `p50 ${ms(percentile(times, 50))} · p95 ${ms(percentile(times, 95))} · max ${ms(Math.max(...times))}`, percentile(times, 95), 1000, 'p95 < 1 s')

  // 2. a large camera photo over a 1 Mbit/s uplink, the link cut in the middle of the upload.
  // Chromium's own network emulation does not slow request bodies, so a second browser goes
  // through a local proxy (throttledLink) that passes every request body at 125 000 B/s and
  // can cut the link: the sockets of the upload destroyed, new connections refused for 3 s.
  const link = await throttledLink(125_000)
  const slowBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--proxy-server=http://127.0.0.1:${link.port}`, '--proxy-bypass-list=<-loopback>'],
  })
  try {
    const slowContext = await slowBrowser.newContext({ ...PHONE, serviceWorkers: 'block' })
    const slow = await slowContext.newPage()
    await logIn(slow, '/m/report', 'collector1')
    await slow.locator('[data-test=m-category] option[value="E-0101"]').waitFor({ state: 'attached', timeout: WAIT })
    await slow.locator('[data-test=m-position]', { hasText: ',' }).waitFor({ timeout: WAIT })
    const big = await slow.evaluate(async () => {
      // a 2400×1500 "camera photo" of noise (does not compress well): a JPEG of about 3 MB
      const c = document.createElement('canvas')
      c.width = 2400
      c.height = 1500
      const g = c.getContext('2d')
      const img = g.createImageData(2400, 1500)
      let x = 12345
      for (let i = 0; i < img.data.length; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff
        img.data[i] = i % 4 === 3 ? 255 : x >>> 23
      }
      g.putImageData(img, 0, 0)
      const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.92))
      return Array.from(new Uint8Array(await blob.arrayBuffer()))
    })
    const bigBuf = Buffer.from(big)
    await slow.locator('[data-test=m-camera]').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: bigBuf })
    await slow.locator('[data-test=m-photo]').first().waitFor({ timeout: 60_000 })
    const sent = await slow.locator('[data-test=m-photo] figcaption').innerText()
    await slow.locator('[data-test=m-category]').selectOption('E-0101')
    const mark = `bench 大图 ${Date.now()}`
    await slow.locator('[data-test=m-description]').fill(mark)
    link.throttle = true
    link.cutUploadAfter = 8_000
    const t0 = Date.now()
    await slow.locator('[data-test=m-submit]').click()
    await slow
      .waitForFunction(() => document.querySelector('[data-test=m-last] [data-test=m-item]')?.getAttribute('data-state') === 'done', null, { timeout: Number(process.env.LINK_TIMEOUT ?? 300_000), polling: 500 })
      .catch(async (e) => {
        await slow.screenshot({ path: join(ARTIFACTS, 'failure-bench-link.png'), fullPage: true })
        throw e
      })
    const total = Date.now() - t0
    // the photo as the device's queue holds it: size, hashes, where it resumed, bytes it sent
    const photo = await slow.evaluate(
      (mark) =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('szcg-mobile')
          r.onsuccess = () => {
            const q = r.result.transaction('items').objectStore('items').getAll()
            q.onsuccess = () => resolve(q.result.find((i) => i.report?.description === mark)?.photos[0])
            q.onerror = () => reject(q.error)
          }
          r.onerror = () => reject(r.error)
        }),
      mark,
    )
    const resumed = photo?.resumedFrom ?? []
    info(`link: ${link.uploads} chunk request(s), cut ${link.cuts}× after ${kb(link.cutBytes)} of the photo had passed; ${kb(link.uploadBytes)} of chunks passed in all; upload ${ms(link.lastUploadEnd - link.firstUploadAt)} from the first chunk to the last (incl. the 3 s outage and the back-off)`)
    info(`photo: ${photo?.size} B sent as captured (上传 ${photo?.sha256?.slice(0, 10)}… = 原图 ${photo?.originalSha256?.slice(0, 10)}…), the phone's count of bytes sent ${photo?.bytesSent} B`)
    figure(
      `camera photo of ${(bigBuf.length / 1e6).toFixed(2)} MB over a 1 Mbit/s uplink, the link cut 8 s into the upload for 3 s`,
      `registered with its photo after ${ms(total)}; on the wire ${kb(link.uploadBytes)} for ${kb(photo?.size ?? 0)} (${kb(link.uploadBytes - (photo?.size ?? 0))} sent again); resumed from offset ${resumed.join(', ') || 'none'} (${sent.replace(/\s+/g, ' ')})`,
      link.cuts >= 1 && resumed.some((o) => o > 0) && photo?.size === bigBuf.length ? total : Infinity,
      300_000,
      'the 3 MB photo resumes from an offset > 0 after the cut and completes (< 5 min)',
    )
  } finally {
    await slowBrowser.close()
    link.close()
  }

  // 3. the shell offline
  await context.setOffline(true)
  const opens = []
  for (let i = 0; i < 7; i++) {
    const p = await context.newPage()
    const t = Date.now()
    await p.goto(`${CONSOLE_URL}/m/queue`, { timeout: WAIT })
    await p.locator('[data-test=m-queue]').waitFor({ timeout: WAIT })
    opens.push(Date.now() - t)
    if (i === 6) await p.screenshot({ path: join(ARTIFACTS, '70-bench-offline-shell.png') })
    await p.close()
  }
  await context.setOffline(false)
  figure('app shell opened offline → queue shown (7)', `p50 ${ms(percentile(opens, 50))} · p95 ${ms(percentile(opens, 95))}`, percentile(opens, 95), 1000, 'p95 < 1 s')
} finally {
  await browser.close()
  done()
}

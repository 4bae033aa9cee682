// End-to-end: 处置通, the unit's terminal, on a phone (and the leader on a desktop). A case filed
// through the API is dispatched to 闽清县自来水公司 (U-WATER) while water-receiver watches the inbox on a
// phone: the order arrives without reloading (the push channel now serves the unit's people, scoped
// to their unit). The receiver signs for it on the phone, water-leader approves it (批办) on a
// desktop beside the list, water-handler reports back on the phone with an after-photo from the
// camera input (the file set on <input capture>), and shiftlead1 at the center sees the new state
// and the after-photo with the same SHA-256 on the case page; after the collector's 核查通过 the
// handler's phone shows the check's result without a reload. axe-core on the inbox and the dialogs.
// The push channel's scope: two raw streams (water-receiver, sanitation-receiver) each get the
// frame of their own unit's new order and never the other unit's; no fixed sleeps anywhere.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { ARTIFACTS, CONSOLE_URL, WAIT, accessible, filedCase, launchBrowser, logIn, pick, png, token } from './support.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

/** A phone: small touch viewport, mobile user agent, Beijing shown whatever the zone (UTC here). */
async function phone() {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'UTC',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  })
  return { context, page: await context.newPage() }
}

async function desktop() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' })
  return { context, page: await context.newPage() }
}

async function post(user, path, body) {
  const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  assert.ok(res.ok, `${user} ${path}: ${res.status} ${await res.clone().text()}`)
  return res.json()
}

/**
 * The push channel as a unit's phone opens it (GET /live/events with the person's token): every
 * data frame is kept; until(id) resolves at the first frame about case id (the test's WAIT else).
 */
async function stream(user) {
  const ctrl = new AbortController()
  const res = await fetch(`${CONSOLE_URL}/live/events`, {
    headers: { Authorization: `Bearer ${await token(user)}`, Accept: 'text/event-stream' },
    signal: ctrl.signal,
  })
  assert.equal(res.status, 200, `${user}: the push channel is open to a unit's people`)
  const frames = []
  const waiting = []
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        let cut
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          for (const line of block.split('\n')) {
            if (!line.startsWith('data: ')) continue
            const f = JSON.parse(line.slice(6))
            frames.push(f)
            for (const w of waiting.filter((x) => x.id === f.id)) w.resolve()
          }
        }
      }
    } catch {
      /* aborted */
    }
  })()
  return {
    frames,
    get ids() {
      return frames.map((f) => f.id)
    },
    until(id) {
      if (frames.some((f) => f.id === id)) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${user}: no frame about ${id} within ${WAIT} ms; got ${frames.map((f) => f.id)}`)), WAIT)
        waiting.push({ id, resolve: () => (clearTimeout(timer), resolve()) })
      })
    },
    close: () => ctrl.abort(),
  }
}

/** A photo of a step uploaded by its actor to dispatch's evidence store; its id. */
async function uploadPhoto(user, caseId, purpose) {
  const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${caseId}/photos?purpose=${purpose}&fileName=${purpose.toLowerCase()}.png`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'image/png' },
    body: await png(160, 120, [90, 140, 60]),
  })
  assert.ok(res.ok, `${user} photo ${purpose}: ${res.status} ${await res.clone().text()}`)
  return (await res.json()).photoId
}

async function state(page, label) {
  await page.locator('[data-test=unit-case-state]', { hasText: label }).waitFor({ timeout: 15_000 })
}

async function quiet(page) {
  await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
}

describe('处置通: the unit signs for, approves and reports back; the center sees it', () => {
  test('receiver (phone) → leader (desktop) → handler (phone, after-photo) → shift lead sees the photo', async () => {
    const c = await filedCase(`e2e 处置通 自来水管破裂 ${Date.now()}`)
    const shots = []
    let step = 'receiver'
    const pages = []
    try {
      // --- the receiver's phone: the inbox open, the order pushed in without a reload
      const r = await phone()
      pages.push(r)
      await logIn(r.page, '/u', 'water-receiver')
      await r.page.locator('[data-test=unit-inbox]').waitFor({ timeout: WAIT })
      await r.page.locator('[data-test=live-indicator][data-status=live]').waitFor({ timeout: WAIT })
      const t0 = Date.now()
      await post('dispatcher1', `/cases/${c.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 供水管网属自来水公司', requirements: '2小时内关阀抢修' })
      const row = r.page.locator(`[data-test=unit-row-${c.id}]`)
      // the fallback poll is 30 s: only the push brings it this soon
      await row.waitFor({ timeout: 10_000 })
      console.log(`处置通: the new order on the phone ${Date.now() - t0} ms after the dispatch's answer`)
      await row.locator('[data-test=unit-fresh]').waitFor({ timeout: 5_000 })
      await row.locator('[data-test=unit-remaining]', { hasText: /剩余|超时/ }).waitFor({ timeout: 15_000 })
      assert.notEqual(await row.getAttribute('data-light'), 'none', 'the order has its traffic light')
      await accessible(r.page, 'unit inbox (phone)')
      await r.page.screenshot({ path: join(ARTIFACTS, '70-unit-inbox-phone.png'), fullPage: true })
      shots.push('70')

      await row.tap()
      await r.page.waitForURL((u) => u.pathname === `/u/cases/${c.id}`, { timeout: WAIT })
      await state(r.page, '已派遣')
      await r.page.locator('[data-test=unit-case-description]', { hasText: '自来水管破裂' }).waitFor()
      await r.page.locator('[data-test=unit-action-SIGN_FOR]').tap()
      await r.page.locator('textarea[data-test=unit-action-note]').fill('已阅，马上安排')
      await accessible(r.page, 'sign-for dialog (phone)')
      await r.page.locator('[data-test=unit-action-submit]').tap()
      await state(r.page, '已签收')
      await quiet(r.page)
      await r.page.screenshot({ path: join(ARTIFACTS, '71-unit-signed-phone.png'), fullPage: true })

      // --- the leader in charge at a desktop: the list with the order beside it
      step = 'leader'
      const l = await desktop()
      pages.push(l)
      await logIn(l.page, '/u', 'water-leader')
      await l.page.locator(`[data-test=unit-row-${c.id}]`).click()
      await l.page.locator('[data-test=unit-case] [data-test=unit-case-state]', { hasText: '已签收' }).waitFor({ timeout: 15_000 })
      await l.page.locator('[data-test=unit-action-APPROVE_BY_LEADER]').click()
      await l.page.locator('textarea[data-test=unit-action-instructions]').fill('请处置人员立即到场')
      await l.page.locator('[data-test=unit-action-submit]').click()
      await state(l.page, '处置中')
      await quiet(l.page)
      await accessible(l.page, 'unit inbox with the order (desktop)')
      await l.page.screenshot({ path: join(ARTIFACTS, '72-unit-leader-desktop.png') })

      // --- the handler's phone: report back with an after-photo from the camera input
      step = 'handler'
      const h = await phone()
      pages.push(h)
      await logIn(h.page, `/u/cases/${c.id}`, 'water-handler')
      await state(h.page, '处置中')
      // 延期申请 with a deadline already past: dispatch refuses; the reason in Chinese, the text kept
      await h.page.locator('[data-test=unit-action-REQUEST_EXTENSION]').tap()
      await h.page.locator('textarea[data-test=unit-action-reason]').fill('需采购专用管件 e2e')
      const when = h.page.locator('[data-test=unit-action-dialog] .el-date-editor input')
      await when.fill('2026-01-05 10:00:00')
      await when.press('Enter')
      await h.page.locator('[data-test=unit-action-submit]').tap()
      const refusal = h.page.locator('[data-test=unit-action-problem]')
      await refusal.waitFor({ timeout: 15_000 })
      assert.match(await refusal.innerText(), /晚于当前时间/, 'the reason of the refusal, in Chinese')
      assert.equal(await h.page.locator('textarea[data-test=unit-action-reason]').inputValue(), '需采购专用管件 e2e', 'typed text kept')
      await h.page.screenshot({ path: join(ARTIFACTS, '76-unit-extension-refused-phone.png') })
      await h.page.locator('[data-test=unit-action-cancel]').tap()
      await h.page.locator('[data-test=unit-action-dialog]').waitFor({ state: 'hidden' })
      await h.page.locator('[data-test=unit-action-SUBMIT_FEEDBACK]').tap()
      // nothing typed, no photo: refused before sending, each field named
      await h.page.locator('[data-test=unit-action-submit]').tap()
      await h.page.locator('.el-form-item__error', { hasText: '必填' }).waitFor()
      await h.page.locator('.el-form-item__error', { hasText: '请至少拍摄一张处置后照片' }).waitFor()
      await h.page.locator('textarea[data-test=unit-action-description]').fill('已关阀更换破损管段，路面已恢复')
      const photo = await png(320, 240, [40, 110, 170])
      const sha = createHash('sha256').update(photo).digest('hex')
      await h.page.locator('[data-test=unit-camera]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: photo })
      await h.page.locator('[data-test=unit-photos] [data-status=done]').waitFor({ timeout: 15_000 })
      // the hash computed on the phone and the one dispatch answered agree (else: refused)
      assert.match(await h.page.locator('[data-test=unit-photos]').innerText(), new RegExp(sha.slice(0, 12)))
      assert.equal(await h.page.locator('textarea[data-test=unit-action-description]').inputValue(), '已关阀更换破损管段，路面已恢复', 'typed text kept')
      await accessible(h.page, 'feedback dialog with the after-photo (phone)')
      await h.page.screenshot({ path: join(ARTIFACTS, '73-unit-feedback-phone.png') })
      await h.page.locator('[data-test=unit-action-submit]').tap()
      await state(h.page, '已反馈')
      await quiet(h.page)
      await h.page.screenshot({ path: join(ARTIFACTS, '74-unit-reported-phone.png'), fullPage: true })

      // --- the center: the new state and the after-photo, with the same hash, on the case page
      step = 'center'
      const s = await desktop()
      pages.push(s)
      await logIn(s.page, `/cases/${c.id}`, 'shiftlead1')
      await s.page.locator('[data-test=case-state]', { hasText: '已反馈' }).waitFor({ timeout: 15_000 })
      await s.page.locator('[data-test=case-photos] figure').nth(1).waitFor({ timeout: 15_000 })
      const photos = await s.page.locator('[data-test=case-photos]').innerText()
      assert.ok(photos.includes(sha.slice(0, 16)), `the after-photo's SHA-256 ${sha} on the case page: ${photos}`)
      assert.match(photos, /处置后照片/)
      for (const st of ['SIGN_FOR', 'APPROVE_BY_LEADER', 'SUBMIT_FEEDBACK']) {
        await s.page.locator(`[data-test=case-history] [data-test=step-${st}]`).first().waitFor({ timeout: 10_000 })
      }
      await quiet(s.page)
      await s.page.screenshot({ path: join(ARTIFACTS, '75-center-sees-after-photo.png'), fullPage: true })

      // --- the check (核查, R-15): the center orders it, the collector passes it with a photo (API
      // calls, as their clients make them); the handler's phone, still open, shows the result
      // without a reload (the unit's stream carries the case's change)
      step = 'check'
      await post('shiftlead1', `/cases/${c.id}/check-orders`, { collectorId: 'C0001', note: 'e2e 请核查供水管' })
      const checkPhoto = await uploadPhoto('collector1', c.id, 'CHECK')
      await post('collector1', `/cases/${c.id}/checks/pass`, { note: '现场已恢复供水', photoIds: [checkPhoto] })
      const result = h.page.locator('[data-test=unit-check]')
      await result.waitFor({ timeout: 15_000 })
      assert.match(await result.innerText(), /核查通过[\s\S]*现场已恢复供水/)
      await quiet(h.page)
      await result.scrollIntoViewIfNeeded()
      await h.page.screenshot({ path: join(ARTIFACTS, '77-unit-check-result-phone.png') })
    } catch (e) {
      for (const [i, p] of pages.entries()) await p.page.screenshot({ path: join(ARTIFACTS, `failure-unit-${step}-${i}.png`), fullPage: true }).catch(() => {})
      throw e
    } finally {
      for (const p of pages) await p.context.close().catch(() => {})
    }
  })

  test("a unit's push stream carries its own orders and never another unit's", async () => {
    // two raw streams as the phones open them: the water unit's and the sanitation unit's
    const water = await stream('water-receiver')
    const sanitation = await stream('sanitation-receiver')
    try {
      const a = await filedCase(`e2e 处置通 推送范围 供水 ${Date.now()}`)
      const b = await filedCase(`e2e 处置通 推送范围 环卫 ${Date.now()}`)
      await post('dispatcher1', `/cases/${a.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 推送范围' })
      // the water unit hears of its order: the hub has handed this frame to every open stream
      await water.until(a.id)
      await post('dispatcher1', `/cases/${b.id}/dispatch`, { unitId: 'U-SANITATION', overrideReason: 'e2e 推送范围' })
      // the sanitation unit hears of its own, written to its socket after anything about case a
      await sanitation.until(b.id)
      assert.ok(!sanitation.ids.includes(a.id), `the sanitation unit never hears of the water unit's case: ${sanitation.ids}`)
      assert.ok(!water.ids.includes(b.id), `nor the water unit of the sanitation unit's: ${water.ids}`)
      for (const f of [...water.frames, ...sanitation.frames]) assert.deepEqual(Object.keys(f).sort(), ['at', 'change', 'id', 'kind'], 'only what changed')
    } finally {
      water.close()
      sanitation.close()
    }
  })

  test('the receiver asks to return an order on the phone, suggesting another unit', async () => {
    const c = await filedCase(`e2e 处置通 回退 ${Date.now()}`)
    await post('dispatcher1', `/cases/${c.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 回退申请' })
    const { context, page } = await phone()
    try {
      await logIn(page, `/u/cases/${c.id}`, 'water-receiver')
      await state(page, '已派遣')
      await page.locator('[data-test=unit-action-REQUEST_RETURN]').tap()
      await page.locator('textarea[data-test=unit-action-reason]').fill('非供水管网问题，属环卫保洁')
      await pick(page, 'unit-action-proposedUnitId', '（U-SANITATION）')
      await accessible(page, 'return request dialog (phone)')
      await page.locator('[data-test=unit-action-submit]').tap()
      await state(page, '回退申请中')
      await page.locator('[data-test=unit-requests]', { hasText: /非供水管网问题[\s\S]*U-SANITATION[\s\S]*待审核/ }).waitFor({ timeout: 15_000 })
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-unit-return.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })

  test('another unit does not see the order, nor hear of it', async () => {
    const c = await filedCase(`e2e 处置通 他单位 ${Date.now()}`)
    await post('dispatcher1', `/cases/${c.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 他单位不可见' })
    const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${c.id}`, { headers: { Authorization: `Bearer ${await token('sanitation-receiver')}` } })
    assert.equal(res.status, 404, 'dispatch-service hides it from another unit')
    const { context, page } = await phone()
    try {
      await logIn(page, '/u', 'sanitation-receiver')
      await page.locator('[data-test=unit-inbox]').waitFor({ timeout: WAIT })
      await page.locator('[data-test=live-indicator][data-status=live]').waitFor({ timeout: WAIT })
      assert.equal(await page.locator(`[data-test=unit-row-${c.id}]`).count(), 0)
    } finally {
      await context.close()
    }
  })
})

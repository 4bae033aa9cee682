// End-to-end: 效能告诫 (R-24, Art 33; issue 21) acknowledged by the person warned in 处置通.
// A warning is issued from an Art 33 notice, and a notice needs an incident: the quickest one the
// running suite raises without waiting for a clock is 未按规范要求处置 (NOT_TO_STANDARD, 33(3)) — the
// first failed check of an order (docs/assessment.md §5). So, all through the API: a case is
// dispatched to 闽清县自来水公司 (U-WATER), signed for, approved, reported back with an after-photo;
// the center orders the check and collector1 fails it. assessment-service consumes the failed check
// and publishes the center notice (县智慧中心通报) `{orderId}:NOT_TO_STANDARD:1:CENTER_NOTICE`; the
// efficiency office (efficiency1) finds it in GET /notices and issues a 效能告诫 from it to the leader
// in charge, water-leader. water-leader opens 处置通 on a desktop (and a phone), sees 我的效能告诫
// with the reason and 「签收告诫」, acknowledges; the office's GET /efficiency-warnings shows it
// acknowledged at that time, and a reload of 处置通 shows it 已签收. Screenshot 85. axe-core.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { ARTIFACTS, CONSOLE_URL, WAIT, accessible, filedCase, launchBrowser, logIn, png, token } from './support.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

async function call(user, method, path, body) {
  const res = await fetch(`${CONSOLE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await token(user)}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  assert.ok(res.ok, `${user} ${method} ${path}: ${res.status} ${await res.clone().text()}`)
  return res.json()
}

async function uploadPhoto(user, caseId, purpose) {
  const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${caseId}/photos?purpose=${purpose}&fileName=${purpose.toLowerCase()}.png`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'image/png' },
    body: await png(160, 120, [90, 140, 60]),
  })
  assert.ok(res.ok, `${user} photo ${purpose}: ${res.status} ${await res.clone().text()}`)
  return (await res.json()).photoId
}

/** The center notice of the case's failed check, once assessment-service has published it. */
async function centerNotice(caseId) {
  for (let i = 0; i < 120; i++) {
    const page = await call('efficiency1', 'GET', `/api/assessment/v1/notices?unitId=U-WATER&type=CENTER_NOTICE&size=200`)
    const n = (page.items ?? page).find((x) => x.caseId === caseId && x.kind === 'NOT_TO_STANDARD')
    if (n) return n
    await new Promise((r) => setTimeout(r, 500))
  }
  assert.fail(`no center notice for the failed check of ${caseId}`)
}

describe('效能告诫: the person warned acknowledges it in 处置通', () => {
  test('a failed check → center notice → the efficiency office warns water-leader → 签收告诫 → acknowledged for the office', async () => {
    const c = await filedCase(`e2e 效能告诫 自来水 未按规范处置 ${Date.now()}`)
    const d = '/api/dispatch/v1/cases/' + c.id
    await call('dispatcher1', 'POST', `${d}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 效能告诫' })
    await call('water-receiver', 'POST', `${d}/sign-for`, { note: 'e2e 签收' })
    await call('water-leader', 'POST', `${d}/leader-approval`, { instructions: 'e2e 立即处置' })
    const afterPhoto = await uploadPhoto('water-handler', c.id, 'AFTER')
    await call('water-handler', 'POST', `${d}/feedback`, { description: 'e2e 已处置', photoIds: [afterPhoto] })
    await call('shiftlead1', 'POST', `${d}/check-orders`, { collectorId: 'C0001', note: 'e2e 请核查' })
    const checkPhoto = await uploadPhoto('collector1', c.id, 'CHECK')
    await call('collector1', 'POST', `${d}/checks/fail`, { reason: '现场仍有积水，未按规范处置', photoIds: [checkPhoto] })

    const notice = await centerNotice(c.id)
    const reasonZh = `e2e 案件 ${c.id} 核查不通过，未按规范要求处置，予以效能告诫`
    const warning = await call('efficiency1', 'POST', `/api/assessment/v1/notices/${encodeURIComponent(notice.actionId)}/efficiency-warnings`, {
      reasonZh,
      personId: 'water-leader',
      personName: '自来水公司分管领导',
    })
    assert.equal(warning.personId, 'water-leader')
    assert.equal(warning.acknowledgedAt, null)

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' })
    const page = await context.newPage()
    try {
      await logIn(page, '/u', 'water-leader')
      const item = page.locator(`[data-test=unit-warning-${warning.warningId}]`)
      await item.waitFor({ timeout: WAIT })
      assert.match(await item.innerText(), new RegExp(reasonZh))
      assert.equal(await item.getAttribute('data-acknowledged'), 'no')
      await page.locator('[data-test=unit-warnings-pending]').waitFor({ timeout: WAIT })
      await accessible(page, 'my efficiency warnings (desktop)')

      await item.locator('[data-test=unit-warning-ack]').click()
      await item.locator('[data-test=unit-warning-acked]').waitFor({ timeout: WAIT })
      assert.equal(await item.getAttribute('data-acknowledged'), 'yes')
      await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
      await accessible(page, 'my efficiency warnings, acknowledged (desktop)')
      await page.screenshot({ path: join(ARTIFACTS, '85-warning-ack.png') })

      // the office sees it acknowledged
      const all = await call('efficiency1', 'GET', '/api/assessment/v1/efficiency-warnings?limit=1000')
      const seen = all.find((w) => w.warningId === warning.warningId)
      assert.ok(seen?.acknowledgedAt, 'acknowledged for the efficiency office')

      // a reload shows it acknowledged, no button
      await page.reload()
      await item.locator('[data-test=unit-warning-acked]').waitFor({ timeout: WAIT })
      assert.equal(await item.locator('[data-test=unit-warning-ack]').count(), 0)

      // another unit's person never sees it (only the person warned)
      const other = await call('water-receiver', 'GET', '/api/assessment/v1/efficiency-warnings/mine')
      assert.ok(!other.some((w) => w.warningId === warning.warningId), 'not in water-receiver’s list')
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-warning.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

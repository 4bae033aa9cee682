// End-to-end: two-level command (二级派遣, R-02) from the phone, in 处置通. A case is dispatched to
// the township body 梅城镇 (T-350124100), which signs for it and approves it (through the API: the
// one-level steps have their own e2e, unit.e2e.test.mjs). On a phone, meicheng-leader re-dispatches
// the order to the township's own department 梅城镇环境卫生管理站 (T-350124100-ENV); the department's
// person (meicheng-env) finds the sub-order in 处置通's inbox, signs for it and reports back with an
// after-photo from the camera input; the township's phone then shows the sub-order's result
// (已反馈) with the department's photo, and the township reports back to the center, whose case page
// shows the whole chain. Screenshots 78 (the department's sub-order feedback), 79 (the township
// sees the result and reports back).
// 二级回退 (R-02, R-16, Art 25), also on phones: the department (meicheng-env) asks to return a
// sub-order with its reason and suggests the township's other department 梅城镇村镇规划建设办公室
// (T-350124100-PLAN); the township's leader sees the request, approves it, sees the sub-order 已回退
// and re-dispatches it to that department — the department that returned it is no longer offered
// (dispatch would refuse it: SUB_UNIT_RETURNED). Screenshot 86.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { ARTIFACTS, CONSOLE_URL, WAIT, accessible, filedCase, launchBrowser, logIn, pick, png, token } from './support.mjs'

const TOWNSHIP = 'T-350124100'
const DEPARTMENT = 'T-350124100-ENV'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

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

async function call(user, method, path, body) {
  const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${await token(user)}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  assert.ok(res.ok, `${user} ${method} ${path}: ${res.status} ${await res.clone().text()}`)
  return res.json()
}

async function state(page, label) {
  await page.locator('[data-test=unit-case-state]', { hasText: label }).waitFor({ timeout: 15_000 })
}

async function quiet(page) {
  await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
}

/** Opens the case from the inbox of the signed-in person. */
async function openFromInbox(page, caseId) {
  await page.locator('[data-test=unit-inbox]').waitFor({ timeout: WAIT })
  const row = page.locator(`[data-test=unit-row-${caseId}]`)
  await row.waitFor({ timeout: 15_000 })
  await row.tap()
  await page.locator('[data-test=unit-case-description]').waitFor({ timeout: WAIT })
}

/** Takes an after-photo in the open dialog; returns its SHA-256 (checked against dispatch's answer). */
async function afterPhoto(page, rgb) {
  const photo = await png(320, 240, rgb)
  const sha = createHash('sha256').update(photo).digest('hex')
  await page.locator('[data-test=unit-camera]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: photo })
  await page.locator('[data-test=unit-photos] [data-status=done]').waitFor({ timeout: 15_000 })
  assert.match(await page.locator('[data-test=unit-photos]').innerText(), new RegExp(sha.slice(0, 12)))
  return sha
}

describe('处置通: two-level command from the phone (二级派遣)', () => {
  test('the township re-dispatches to its department; the department signs for and reports back; the township sees it and reports to the center', async () => {
    const c = await filedCase(`e2e 二级派遣 梅城镇 垃圾堆放 ${Date.now()}`)
    await call('dispatcher1', 'POST', `/cases/${c.id}/dispatch`, { unitId: TOWNSHIP, overrideReason: 'e2e 属地乡镇处置', requirements: '当日清理' })
    await call('meicheng-receiver', 'POST', `/cases/${c.id}/sign-for`, { note: 'e2e 签收' })
    await call('meicheng-leader', 'POST', `/cases/${c.id}/leader-approval`, { instructions: 'e2e 交环卫站处置' })
    const pages = []
    let step = 'township'
    try {
      // --- the township's leader, on a phone: re-dispatch to the own department
      const t = await phone()
      pages.push(t)
      await logIn(t.page, '/u', 'meicheng-leader')
      await openFromInbox(t.page, c.id)
      await t.page.locator('[data-test=unit-action-REDISPATCH_TO_SUB_UNIT]').tap()
      await pick(t.page, 'unit-action-subUnitId', '梅城镇环境卫生管理站')
      await t.page.locator('textarea[data-test=unit-action-requirements]').fill('请今日内清理完毕并拍照反馈')
      await t.page.locator('[data-test=unit-action-submit]').tap()
      await t.page.locator('[data-test=unit-action-dialog]').waitFor({ state: 'hidden', timeout: 15_000 })
      await t.page.locator('[data-test=unit-sub-orders]', { hasText: '梅城镇环境卫生管理站' }).waitFor({ timeout: 15_000 })
      await quiet(t.page)

      // --- the department's person, on a phone: the sub-order in the inbox, sign for, report back
      step = 'department'
      const d = await phone()
      pages.push(d)
      await logIn(d.page, '/u', 'meicheng-env')
      await openFromInbox(d.page, c.id)
      await d.page.locator('[data-test=unit-action-SIGN_FOR_SUB_ORDER]').tap()
      await d.page.locator('[data-test=unit-action-submit]').tap()
      await d.page.locator('[data-test=unit-action-dialog]').waitFor({ state: 'hidden', timeout: 15_000 })
      await quiet(d.page)
      await d.page.locator('[data-test=unit-action-SUBMIT_SUB_FEEDBACK]').tap()
      await d.page.locator('textarea[data-test=unit-action-description]').fill('垃圾已清运，现场已冲洗')
      const subSha = await afterPhoto(d.page, [30, 150, 90])
      await accessible(d.page, 'sub-order feedback with the after-photo (phone)')
      await d.page.screenshot({ path: join(ARTIFACTS, '78-department-sub-feedback-phone.png') })
      await d.page.locator('[data-test=unit-action-submit]').tap()
      await d.page.locator('[data-test=unit-action-dialog]').waitFor({ state: 'hidden', timeout: 15_000 })

      // dispatch holds the sub-order as reported back, with the department's photo
      const after = await call('meicheng-leader', 'GET', `/cases/${c.id}`)
      const subs = after.orders.filter((o) => o.unitId === DEPARTMENT && o.parentOrderId)
      assert.equal(subs.length, 1, `one sub-order to ${DEPARTMENT}`)
      const sub = subs[0]
      assert.ok(after.photos.some((p) => p.purpose === 'SUB_AFTER' && p.sha256 === subSha && p.orderId === sub.orderId), "the department's after-photo, same hash, on its sub-order")

      // --- the township sees the sub-order's result and reports back to the center
      step = 'township-result'
      await t.page.reload()
      await t.page.locator('[data-test=unit-sub-orders]', { hasText: /梅城镇环境卫生管理站[\s\S]*已反馈/ }).waitFor({ timeout: 15_000 })
      await t.page.locator('[data-test=unit-action-SUBMIT_FEEDBACK]').tap()
      await t.page.locator('textarea[data-test=unit-action-description]').fill('下属环卫站已清理完毕，经复查合格')
      await afterPhoto(t.page, [200, 120, 40])
      await t.page.locator('[data-test=unit-action-submit]').tap()
      await state(t.page, '已反馈')
      await quiet(t.page)
      await accessible(t.page, 'the township sees the sub-order result and has reported back (phone)')
      await t.page.screenshot({ path: join(ARTIFACTS, '79-township-sub-result-reported-phone.png'), fullPage: true })
      const back = await call('shiftlead1', 'GET', `/cases/${c.id}/history`)
      const steps = (back.items ?? back).map((h) => h.transition)
      for (const st of ['REDISPATCH_TO_SUB_UNIT', 'SIGN_FOR_SUB_ORDER', 'SUBMIT_SUB_FEEDBACK', 'SUBMIT_FEEDBACK']) assert.ok(steps.includes(st), `${st} in ${steps}`)
    } catch (e) {
      for (const [i, p] of pages.entries()) await p.page.screenshot({ path: join(ARTIFACTS, `failure-suborder-${step}-${i}.png`), fullPage: true }).catch(() => {})
      throw e
    } finally {
      for (const p of pages) await p.context.close()
    }
  })

  test('二级回退 on phones: the department returns the sub-order with a reason, the township sees it returned and re-dispatches it to another department', async () => {
    const c = await filedCase(`e2e 二级回退 梅城镇 违章搭建 ${Date.now()}`)
    await call('dispatcher1', 'POST', `/cases/${c.id}/dispatch`, { unitId: TOWNSHIP, overrideReason: 'e2e 属地乡镇处置', requirements: '三日内处置' })
    await call('meicheng-receiver', 'POST', `/cases/${c.id}/sign-for`, { note: 'e2e 签收' })
    await call('meicheng-leader', 'POST', `/cases/${c.id}/leader-approval`, { instructions: 'e2e 交环卫站处置' })
    await call('meicheng-leader', 'POST', `/cases/${c.id}/sub-orders`, { subUnitId: DEPARTMENT, requirements: 'e2e 请清理' })
    const pages = []
    let step = 'department-return'
    try {
      // --- the department, on a phone: 二级回退申请 with the reason and the department it suggests
      const d = await phone()
      pages.push(d)
      await logIn(d.page, '/u', 'meicheng-env')
      await openFromInbox(d.page, c.id)
      await d.page.locator('[data-test=unit-action-REQUEST_SUB_ORDER_RETURN]').tap()
      const reason = '系违章搭建，属村镇规划建设办公室职责，非环卫站职责'
      await d.page.locator('textarea[data-test=unit-action-reason]').fill(reason)
      // the suggestion offers the township's other departments (not this one, not the whole county)
      await pick(d.page, 'unit-action-suggestedUnitId', '梅城镇村镇规划建设办公室')
      const offered = await d.page.locator('.el-select-dropdown__item').allInnerTexts()
      assert.ok(!offered.some((o) => o.includes(DEPARTMENT + '）')), `its own department is not offered: ${offered}`)
      await d.page.locator('[data-test=unit-action-submit]').tap()
      await d.page.locator('[data-test=unit-action-dialog]').waitFor({ state: 'hidden', timeout: 15_000 })
      await d.page.locator('[data-test=unit-requests]', { hasText: reason }).waitFor({ timeout: 15_000 })
      await quiet(d.page)

      // --- the township's leader, on a phone: sees the request, approves; the sub-order is 已回退
      step = 'township-approve'
      const t = await phone()
      pages.push(t)
      await logIn(t.page, '/u', 'meicheng-leader')
      await openFromInbox(t.page, c.id)
      const request = t.page.locator('[data-test=unit-requests]', { hasText: reason })
      await request.waitFor({ timeout: 15_000 })
      // the units by name (read from the register after the case: wait for them, do not read once)
      await t.page
        .locator('[data-test=unit-requests]', { hasText: /二级回退申请（梅城镇环境卫生管理站）[\s\S]*建议改派 梅城镇村镇规划建设办公室（T-350124100-PLAN）[\s\S]*待审核/ })
        .waitFor({ timeout: 15_000 })
      await t.page.locator('[data-test=unit-action-APPROVE_SUB_ORDER_RETURN]').tap()
      await t.page.locator('textarea[data-test=unit-action-note]').fill('同意，改派规划办')
      await t.page.locator('[data-test=unit-action-submit]').tap()
      await t.page.locator('[data-test=unit-action-dialog]').waitFor({ state: 'hidden', timeout: 15_000 })
      await t.page.locator('[data-test=unit-sub-orders]', { hasText: /梅城镇环境卫生管理站[\s\S]*已回退/ }).waitFor({ timeout: 15_000 })
      await t.page.locator('[data-test=unit-requests]', { hasText: /已同意/ }).waitFor({ timeout: 15_000 })
      await quiet(t.page)
      await accessible(t.page, 'the township sees the sub-order returned (phone)')
      await t.page.screenshot({ path: join(ARTIFACTS, '86-suborder-returned-phone.png'), fullPage: true })

      // --- the township re-dispatches to its other department (the returned one is not offered again)
      step = 'township-redispatch'
      await t.page.locator('[data-test=unit-action-REDISPATCH_TO_SUB_UNIT]').tap()
      await t.page.locator('[data-test=unit-action-subUnitId]').click()
      await t.page.locator('.el-select-dropdown__item:visible', { hasText: '梅城镇村镇规划建设办公室' }).waitFor({ timeout: 15_000 })
      const choices = await t.page.locator('.el-select-dropdown__item:visible').allInnerTexts()
      assert.ok(!choices.some((o) => o.includes('梅城镇环境卫生管理站')), `the department that returned it is not offered again: ${choices}`)
      await t.page.keyboard.press('Escape')
      await pick(t.page, 'unit-action-subUnitId', '梅城镇村镇规划建设办公室')
      await t.page.locator('textarea[data-test=unit-action-requirements]').fill('请三日内拆除违章搭建并拍照反馈')
      await t.page.locator('[data-test=unit-action-submit]').tap()
      await t.page.locator('[data-test=unit-action-dialog]').waitFor({ state: 'hidden', timeout: 15_000 })
      await t.page.locator('[data-test=unit-sub-orders]', { hasText: /梅城镇村镇规划建设办公室[\s\S]*待签收/ }).waitFor({ timeout: 15_000 })

      const after = await call('meicheng-leader', 'GET', `/cases/${c.id}`)
      const subs = after.orders.filter((o) => o.parentOrderId)
      assert.deepEqual(
        subs.map((o) => [o.unitId, o.status]).sort(),
        [
          [DEPARTMENT, 'RETURNED'],
          ['T-350124100-PLAN', 'DISPATCHED'],
        ],
      )
      const back = await call('shiftlead1', 'GET', `/cases/${c.id}/history`)
      const steps = (back.items ?? back).map((h) => h.transition)
      for (const st of ['REQUEST_SUB_ORDER_RETURN', 'APPROVE_SUB_ORDER_RETURN']) assert.ok(steps.includes(st), `${st} in ${steps}`)
      assert.equal(steps.filter((s) => s === 'REDISPATCH_TO_SUB_UNIT').length, 2)
    } catch (e) {
      for (const [i, p] of pages.entries()) await p.page.screenshot({ path: join(ARTIFACTS, `failure-subreturn-${step}-${i}.png`), fullPage: true }).catch(() => {})
      throw e
    } finally {
      for (const p of pages) await p.context.close()
    }
  })
})

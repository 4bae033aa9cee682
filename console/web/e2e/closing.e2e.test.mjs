// End-to-end: a case from dispatch to closing on the 案卷 page. The unit's steps (签收, 批办, 处理反馈
// with an after-photo) and the collector's 核查通过 with a check photo are API calls, as their own
// clients would make them; shiftlead1 orders the check (指令核查, picking the collector) and closes
// the case (结案) in the browser, and the page shows the photos of every step with their hashes.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { ARTIFACTS, CONSOLE_URL, filedCase, logIn, newPage, pick, png, token, useBrowser } from './support.mjs'

useBrowser()

async function post(user, path, body) {
  const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  assert.ok(res.ok, `${user} ${path}: ${res.status} ${await res.clone().text()}`)
  return res.json()
}

async function photo(user, caseId, purpose) {
  const rgb = [Math.floor(Math.random() * 200), Math.floor(Math.random() * 200), Math.floor(Math.random() * 200)]
  const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${caseId}/photos?purpose=${purpose}&fileName=${purpose.toLowerCase()}.png`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'image/png' },
    body: await png(160, 120, rgb),
  })
  assert.ok(res.ok, `${user} photo ${purpose}: ${res.status} ${await res.clone().text()}`)
  return (await res.json()).photoId
}

describe('案卷: order the check and close, shift lead', () => {
  test('shiftlead1 orders a check picking the collector, then closes the case; photos of every step', async () => {
    const c = await filedCase(`e2e 结案 ${Date.now()}`)
    await post('dispatcher1', `/cases/${c.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 自来水公司管线' })
    await post('water-receiver', `/cases/${c.id}/sign-for`, {})
    await post('water-leader', `/cases/${c.id}/leader-approval`, {})
    const after = await photo('water-handler', c.id, 'AFTER')
    await post('water-handler', `/cases/${c.id}/feedback`, { description: '已清理 e2e', photoIds: [after] })

    const { context, page } = await newPage()
    try {
      await logIn(page, `/cases/${c.id}`, 'shiftlead1')
      await page.locator('[data-test=case-state]', { hasText: '已反馈' }).waitFor({ timeout: 15_000 })
      await page.locator('[data-test=action-ORDER_CHECK]').click()
      await pick(page, 'action-collectorId', '（C0001）')
      await page.locator('textarea[data-test=action-note]').fill('请核查 e2e')
      await page.locator('[data-test=action-submit]').click()
      await page.locator('[data-test=case-state]', { hasText: '核查中' }).waitFor({ timeout: 15_000 })

      const check = await photo('collector1', c.id, 'CHECK')
      await post('collector1', `/cases/${c.id}/checks/pass`, { note: '现场已清理', photoIds: [check] })
      await page.reload()
      await page.locator('[data-test=action-CLOSE]').click()
      await page.locator('[data-test=action-submit]').click()
      await page.locator('[data-test=case-state]', { hasText: '已结案' }).waitFor({ timeout: 15_000 })
      // before (intake), after (unit) and check (collector) photos, each with its hash
      await page.locator('[data-test=case-photos] figure').nth(2).waitFor({ timeout: 15_000 })
      const text = await page.locator('[data-test=case-photos]').innerText()
      assert.equal((text.match(/SHA-256 [0-9a-f]{16}/g) ?? []).length, 3, text)
      for (const step of ['ORDER_CHECK', 'PASS_CHECK', 'CLOSE']) {
        await page.locator(`[data-test=case-history] [data-test=step-${step}]`).first().waitFor({ timeout: 10_000 })
      }
      await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
      await page.screenshot({ path: join(ARTIFACTS, '17-case-closed.png'), fullPage: true })
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-closing.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

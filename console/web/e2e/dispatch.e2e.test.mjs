// End-to-end: 派遣台 (dispatcher1 dispatches a filed case with the matrix's proposal and sees its
// clocks; a refused dispatch shows the reason and keeps the typed reason), 案卷 (shiftlead1 sees
// the whole history and the clocks with their light) and 督办 (shiftlead1's supervision list).
// Against the real local stack, like intake.e2e.test.mjs.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { ARTIFACTS, CONSOLE_URL, accessible, filedCase, logIn, newPage, token, useBrowser } from './support.mjs'

useBrowser()

async function screenshot(page, name, fullPage = true) {
  await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage })
}

let dispatchedCase

describe('派遣台 dispatch desk, dispatcher', () => {
  test('dispatcher1 sees a refusal with the reason kept, then dispatches with the proposal and sees the clocks', async () => {
    const refused = await filedCase(`e2e 派遣冲突 ${Date.now()}`)
    const mine = await filedCase(`e2e 派遣 ${Date.now()}`)
    const { context, page } = await newPage()
    try {
      await logIn(page, '/dispatch', 'dispatcher1')
      await page.locator('[data-test=dispatch-desk]').waitFor()
      await page.locator('[data-test=menu-dispatch]').waitFor()
      assert.equal(await page.locator('[data-test=menu-intake]').count(), 0, 'a dispatcher has no 受理台')

      // a refusal: another unit with a reason typed, meanwhile the shift lead dispatched it
      await page.locator(`[data-test="dispatch-row-${refused.reportNo}"]`).waitFor({ timeout: 20_000 })
      await page.locator(`[data-test="dispatch-row-${refused.reportNo}"]`).click()
      await page.locator('[data-test=proposal-explanation]').waitFor({ timeout: 15_000 })
      await page.locator('[data-test=dispatch-unit]').click()
      const option = page.locator('.el-select-dropdown__item:visible').filter({ hasNotText: (await page.locator('[data-test=proposed-unit]').innerText().catch(() => '###')) || '###' }).first()
      await option.click()
      await page.locator('textarea[data-test=dispatch-reason]').fill('属地管辖 e2e')
      const lead = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${refused.id}/dispatch`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token('shiftlead1')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({}),
      })
      assert.equal(lead.status, 200, `shift lead dispatch: ${await lead.clone().text()}`)
      await page.locator('[data-test=dispatch-other]').click()
      const problem = page.locator('[data-test=dispatch-problem]')
      await problem.waitFor({ timeout: 10_000 })
      assert.match(await problem.innerText(), /[\u4e00-\u9fff]/, 'a Chinese reason')
      assert.equal(await page.locator('textarea[data-test=dispatch-reason]').inputValue(), '属地管辖 e2e')
      await screenshot(page, '12-dispatch-refused.png')

      // the case filed for this test: the proposal in plain words, dispatched in one click
      await page.locator(`[data-test="dispatch-row-${mine.reportNo}"]`).click()
      await page.locator('[data-test=proposed-unit]').waitFor({ timeout: 15_000 })
      assert.ok((await page.locator('[data-test=proposal-explanation]').innerText()).trim().length > 0)
      await page.locator('[data-test=proposed-load]').filter({ hasText: /\d/ }).waitFor({ timeout: 10_000 })
      await page.locator('[data-test=dispatch-detail] [data-test^=light-]').first().waitFor({ timeout: 20_000 })
      await screenshot(page, '10-dispatch-desk.png')
      await accessible(page, 'dispatch desk')
      await page.locator('[data-test=dispatch-confirm]').click()
      await page.locator('[data-test=dispatched]').waitFor({ timeout: 15_000 })
      // the clocks of the dispatched case: R-12 stopped, the unit's clocks start (sla-service)
      const light = page.locator('[data-test=dispatch-detail] [data-test^=light-]:not([data-test=light-REGISTRATION_TO_DISPATCH])').first()
      await light.waitFor({ timeout: 30_000 })
      assert.match(await light.getAttribute('class'), /green|yellow|red/)
      await screenshot(page, '11-dispatched-clocks.png')
      dispatchedCase = mine
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-dispatcher.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

describe('案卷 and 督办, shift lead', () => {
  test('shiftlead1 opens the case: report, history across intake and dispatch, clocks with their light; then 督办', async () => {
    assert.ok(dispatchedCase, 'the dispatch test ran first')
    const { context, page } = await newPage()
    try {
      await logIn(page, `/cases/${dispatchedCase.id}`, 'shiftlead1')
      await page.locator('[data-test=case-page]').waitFor()
      await page.locator('[data-test=case-state]').waitFor({ timeout: 15_000 })
      assert.match(await page.locator('[data-test=case-description]').innerText(), /e2e 派遣/)
      // the whole history: intake's registration and filing, dispatch's opening and dispatch
      for (const step of ['REGISTER', 'FILE', 'OPEN', 'DISPATCH']) {
        await page.locator(`[data-test=case-history] [data-test=step-${step}]`).first().waitFor({ timeout: 15_000 })
      }
      assert.match(await page.locator('[data-test=case-history]').innerText(), /dispatcher1/)
      // the report's photo from intake, with its hash and time
      await page.locator('[data-test=case-photos] figure').first().waitFor({ timeout: 15_000 })
      assert.match(await page.locator('[data-test=case-photos]').innerText(), /SHA-256 [0-9a-f]{16}/)
      const lights = page.locator('[data-test=case-clocks] [data-test^=light-]')
      await lights.first().waitFor({ timeout: 20_000 })
      const classes = await lights.evaluateAll((els) => els.map((e) => e.className))
      assert.ok(classes.some((c) => /green|yellow/.test(c)), `a running clock green or yellow: ${classes}`)
      await page.locator('[data-test=report-map][data-ready="1"]').waitFor({ timeout: 15_000 }).catch(() => {})
      await screenshot(page, '13-case-page.png')
      await accessible(page, 'case page')

      // a command dialog: 作废 needs a reason; refused before sending, nothing lost
      await page.locator('[data-test=action-CANCEL]').click()
      await page.locator('[data-test=action-submit]').click()
      await page.locator('[data-test=case-action-dialog] .el-form-item__error').first().waitFor({ timeout: 5_000 })
      await screenshot(page, '14-case-action-dialog.png', false)
      await page.keyboard.press('Escape')

      // the same page in English: the services' labels and the console's words switch together
      await page.locator('[data-test=case-action-dialog]').waitFor({ state: 'hidden' })
      await page.locator('[data-test=language]').click()
      await page.locator('[data-test=case-page] h3', { hasText: 'History' }).waitFor({ timeout: 5_000 })
      await page.locator('[data-test=case-history] [data-test=step-DISPATCH]', { hasText: 'Dispatch' }).waitFor({ timeout: 5_000 })
      await screenshot(page, '16-case-page-en.png')
      await page.locator('[data-test=language]').click()
      await page.locator('[data-test=case-page] h3', { hasText: '流转记录' }).waitFor({ timeout: 5_000 })

      // 督办: the list loads (warnings and breaches of the open cases, oldest first)
      await page.locator('[data-test=menu-supervision]').click()
      await page.locator('[data-test=supervision-table]').waitFor()
      await page.locator('[data-test=supervision] .el-loading-mask').waitFor({ state: 'hidden', timeout: 60_000 }).catch(() => {})
      assert.equal(await page.locator('[data-test=supervision] .el-alert--error').count(), 0)
      await screenshot(page, '15-supervision.png')
      await accessible(page, 'supervision')
      const first = page.locator('[data-test=supervision-table] .el-table__row').first()
      if (await first.count()) {
        await first.click()
        await page.locator('[data-test=case-page] [data-test=case-state]').waitFor({ timeout: 15_000 })
      }
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-shiftlead.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

// End-to-end test of the console against the real local stack (deploy/local/start.sh): the real
// Keycloak login page, the real services behind the console's proxy, Debian's Chromium driven by
// playwright-core (no browser download). Run: CONSOLE_URL=http://127.0.0.1:8086 npm run e2e
// Screenshots: e2e/artifacts/*.png (gitignored); docs/console/*.png are copies of the main ones.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { ARTIFACTS, CONSOLE_URL, accessible, authority, cuttableProxy, hotlineTicket, logIn, newPage, registerReport, token, useBrowser } from './support.mjs'

useBrowser()

describe('受理台 intake queue, operator', () => {
  test('operator1 logs in, sees an arrival without reload, files it, sees a refusal, logs out', async () => {
    const { context, page } = await newPage()
    try {
      await logIn(page, '/intake', 'operator1')
      await page.locator('[data-test=intake-queue]').waitFor()
      await page.locator('[data-test=menu-intake]').waitFor()
      await page.locator('[data-test=queue-table] .el-table__row').first().waitFor({ timeout: 20_000 }).catch(() => {})
      // nothing of the session in localStorage: tokens live in this tab's sessionStorage only
      const local = await page.evaluate(() => JSON.stringify(window.localStorage))
      assert.doesNotMatch(local, /access_token|refresh_token|id_token/)

      // a report registered through the API appears without reloading: the push channel says a
      // report changed and the queue re-reads (the safety-net poll is 30 s, so this proves the push)
      await page.locator('[data-test=live-indicator][data-status=live]').waitFor({ timeout: 15_000 })
      assert.match(await page.locator('[data-test=live-indicator]').innerText(), /实时/)
      const { report, createdAt } = await registerReport(`e2e 暴露垃圾 ${Date.now()}`)
      const row = page.locator(`[data-test="row-${report.reportNo}"]`)
      await row.waitFor({ timeout: 10_000 })
      const seenAfterMs = Date.now() - createdAt
      console.log(`arrival visible ${seenAfterMs} ms after its 201`)
      assert.ok(seenAfterMs < 5_000, `pushed, not polled: ${seenAfterMs} ms`)
      // the same for a ticket the 12345 hotline platform pushes with its machine client
      const ticket = await hotlineTicket(`e2e 12345 热线 路灯不亮 ${Date.now()}`)
      await page.locator(`[data-test="row-${ticket.report.reportNo}"]`).waitFor({ timeout: 10_000 })
      const ticketMs = Date.now() - ticket.createdAt
      console.log(`hotline ticket visible ${ticketMs} ms after its 201`)
      assert.ok(ticketMs < 5_000, `pushed, not polled: ${ticketMs} ms`)
      await page.screenshot({ path: join(ARTIFACTS, '02-intake-queue.png') })
      await accessible(page, 'queue')

      // open it: details, map, and file it against the filing standard
      await row.click()
      await page.locator('[data-test=report-details]').waitFor()
      await page.locator('[data-test=file-button]:not([disabled])').waitFor({ timeout: 15_000 })
      await page.locator('[data-test=report-map][data-ready="1"]').waitFor({ timeout: 15_000 }).catch(() => {})
      await page.screenshot({ path: join(ARTIFACTS, '03-report-drawer.png') })
      await accessible(page, 'report drawer')
      await page.locator('[data-test=file-button]').click()
      await page.locator('[data-test=filing-condition]').waitFor()
      await page.screenshot({ path: join(ARTIFACTS, '04-filing-dialog.png') })
      await accessible(page, 'filing dialog')
      await page.locator('[data-test=filing-submit]').click()
      await page.locator('[data-test=report-status]', { hasText: '已立案' }).waitFor({ timeout: 15_000 })
      // the R-12 clock (立案派遣, 1 working hour) starts: green, with the working time left
      await page.locator('[data-test=light-REGISTRATION_TO_DISPATCH]').waitFor({ timeout: 20_000 })
      assert.match(await page.locator('[data-test=light-REGISTRATION_TO_DISPATCH]').getAttribute('class'), /green|yellow|red/)
      assert.match(await page.locator('[data-test=remaining-REGISTRATION_TO_DISPATCH]').innerText(), /剩余|超时|已到期/)
      await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
      await page.screenshot({ path: join(ARTIFACTS, '05-filed.png') })
      await page.keyboard.press('Escape')

      // a refused action shows the service's reason and keeps what was typed: the dialog is
      // open, meanwhile the shift lead files the same report, then the operator submits
      const second = (await registerReport(`e2e 拒绝 ${Date.now()}`)).report
      const row2 = page.locator(`[data-test="row-${second.reportNo}"]`)
      await row2.waitFor({ timeout: 10_000 })
      await row2.click()
      await page.locator('[data-test=file-button]:not([disabled])').waitFor({ timeout: 15_000 })
      await page.locator('[data-test=file-button]').click()
      await page.locator('[data-test=filing-condition]').waitFor()
      await page.locator('textarea[data-test=filing-override]').fill('现场已确认 e2e')
      const res = await fetch(`${CONSOLE_URL}/api/intake/v1/reports/${second.id}/filing`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token('shiftlead1')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ categoryCode: 'E-0101' }),
      })
      assert.equal(res.status, 200)
      await page.locator('[data-test=filing-submit]').click()
      const problem = page.locator('[data-test=filing-problem]')
      await problem.waitFor({ timeout: 10_000 })
      const text = await problem.innerText()
      assert.match(text, /[\u4e00-\u9fff]/, `a Chinese reason: ${text}`)
      assert.equal(await page.locator('textarea[data-test=filing-override]').inputValue(), '现场已确认 e2e')
      await page.screenshot({ path: join(ARTIFACTS, '06-filing-refused.png') })
      await page.keyboard.press('Escape')
      // the drawer re-read the report after the refusal: it shows what the shift lead did
      await page.locator('[data-test=report-status]', { hasText: '已立案' }).waitFor({ timeout: 15_000 })
      await page.locator('[data-test=report-drawer] .el-drawer__close-btn').click()
      await page.locator('[data-test=report-drawer]').waitFor({ state: 'hidden' })

      // logout ends the Keycloak session: the next visit asks for the password again
      await page.locator('[data-test=logout]').click()
      await page.waitForURL((u) => u.toString().startsWith(CONSOLE_URL), { timeout: 30_000 })
      await page.goto(`${CONSOLE_URL}/intake`)
      await page.waitForURL((u) => u.toString().startsWith(authority), { timeout: 30_000 })
      await page.locator('#username').waitFor()
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-operator.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

describe('the push channel breaks and comes back', () => {
  test('连接中断 while the network is gone, 实时 after it returns, and the queue re-reads what it missed', async () => {
    // the browser reaches the console through a proxy whose connections this test cuts
    const net = await cuttableProxy()
    const { context, page } = await newPage()
    try {
      await logIn(page, '/intake', 'operator1', net.url)
      await page.locator('[data-test=intake-queue]').waitFor()
      const indicator = page.locator('[data-test=live-indicator]')
      await page.locator('[data-test=live-indicator][data-status=live]').waitFor({ timeout: 15_000 })
      // the network goes: the open stream breaks and the header says so
      net.cut()
      await page.locator('[data-test=live-indicator][data-status=down]').waitFor({ timeout: 10_000 })
      assert.match(await indicator.innerText(), /连接中断/)
      // the queue's subtitle follows: it no longer claims 实时推送 while cut
      const subtitle = page.locator('[data-test=queue-live]')
      await page.locator('[data-test=queue-live][data-status=down]').waitFor({ timeout: 5_000 })
      assert.match(await subtitle.innerText(), /连接中断/)
      assert.doesNotMatch(await subtitle.innerText(), /实时推送/)
      await page.screenshot({ path: join(ARTIFACTS, '21-live-down.png') })
      // a report arrives meanwhile (straight to the console, not through the cut network): no
      // push can reach the page, so only the re-read after the reconnect can show it
      const { report } = await registerReport(`e2e 断线期间 ${Date.now()}`)
      const row = page.locator(`[data-test="row-${report.reportNo}"]`)
      await new Promise((r) => setTimeout(r, 3_000)) // a few reconnect attempts fail meanwhile
      assert.equal(await row.count(), 0)
      net.restore()
      const back = Date.now()
      // reconnect with back-off (1 s, 2 s, 4 s … ±20 %): well before the 30 s safety-net poll
      await page.locator('[data-test=live-indicator][data-status=live]').waitFor({ timeout: 20_000 })
      await row.waitFor({ timeout: 10_000 })
      const seenMs = Date.now() - back
      console.log(`after the network returned: live again and the missed arrival shown in ${seenMs} ms`)
      assert.ok(seenMs < 15_000, `re-read after the reconnect, not the 30 s poll: ${seenMs} ms`)
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-reconnect.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
      await net.close()
    }
  })
})

describe('roles decide the menu', () => {
  test('collector1 has no 受理台 entry and a forced address is refused', async () => {
    const { context, page } = await newPage()
    try {
      await logIn(page, '/', 'collector1')
      await page.locator('[data-test=welcome]').waitFor()
      assert.equal(await page.locator('[data-test=menu-intake]').count(), 0)
      await page.screenshot({ path: join(ARTIFACTS, '07-collector-home.png') })
      await page.goto(`${CONSOLE_URL}/intake`)
      await page.locator('[data-test=forbidden]').waitFor({ timeout: 15_000 })
      assert.match(await page.locator('[data-test=forbidden]').innerText(), /受理台/)
      assert.equal(await page.locator('[data-test=intake-queue]').count(), 0)
      await page.screenshot({ path: join(ARTIFACTS, '08-collector-refused.png') })
      // the English switch: the same refusal in English, the choice kept (no personal data)
      await page.locator('[data-test=language]').click()
      await page.locator('[data-test=forbidden]', { hasText: 'Intake desk' }).waitFor({ timeout: 5_000 })
      await page.screenshot({ path: join(ARTIFACTS, '09-collector-refused-en.png') })
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-collector.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

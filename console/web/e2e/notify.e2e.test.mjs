// End-to-end: 通知 reaches a logged-in person (issue 21, docs/notifications.md). water-receiver
// (接收员 of 闽清县自来水公司 U-WATER, on duty in the demo directory) has 处置通 open on a desktop; a
// case is filed and dispatched to U-WATER through the API. Without a reload the header's bell counts
// one more unread notification (sla-service's notify consumer → szcg.notifications → the console's
// push frame to this person's stream only → the bell re-reads /api/sla/v1/notifications/mine); the
// inbox lists it in Chinese naming the case by its 受理号 (新派遣指令：案件 MQ…); its link opens the case on the
// unit's own case screen (/u/cases/…, not the center's /cases/… the unit may not open); 标为已读
// lowers the count, and after a reload the count stays lowered and the item stays read. axe-core on
// the open inbox. Screenshots 83 (the bell's count), 84 (the open inbox).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { ARTIFACTS, CONSOLE_URL, WAIT, accessible, filedCase, launchBrowser, logIn, settled, token } from './support.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

async function post(user, path, body) {
  const res = await fetch(`${CONSOLE_URL}/api/dispatch/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  assert.ok(res.ok, `${user} ${path}: ${res.status} ${await res.clone().text()}`)
  return res.json()
}

/** The person's inbox as sla-service answers it (through the console's proxy). */
async function inbox(user) {
  const res = await fetch(`${CONSOLE_URL}/api/sla/v1/notifications/mine?limit=50`, { headers: { Authorization: `Bearer ${await token(user)}` } })
  assert.equal(res.status, 200, `inbox of ${user}: ${await res.clone().text()}`)
  return res.json()
}

/** The number the bell shows (0 when it shows none). */
async function bellCount(page) {
  const c = page.locator('[data-test=notify-count]')
  return (await c.count()) ? Number((await c.innerText()).trim()) : 0
}

describe('通知: the bell in the header', () => {
  test('a new order reaches the unit receiver: the count rises without a reload, the inbox names the case, 标为已读 survives a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' })
    const page = await context.newPage()
    try {
      await logIn(page, '/u', 'water-receiver')
      await page.locator('[data-test=unit-inbox]').waitFor({ timeout: WAIT })
      await page.locator('[data-test=notify-bell]').waitFor({ timeout: WAIT })
      // the push channel is open before the order is dispatched (the live indicator says so)
      await page.locator('[data-test=live-indicator][data-status=live]').waitFor({ timeout: WAIT })
      // the bell has read the inbox once (its count equals the service's unread count)
      const before = (await inbox('water-receiver')).unread
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('[data-test=notify-count]')
          return (el ? Number(el.textContent.trim()) : 0) === n
        },
        Math.min(before, 99),
        { timeout: WAIT },
      )

      const c = await filedCase(`e2e 通知 新派遣 自来水 ${Date.now()}`)
      await post('dispatcher1', `/cases/${c.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 通知铃', requirements: '2小时内到场' })
      const t0 = Date.now()

      // the count rises without a reload
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('[data-test=notify-count]')
          return (el ? Number(el.textContent.trim()) : 0) > n
        },
        Math.min(before, 98),
        { timeout: WAIT },
      )
      console.log(`通知: the bell counted the new order ${Date.now() - t0} ms after the dispatch's answer`)
      const risen = await bellCount(page)
      assert.equal(risen, Math.min(before + 1, 99), 'one more unread')
      assert.match(await page.locator('[data-test=notify-bell]').getAttribute('aria-label'), new RegExp(`${before + 1} 条未读`))
      await page.screenshot({ path: join(ARTIFACTS, '83-notify-bell.png'), clip: { x: 840, y: 0, width: 600, height: 120 } })

      // the inbox lists it, in Chinese, naming the case
      await page.locator('[data-test=notify-bell]').click()
      // named by its 受理号 (the notify part keeps it from the case-filed event; the id as a fallback)
      const named = new RegExp(`新派遣指令：案件 (${c.reportNo}|${c.id})`)
      const item = page.locator('[data-test=notify-item]', { hasText: named })
      await item.waitFor({ timeout: WAIT })
      assert.match(await item.innerText(), named)
      assert.match(await item.innerText(), /未读/)
      await settled(page)
      await accessible(page, 'the open inbox')
      await page.screenshot({ path: join(ARTIFACTS, '84-notify-inbox.png') })

      // 标为已读 lowers the count at once
      await item.locator('[data-test=notify-read]').click()
      await item.locator('[data-test=notify-read]').waitFor({ state: 'detached', timeout: 15_000 })
      assert.equal(await bellCount(page), risen - 1, 'the count dropped by one')
      const server = await inbox('water-receiver')
      const mine = server.items.find((n) => n.caseId === c.id && n.kind === 'NEW_ORDER')
      assert.ok(mine?.readAt, 'read in sla-service too')

      // opening it leads to the case (the unit's case screen)
      await item.locator('[data-test=notify-open]').click()
      await page.waitForURL((u) => u.pathname === `/u/cases/${encodeURIComponent(c.id)}`, { timeout: WAIT })
      await page.locator('[data-test=unit-case-description]').waitFor({ timeout: WAIT })
      assert.match(await page.locator('[data-test=unit-case-description]').innerText(), /e2e 通知 新派遣/)

      // a reload keeps the lowered count and the read item
      await page.reload()
      await page.locator('[data-test=notify-bell]').waitFor({ timeout: WAIT })
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('[data-test=notify-count]')
          return (el ? Number(el.textContent.trim()) : 0) === n
        },
        risen - 1,
        { timeout: WAIT },
      )
      await page.locator('[data-test=notify-bell]').click()
      const again = page.locator('[data-test=notify-item]', { hasText: named })
      await again.waitFor({ timeout: WAIT })
      assert.equal(await again.locator('[data-test=notify-read]').count(), 0, 'still read after the reload')
      assert.doesNotMatch(await again.innerText(), /未读/)
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-notify.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

// End-to-end: 考核, the county efficiency office's screen (R-23, R-24, R-26). efficiency1 sees the
// county ranking of a month as a table and an ECharts bar chart drawn on its canvas, produces and
// downloads the last closed month's 通报 (PDF: starts with %PDF; named 闽清县数字城管考核通报-yyyy-MM.pdf),
// and issues a 效能告诫 from an Art 33 notice: the form's own check, a refusal of the service (409,
// kept what was typed) and the warning in the list, not yet acknowledged. axe clean on each view.
//
// An Art 33 notice on a fresh stack: a case is filed and dispatched to 自来水公司 (U-WATER) through
// the APIs; then the test publishes what sla-service publishes when that order's sign-for clock
// (DISPATCH_TO_SIGN_FOR) and its handling clock (HANDLING) run out — ClockBreached on szcg.clocks,
// with the stack's own Kafka console producer (as e2e/supervision.e2e.test.mjs does for intake's
// events): the real limits are hours of working time away. assessment-service books a late
// sign-for (a 县智慧中心通报 to the unit naming the person on duty) and an expired order (应处置 1,
// 过期未处置 1: the unit is graded, so it has a bar). The 通报 is produced with the efficiency
// office's own button (POST /periodic-reports/{id}/seal): the test stack does not run the job.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ARTIFACTS, CONSOLE_URL, accessible, filedCase, logIn, newPage, pick, settled, token, useBrowser } from './support.mjs'

useBrowser()

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const SZCG_HOME = process.env.SZCG_HOME ?? join(REPO, '.local')
const KAFKA = `127.0.0.1:${process.env.SZCG_KAFKA_PORT ?? 9092}`

async function screenshot(page, name, fullPage = true) {
  await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
  await settled(page)
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage })
}

/** yyyy-MM of now in Asia/Shanghai, and the month before (src/lib/assessment.ts does the same). */
function months() {
  const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7)
  const [y, m] = now.split('-').map(Number)
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  return { now, last }
}

async function call(user, method, path, body) {
  const res = await fetch(`${CONSOLE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/** Publishes CloudEvents (binary mode, the case id as key) as sla-service does. */
async function publishClocks(events) {
  const classpath = readFileSync(join(SZCG_HOME, 'kafka.classpath'), 'utf8').trim()
  const lines = events.map((e) => {
    const headers = [
      ['ce_specversion', '1.0'],
      ['ce_id', randomUUID()],
      ['ce_source', 'sla-service'],
      ['ce_type', 'cn.szcg.clocks.clock-breached.v1'],
      ['ce_subject', e.caseId],
      ['ce_time', e.publishedAt],
      ['content-type', 'application/json'],
    ]
    return `${headers.map(([k, v]) => `${k}:${v}`).join(',')}\t${e.caseId}\t${JSON.stringify(e)}`
  })
  const java = spawn(
    'java',
    ['-Xmx256m', '-cp', classpath, 'org.apache.kafka.tools.ConsoleProducer', '--bootstrap-server', KAFKA, '--topic', 'szcg.clocks',
      '--property', 'parse.key=true', '--property', 'parse.headers=true', '--property', 'headers.delimiter=\t',
      '--property', 'headers.separator=,', '--property', 'headers.key.separator=:', '--property', 'key.separator=\t'],
    { stdio: ['pipe', 'inherit', 'pipe'] },
  )
  let err = ''
  java.stderr.on('data', (d) => (err += d))
  java.stdin.end(lines.join('\n') + '\n')
  const code = await new Promise((r) => java.on('close', r))
  assert.equal(code, 0, `console producer: ${err.slice(-2000)}`)
}

/** A case dispatched to U-WATER whose sign-for and handling clocks ran out; its late sign-for notice. */
async function art33Notice(month) {
  const c = await filedCase(`e2e 考核 ${Date.now()}`)
  const d = await call('dispatcher1', 'POST', `/api/dispatch/v1/cases/${c.id}/dispatch`, { unitId: 'U-WATER', overrideReason: 'e2e 自来水公司管线' })
  assert.ok(d.status < 300, `dispatch: ${d.status} ${JSON.stringify(d.body)}`)
  const detail = await call('dispatcher1', 'GET', `/api/dispatch/v1/cases/${c.id}`)
  const order = detail.body.orders.find((o) => o.unitId === 'U-WATER')
  assert.ok(order, `no order of U-WATER: ${JSON.stringify(detail.body.orders)}`)
  const at = new Date().toISOString()
  const breach = (stage) => ({ caseId: c.id, clockId: randomUUID(), stage, orderId: order.orderId, unitId: 'U-WATER', deadline: at, publishedAt: at, late: false })
  await publishClocks([breach('DISPATCH_TO_SIGN_FOR'), breach('HANDLING')])
  for (let i = 0; i < 90; i++) {
    const n = await call('efficiency1', 'GET', `/api/assessment/v1/notices?month=${month}&unitId=U-WATER&size=200`)
    assert.equal(n.status, 200, JSON.stringify(n.body))
    const late = n.body.items.find((x) => x.caseId === c.id && x.kind === 'LATE_SIGN_FOR' && x.type === 'CENTER_NOTICE')
    const expired = n.body.items.find((x) => x.caseId === c.id && x.kind === 'OVERDUE_OR_EXPIRED_HANDLING' && x.type === 'CENTER_NOTICE')
    if (late && expired) return { caseId: c.id, late, expired }
    await new Promise((r) => setTimeout(r, 1000))
  }
  assert.fail(`assessment-service booked no Art 33 notice for case ${c.id}`)
}

describe('考核: ranking, 通报 and 效能告诫, efficiency office', () => {
  test('efficiency1 sees the ranking and chart, downloads the 通报 PDF and issues a 效能告诫', async () => {
    const { now, last } = months()
    // one reason per run: the stack keeps the warnings of earlier runs
    const reason = `本月超时签收并过期未处置，予以效能告诫（e2e ${Date.now() % 1_000_000}）`
    const { late, expired } = await art33Notice(now)
    // another warning from the expired-handling notice already went to the leader in charge: the
    // dialog's second attempt for that person is refused by the service (one per notice and person)
    const pre = await call('efficiency1', 'POST', `/api/assessment/v1/notices/${encodeURIComponent(expired.actionId)}/efficiency-warnings`, {
      reasonZh: 'e2e 预先告诫分管领导',
      personId: 'water-leader',
      personName: '李分管',
    })
    assert.equal(pre.status, 201, JSON.stringify(pre.body))

    const { context, page } = await newPage()
    try {
      await logIn(page, '/assessment', 'efficiency1')
      await page.locator('[data-test=menu-assessment]').waitFor({ timeout: 15_000 })
      // 1. the ranking: opens on the last closed month; the running month has this test's unit
      assert.equal(await page.locator('[data-test=assessment-month] .el-select__selected-item:not(.is-hidden)').first().innerText(), last)
      await pick(page, 'assessment-month', now)
      await page.locator('[data-test=ranking-table] [data-test=ranking-U-WATER]').waitFor({ timeout: 20_000 })
      const row = page.locator('[data-test=ranking-table] .el-table__row', { has: page.locator('[data-test=ranking-U-WATER]') })
      assert.match(await row.innerText(), /\d+\.\d\d/, 'U-WATER has a score')
      // the chart is drawn: its canvas has ink (bars, axes, title), not a blank rectangle
      const canvas = page.locator('[data-test=ranking-chart] canvas').first()
      await canvas.waitFor({ timeout: 20_000 })
      await page.waitForFunction(
        () => {
          const c = document.querySelector('[data-test=ranking-chart] canvas')
          if (!c || !c.width || !c.height) return false
          const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
          let ink = 0
          for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++
          return ink > 2000
        },
        null,
        { timeout: 20_000 },
      )
      await accessible(page, '考核 ranking')
      await screenshot(page, '80-assessment-ranking.png')

      // 2. 通报: produce the last closed month's (or get the sealed one) and download its PDF
      await page.getByRole('tab', { name: '定期通报' }).click()
      await page.locator('[data-test=reports-produce]').click()
      await page.locator('[data-test=reports-info]').waitFor({ timeout: 120_000 })
      const reportId = `MONTH-${last}`
      await page.locator(`[data-test=report-${reportId}]`).waitFor({ timeout: 20_000 })
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator(`[data-test=pdf-${reportId}]`).click()])
      assert.equal(download.suggestedFilename(), `闽清县数字城管考核通报-${last}.pdf`)
      const pdf = readFileSync(await download.path())
      assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF', 'the download is a PDF')
      const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator(`[data-test=xlsx-${reportId}]`).click()])
      assert.equal(xlsx.suggestedFilename(), `闽清县数字城管考核通报-${last}.xlsx`)
      assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1'), 'PK', 'the xlsx is a zip')
      await accessible(page, '考核 reports')
      await screenshot(page, '81-assessment-reports.png')

      // 3. Art 33 notices of the running month; 发出效能告诫 from the expired-handling notice
      await page.getByRole('tab', { name: '问责通报与效能告诫' }).click()
      const warn = page.locator(`[data-test="warn-${expired.actionId}"]`)
      await warn.waitFor({ timeout: 20_000 })
      await accessible(page, '考核 notices')
      await warn.click()
      const dialog = page.locator('.el-dialog[data-test=warning-dialog]')
      await dialog.waitFor()
      // the form's own check: a reason is required
      await page.locator('[data-test=warning-submit]').click()
      await dialog.locator('.el-form-item__error', { hasText: '须填写告诫事由' }).waitFor()
      // the service refuses a second warning to the leader in charge from this notice; what was typed stays
      await page.locator('textarea[data-test=warning-reason]').fill(reason)
      await page.locator('input[data-test=warning-person]').fill('water-leader')
      await page.locator('[data-test=warning-submit]').click()
      await page.locator('[data-test=warning-problem]', { hasText: '状态冲突' }).waitFor({ timeout: 15_000 })
      assert.equal(await page.locator('textarea[data-test=warning-reason]').inputValue(), reason)
      await accessible(page, '考核 warning dialog refused')
      await screenshot(page, '87-efficiency-warning-refused.png', false)
      // to the notice's person responsible (or the receiver on duty when the notice names no one)
      await page.locator('input[data-test=warning-person]').fill(expired.personId ? '' : 'water-receiver')
      await page.locator('[data-test=warning-submit]').click()
      await page.locator('[data-test=warning-issued]').waitFor({ timeout: 15_000 })
      await dialog.waitFor({ state: 'hidden' })
      const issued = page.locator('[data-test=warnings-table] .el-table__row', { hasText: reason })
      await issued.waitFor({ timeout: 15_000 })
      assert.match(await issued.innerText(), /未签收/)
      // the late sign-for notice still offers the action (its person has no warning yet)
      await page.locator(`[data-test="warn-${late.actionId}"]`).waitFor()
      const list = await call('efficiency1', 'GET', '/api/assessment/v1/efficiency-warnings?limit=200')
      const mine = list.body.filter((w) => w.noticeActionId === expired.actionId)
      assert.equal(mine.length, 2, JSON.stringify(mine))
      await accessible(page, '考核 warnings')
      await screenshot(page, '82-efficiency-warning.png')
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-assessment.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })

  test('supervision1 reads the same screen but issues no warning and produces no 通报', async () => {
    const { now } = months()
    const { context, page } = await newPage()
    try {
      await logIn(page, '/assessment', 'supervision1')
      await page.locator('[data-test=menu-assessment]').waitFor({ timeout: 15_000 })
      await pick(page, 'assessment-month', now)
      await page.getByRole('tab', { name: '问责通报与效能告诫' }).click()
      await page.locator('[data-test=notices-table] .el-table__row').first().waitFor({ timeout: 20_000 })
      assert.equal(await page.locator('[data-test^=warn-]').count(), 0, 'only the efficiency office issues a 效能告诫')
      await page.getByRole('tab', { name: '定期通报' }).click()
      await page.locator('[data-test=reports-table] .el-table__row').first().waitFor({ timeout: 20_000 })
      assert.equal(await page.locator('[data-test=reports-produce]').count(), 0)
      await accessible(page, '考核 supervision office')
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-assessment-supervision.png'), fullPage: true }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

// End-to-end: 督办 (shiftlead1's list equals sla-service's list for the same filter, at least one
// red row, a click opens the case), 派遣台 (dispatcher1 sees every unit's open load in the picker,
// equal to dispatch-service's open-load), 案卷 协调一致 (the coordination agreement's dialog round
// trip). Against the real local stack, like the other e2e files.
//
// A clock in warning on a fresh stack: sla-service has no test clock, and the shortest real
// warning is 48 natural minutes away (an emergency's R-12). So the test publishes what intake
// publishes for a report accepted 15 days ago and filed — report-registered and case-filed on
// szcg.intake, as a consumer working off a backlog would see them — with the stack's own Kafka
// console producer (the classpath start.sh keeps in $SZCG_HOME/kafka.classpath). sla-service
// starts its R-12 clock at that acceptance (1 working hour: long overdue, red); dispatch-service
// opens the case (待派遣). intake-service never saw the report, so the case page shows dispatch's
// side only.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ARTIFACTS, CONSOLE_URL, accessible, logIn, newPage, settled, token, useBrowser } from './support.mjs'

useBrowser()

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const SZCG_HOME = process.env.SZCG_HOME ?? join(REPO, '.local') // lib.sh's default (the test stack exports its own)
const KAFKA = `127.0.0.1:${process.env.SZCG_KAFKA_PORT ?? 9092}`

async function screenshot(page, name, fullPage = true) {
  await page.locator('.el-message').waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => {})
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage })
}

/** Publishes CloudEvents (binary mode: ce_* headers, JSON value, the case id as key) to a topic. */
async function publish(topic, events) {
  const classpath = readFileSync(join(SZCG_HOME, 'kafka.classpath'), 'utf8').trim()
  const lines = events.map((e) => {
    const headers = [
      ['ce_specversion', '1.0'],
      ['ce_id', randomUUID()],
      ['ce_source', 'intake-service'],
      ['ce_type', e.type],
      ['ce_subject', e.subject],
      ['ce_time', e.time],
      ['content-type', 'application/json'],
    ]
    return `${headers.map(([k, v]) => `${k}:${v}`).join(',')}\t${e.subject}\t${JSON.stringify(e.data)}`
  })
  const java = spawn(
    'java',
    [
      '-Xmx256m',
      '-cp',
      classpath,
      'org.apache.kafka.tools.ConsoleProducer',
      '--bootstrap-server',
      KAFKA,
      '--topic',
      topic,
      '--property',
      'parse.key=true',
      '--property',
      'parse.headers=true',
      '--property',
      'headers.delimiter=\t',
      '--property',
      'headers.separator=,',
      '--property',
      'headers.key.separator=:',
      '--property',
      'key.separator=\t',
    ],
    { stdio: ['pipe', 'inherit', 'pipe'] },
  )
  let err = ''
  java.stderr.on('data', (d) => (err += d))
  java.stdin.end(lines.join('\n') + '\n')
  const code = await new Promise((r) => java.on('close', r))
  assert.equal(code, 0, `console producer: ${err.slice(-2000)}`)
}

/** A case accepted 15 days ago and filed (its R-12 clock long red), as intake's events say. */
async function overdueCase() {
  const caseId = randomUUID()
  const reportNo = `E2E${Date.now()}`
  const registeredAt = new Date(Date.now() - 15 * 86_400_000).toISOString()
  const filedAt = new Date(Date.parse(registeredAt) + 10 * 60_000).toISOString()
  const context = { townshipCode: '350124100', townshipName: '梅城镇', communityCode: null, communityName: null, gridCode: null, zone: 'URBAN', nearestComponents: null }
  const location = { lon: 118.8632, lat: 26.2231 }
  await publish('szcg.intake', [
    {
      type: 'cn.szcg.intake.report-registered.v1',
      subject: caseId,
      time: registeredAt,
      data: { caseId, reportNo, channel: 'PATROL', kind: 'REPORT', categoryCode: 'E-0101', location, address: null, description: 'e2e 督办 超时案卷', collectorId: 'C0001', cameraId: null, sourceRef: null, context, registeredAt },
    },
    {
      type: 'cn.szcg.intake.case-filed.v1',
      subject: caseId,
      time: filedAt,
      data: {
        caseId,
        reportNo,
        channel: 'PATROL',
        kind: 'REPORT',
        categoryCode: 'E-0101',
        categoryName: 'e2e 暴露垃圾',
        catalogueVersion: 1,
        handlingLimit: { amount: 2, unit: 'WORKING_HOURS' },
        zone: 'URBAN',
        emergency: false,
        location,
        context,
        componentId: null,
        collectorId: 'C0001',
        registeredAt,
        filedAt,
        filedBy: 'operator1',
        description: 'e2e 督办 超时案卷',
        filingCondition: null,
        closingCondition: null,
      },
    },
  ])
  return { caseId, reportNo }
}

async function get(user, path) {
  const res = await fetch(`${CONSOLE_URL}${path}`, { headers: { Authorization: `Bearer ${await token(user)}` } })
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`)
  return res.json()
}

const LIST = '/api/sla/v1/clocks?state=WARNING%2CBREACHED&page=0&size=50'

let seeded

describe('督办 supervision, shift lead', () => {
  test("shiftlead1's 督办 rows and counts equal sla-service's list; the overdue case is there; a click opens it", async () => {
    seeded = await overdueCase()
    // sla-service has applied the events: the case's R-12 clock is red in the list
    let api
    for (let i = 0; i < 60; i++) {
      api = await get('shiftlead1', LIST)
      if (api.items.some((k) => k.caseId === seeded.caseId)) break
      await new Promise((r) => setTimeout(r, 1000))
    }
    const mine = api.items.find((k) => k.caseId === seeded.caseId)
    assert.ok(mine, 'the overdue case is in sla-service’s list')
    assert.equal(mine.light, 'BREACHED')
    assert.equal(mine.stage, 'REGISTRATION_TO_DISPATCH')
    assert.equal(mine.reportNo, seeded.reportNo)

    const { context, page } = await newPage()
    try {
      await logIn(page, '/supervision', 'shiftlead1')
      await page.locator('[data-test=supervision-table]').waitFor()
      const rows = page.locator('[data-test=supervision-table] .el-table__body [data-clock]')
      await rows.first().waitFor({ timeout: 30_000 })
      // the screen equals the API for the same filter (both lights, page 0, 50 a page); a clock
      // may turn between the two reads, so compare again after a refresh if they differ
      let screen = []
      let expected = []
      for (let attempt = 0; attempt < 3; attempt++) {
        screen = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-clock'), e.textContent.trim()]))
        api = await get('shiftlead1', LIST)
        expected = api.items.map((k) => [k.clockId, k.reportNo || k.caseId])
        if (JSON.stringify(screen) === JSON.stringify(expected)) break
        await page.getByRole('button', { name: /刷新/ }).first().click()
        await page.waitForTimeout(1500)
      }
      assert.ok(screen.length >= 1, 'at least one row')
      assert.deepEqual(screen, expected, 'the rows on screen are sla-service’s, in its order')
      const lights = await page
        .locator('[data-test=supervision-table] .el-table__body .light')
        .evaluateAll((els) => els.map((e) => (e.classList.contains('red') ? 'BREACHED' : 'WARNING')))
      assert.deepEqual(lights, api.items.map((k) => k.light))
      // the counts by unit and stage are the server's
      const counts = await page
        .locator('[data-test=supervision-counts] [data-test^=sup-count-]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))
      assert.deepEqual(
        [...counts].sort(),
        api.counts.map((c) => `sup-count-${c.unitId || 'CENTER'}-${c.stage}`).sort(),
      )
      assert.match(await page.locator('[data-test=supervision-total]').innerText(), new RegExp(`${api.total}`))
      await screenshot(page, '50-supervision.png')
      await accessible(page, 'supervision')

      // a click on the overdue case's line opens the case
      await page.locator(`[data-test="sup-row-${seeded.reportNo}"]`).click()
      await page.waitForURL((u) => u.pathname === `/cases/${seeded.caseId}`, { timeout: 15_000 })
      await page.locator('[data-test=case-page] [data-test=case-state]').waitFor({ timeout: 15_000 })
      assert.match(await page.locator('[data-test=case-page]').innerText(), new RegExp(seeded.reportNo))
      await screenshot(page, '51-case-from-supervision.png')
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-supervision.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

describe('派遣台 every unit’s load, dispatcher', () => {
  test('the unit picker shows the open load beside every unit, equal to dispatch-service’s open-load', async () => {
    assert.ok(seeded, 'the 督办 test ran first')
    const { context, page } = await newPage()
    try {
      await logIn(page, '/dispatch', 'dispatcher1')
      // any case awaiting dispatch (the overdue one at least)
      const row = page.locator('[data-test=dispatch-table] .el-table__row').first()
      await row.waitFor({ timeout: 30_000 })
      await row.click()
      await page.locator('[data-test=dispatch-unit]').waitFor({ timeout: 15_000 })
      await page.locator('[data-test=dispatch-unit]').click()
      const options = page.locator('.el-select-dropdown__item:visible [data-test^=unit-load-]')
      await options.first().waitFor({ timeout: 10_000 })
      const shown = await options.evaluateAll((els) => els.map((e) => [e.getAttribute('data-test').slice('unit-load-'.length), e.textContent.trim()]))
      const loads = await get('dispatcher1', '/api/dispatch/v1/units/open-load')
      const units = await get('dispatcher1', '/api/dispatch/v1/units?size=200')
      const pickable = units.items.filter((u) => u.active && u.kind !== 'SUB_DEPARTMENT').map((u) => u.unitId)
      assert.deepEqual(shown.map(([u]) => u).sort(), [...pickable].sort(), 'every pickable unit is listed')
      for (const [unit, text] of shown) {
        const l = loads.units.find((x) => x.unitId === unit) ?? { open: 0, unsigned: 0, inHandling: 0, overdue: 0 }
        assert.equal(text, `在办 ${l.open}（待签收 ${l.unsigned}，处置中 ${l.inHandling}，超期 ${l.overdue}）`, unit)
      }
      await screenshot(page, '52-dispatch-unit-load.png', false)
      // axe on the desk, not on Element Plus' open dropdown (its scroll wrapper is not focusable)
      await page.keyboard.press('Escape')
      await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {})
      await accessible(page, 'dispatch desk with the unit picker')
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-dispatch-load.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

describe('案卷 协调一致, shift lead', () => {
  test('shiftlead1 records the coordination agreement in its dialog; the case goes to the agreed unit', async () => {
    assert.ok(seeded, 'the 督办 test ran first')
    // the case is in coordination (协调, R-17): started through the API as the dispatcher would
    const start = await fetch(`${CONSOLE_URL}/api/dispatch/v1/cases/${seeded.caseId}/coordination`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token('dispatcher1')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'e2e 责任不清，需协调' }),
    })
    assert.equal(start.status, 200, `coordination: ${await start.clone().text()}`)
    const { context, page } = await newPage()
    try {
      await logIn(page, `/cases/${seeded.caseId}`, 'shiftlead1')
      await page.locator('[data-test=action-RECORD_COORDINATION_AGREEMENT]').waitFor({ timeout: 20_000 })
      const elsewhere = await page.locator('[data-test=case-actions]').innerText()
      assert.doesNotMatch(elsewhere, /由单位\/采集员在各自终端办理：[^\n]*协调一致/, '协调一致 is not "done elsewhere"')
      await page.locator('[data-test=action-RECORD_COORDINATION_AGREEMENT]').click()
      const dialog = page.locator('[data-test=case-action-dialog]')
      await dialog.locator('[data-test=action-submit]').waitFor()
      // required fields are refused before sending
      await dialog.locator('[data-test=action-submit]').click()
      await dialog.locator('.el-form-item__error').first().waitFor()
      // one list at a time, each once it stopped moving: the first list's options are still
      // "visible" while it fades out and never stable for a click (settled, support.mjs)
      await dialog.locator('[data-test=action-agreedUnitId]').click()
      const first = page.locator('.el-select-dropdown__item:visible').first()
      await first.waitFor()
      await settled(page)
      const agreed = (await first.innerText()).trim()
      await first.click()
      await settled(page)
      await dialog.locator('[data-test=action-participatingUnitIds]').click()
      const options = page.locator('.el-select-dropdown__item:visible')
      await options.first().waitFor()
      await settled(page)
      await options.nth(0).click()
      await options.nth(1).click()
      await dialog.locator('.el-dialog__title').click()
      await dialog.locator('textarea[data-test=action-agreementText]').fill('e2e 协调一致：由所选单位处置')
      await screenshot(page, '53-coordination-dialog.png', false)
      await accessible(page, 'coordination agreement dialog')
      await dialog.locator('[data-test=action-submit]').click()
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 })
      // dispatch-service: the order went to the agreed unit
      const after = await get('shiftlead1', `/api/dispatch/v1/cases/${seeded.caseId}`)
      assert.equal(after.state, 'DISPATCHED')
      assert.ok(agreed.includes(after.responsibleUnitId), `${agreed} ⊇ ${after.responsibleUnitId}`)
      const history = await get('shiftlead1', `/api/dispatch/v1/cases/${seeded.caseId}/history`)
      const step = history.find((s) => s.transition === 'RECORD_COORDINATION_AGREEMENT')
      assert.ok(step, 'the agreement is in the history')
      await page.locator('[data-test=case-state]').filter({ hasText: /已派遣/ }).waitFor({ timeout: 15_000 })
      await screenshot(page, '54-coordination-done.png')
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'failure-coordination.png') }).catch(() => {})
      throw e
    } finally {
      await context.close()
    }
  })
})

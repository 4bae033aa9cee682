// 地图 (issue 17): shiftlead1 opens the county map; the county's layers come as vector tiles from
// gis-service and the open cases from dispatch-service; a layer toggles off and on; a click on a
// case opens its 案卷. Needs the demo map loaded (deploy/local/demo-data.sh, started by start.sh).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { accessible, ARTIFACTS, filedCase, logIn, newPage, useBrowser } from './support.mjs'

useBrowser()

/** Rendered features of a map layer, counted in the page (window.__szcgMap, MapView.vue). */
const rendered = (page, layer) =>
  page.evaluate((l) => window.__szcgMap.queryRenderedFeatures({ layers: [l] }).length, layer)

const idle = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const m = window.__szcgMap
        if (m.loaded() && !m.isMoving()) m.once('idle', resolve)
        else m.once('idle', resolve)
        m.triggerRepaint()
      }),
  )

test('shiftlead1: the county map, layer toggles, a case opens its 案卷', { timeout: 180_000 }, async () => {
  const report = await filedCase(`地图 e2e ${Date.now()}`)
  const { context, page } = await newPage()
  try {
    await logIn(page, '/map', 'shiftlead1')
    await page.locator('[data-test="menu-map"]').waitFor()
    await page.locator('[data-test="county-map"][data-ready="1"]').waitFor({ timeout: 60_000 })
    // the whole county: townships, grids, components, pipes, cameras and the cases are drawn
    for (const layer of ['townships-fill', 'grids-fill', 'components', 'pipes', 'cameras', 'cases']) {
      assert.ok((await rendered(page, layer)) > 0, `${layer} drawn at the whole county`)
    }
    const caseIds = await page.evaluate(() =>
      window.__szcgMap.querySourceFeatures('cases').map((f) => f.properties.caseId),
    )
    assert.ok(caseIds.includes(report.id), 'the new case is on the map')
    // the layers and the tile requests carry the token: no 401 shown
    assert.equal(await page.locator('.el-alert--error').count(), 0)
    await page.screenshot({ path: join(ARTIFACTS, '40-map-county.png') })
    await accessible(page, '地图')

    // a case filed now appears without a reload, well before the 30 s safety poll: the push
    const pushed = await filedCase(`地图 推送 e2e ${Date.now()}`)
    await page.waitForFunction(
      (id) => window.__szcgMap.querySourceFeatures('cases').some((f) => f.properties.caseId === id),
      pushed.id,
      { timeout: 10_000 },
    )

    // 部件 off and on again
    await page.locator('[data-test="map-layer-components"]').click()
    await idle(page)
    assert.equal(await rendered(page, 'components'), 0, 'components hidden')
    await page.screenshot({ path: join(ARTIFACTS, '42-map-components-off.png') })
    await page.locator('[data-test="map-layer-components"]').click()
    await idle(page)
    assert.ok((await rendered(page, 'components')) > 0, 'components shown again')

    // zoom to the case, click it: the popup names its 受理号 and state, the link opens its 案卷
    const pos = await page.evaluate((id) => {
      const f = window.__szcgMap.querySourceFeatures('cases').find((x) => x.properties.caseId === id)
      return f.geometry.coordinates
    }, report.id)
    await page.evaluate((c) => window.__szcgMap.jumpTo({ center: c, zoom: 18 }), pos)
    await idle(page)
    // the position read at the county zoom is quantised to that zoom's tile grid (~10 m, many
    // pixels at zoom 18): read it again from the tiles of this zoom before clicking
    const here = await page.evaluate((id) => {
      const f = window.__szcgMap.querySourceFeatures('cases').find((x) => x.properties.caseId === id)
      return f.geometry.coordinates
    }, report.id)
    const box = await page.locator('[data-test="county-map"] canvas').boundingBox()
    const px = await page.evaluate((c) => window.__szcgMap.project(c), here)
    await page.mouse.click(box.x + px.x, box.y + px.y)
    const popup = page.locator('[data-test="map-case-popup"]')
    await popup.waitFor()
    assert.match(await popup.innerText(), new RegExp(report.reportNo ?? '受理号'))
    await page.screenshot({ path: join(ARTIFACTS, '41-map-case-popup.png') })
    await accessible(page, '地图 popup')
    await popup.locator('[data-test="map-case-link"]').click()
    await page.waitForURL((u) => u.pathname === `/cases/${report.id}`, { timeout: 30_000 })
  } catch (e) {
    await page.screenshot({ path: join(ARTIFACTS, 'failure-map.png'), fullPage: true }).catch(() => {})
    throw e
  } finally {
    await context.close()
  }
})

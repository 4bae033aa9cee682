// Benchmark of the 地图 screen (issue 17: "the map at the whole county with 30,000 components
// draws in < 1 s and pans smoothly"). Standalone: CONSOLE_URL=http://127.0.0.1:8086 node bench/map.bench.mjs
// (deploy/local/console-bench.sh runs every bench/*.bench.mjs the same way). Needs a running stack
// with the demo map (30,000 components by default, deploy/local/demo-data.sh).
//
// It logs in through the Keycloak page as shiftlead1, then RUNS times: clears the browser's HTTP
// cache (cold) or not (warm), opens /map and reads the screen's own marks (MapView.vue,
// window.__szcgMapTimes, ms since the navigation started): the app shell up (the map screen
// mounted) and the map's first `idle` with every default layer drawn at the whole county. Then a
// 2 s programmatic pan at that view: frames drawn (requestAnimationFrame) and long tasks (> 50 ms).
import { chromium } from 'playwright-core'

const CONSOLE_URL = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:8086').replace(/\/$/, '')
const PASSWORD = process.env.SZCG_DEMO_PASSWORD ?? 'Minqing2026'
const USER = process.env.BENCH_USER ?? 'shiftlead1'
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const fmt = (ms) => `${Math.round(ms)} ms`

const cfg = await (await fetch(`${CONSOLE_URL}/config.json`)).json()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${CONSOLE_URL}/`)
  await page.waitForURL((u) => u.toString().startsWith(cfg.oidcAuthority), { timeout: 30_000 })
  await page.locator('#username').fill(USER)
  await page.locator('#password').fill(PASSWORD)
  await page.locator('#kc-login').click()
  await page.waitForURL((u) => u.toString().startsWith(CONSOLE_URL) && !u.pathname.startsWith('/callback'), { timeout: 30_000 })
  await page.locator('[data-test="menu"]').waitFor()
  const cdp = await context.newCDPSession(page)

  const open = async (cold) => {
    if (cold) await cdp.send('Network.clearBrowserCache')
    await page.goto(`${CONSOLE_URL}/map`)
    await page.locator('[data-test="county-map"][data-ready="1"]').waitFor({ timeout: 60_000 })
    return page.evaluate(() => {
      const t = window.__szcgMapTimes
      const m = window.__szcgMap
      const ids = new Set(m.querySourceFeatures('county', { sourceLayer: 'components' }).map((f) => f.properties.id))
      return {
        shell: t.mounted,
        idle: t.firstIdle,
        zoom: m.getZoom(),
        components: ids.size,
        drawn: m.queryRenderedFeatures({ layers: ['components'] }).length,
        cases: m.querySourceFeatures('cases').length,
      }
    })
  }

  const figures = { cold: [], warm: [] }
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['cold', 'warm']) {
      const r = await open(kind === 'cold')
      figures[kind].push(r)
      console.log(
        `${kind} run ${i + 1}: shell up ${fmt(r.shell)}, first idle ${fmt(r.idle)} after navigation` +
          ` (${fmt(r.idle - r.shell)} after the shell), zoom ${r.zoom.toFixed(2)},` +
          ` ${r.components} components in the tiles (${r.drawn} drawn), ${r.cases} cases`,
      )
    }
  }
  for (const kind of ['cold', 'warm']) {
    const xs = figures[kind]
    console.log(
      `map ${kind} (median of ${xs.length}): first idle ${fmt(median(xs.map((r) => r.idle)))} after navigation,` +
        ` ${fmt(median(xs.map((r) => r.idle - r.shell)))} after the app shell was up (goal < 1 s);` +
        ` max ${fmt(Math.max(...xs.map((r) => r.idle - r.shell)))}`,
    )
  }

  // pan: 2 s of programmatic panning at the whole-county view
  const pan = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const m = window.__szcgMap
        const longTasks = []
        const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)))
        try {
          obs.observe({ type: 'longtask', buffered: false })
        } catch {
          /* no long-task timing */
        }
        let frames = 0
        const gaps = []
        let last = performance.now()
        let running = true
        const tick = (now) => {
          frames++
          gaps.push(now - last)
          last = now
          if (running) requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
        const start = performance.now()
        m.panBy([500, 250], { duration: 1000, easing: (t) => t })
        m.once('moveend', () => {
          m.panBy([-500, -250], { duration: 1000, easing: (t) => t })
          m.once('moveend', () => {
            running = false
            obs.disconnect()
            const ms = performance.now() - start
            gaps.sort((a, b) => a - b)
            resolve({
              ms,
              frames,
              fps: (frames * 1000) / ms,
              p95Frame: gaps[Math.floor(gaps.length * 0.95)],
              maxFrame: gaps[gaps.length - 1],
              longTasks: longTasks.length,
              longestTask: longTasks.length ? Math.max(...longTasks) : 0,
            })
          })
        })
      }),
  )
  console.log(
    `pan (2 s programmatic, whole county): ${pan.frames} frames in ${fmt(pan.ms)} = ${pan.fps.toFixed(1)} fps,` +
      ` p95 frame ${pan.p95Frame.toFixed(1)} ms, longest frame ${pan.maxFrame.toFixed(1)} ms,` +
      ` ${pan.longTasks} long tasks (longest ${Math.round(pan.longestTask)} ms)`,
  )
  const loadavg = await import('node:os').then((os) => os.loadavg().map((x) => x.toFixed(1)).join(' '))
  console.log(`load average: ${loadavg}`)
} finally {
  await browser.close()
}

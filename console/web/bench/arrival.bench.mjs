// Benchmark: an arrival visible in the queue (issue 17: < 2 s after its 201).
// operator1 keeps 受理台 open (first page, no filter, no reload). Each sample registers a report
// as collector1 through the console's proxy (e2e/support.mjs registerReport) and takes the time
// from its 201 (in node) to the moment its row is in the page's DOM (a MutationObserver in the
// page, Date.now() on the same machine's clock). Whatever brings the row — a poll or a push
// channel — is not looked at: only the row. Samples are spread at random (0–2.5 s apart), so a
// poll's phase is sampled evenly.
import { launchBrowser, logIn, newPage, registerReport } from '../e2e/support.mjs'
import { done, figure, info, machine, median, ms, sleep } from './support.mjs'

const SAMPLES = Number(process.env.SZCG_BENCH_ARRIVALS ?? 12)
const browser = await launchBrowser()
try {
  const { page } = await newPage()
  await logIn(page, '/intake', 'operator1')
  await page.locator('[data-test="queue-table"] tbody tr').first().waitFor({ timeout: 30_000 })
  await sleep(2000)
  const seen = []
  for (let i = 0; i < SAMPLES; i++) {
    await sleep(Math.random() * 2500)
    const description = `基准测试 到达 ${new Date().toISOString()} #${i}`
    // the watcher is in place before the registration, so no row can slip by
    const visible = page.evaluate(
      (desc) =>
        new Promise((resolve) => {
          const has = () => [...document.querySelectorAll('[data-test="queue-table"] tbody tr')].some((r) => r.textContent.includes(desc))
          if (has()) return resolve(Date.now())
          const mo = new MutationObserver(() => {
            if (has()) {
              mo.disconnect()
              resolve(Date.now())
            }
          })
          mo.observe(document.body, { childList: true, subtree: true, characterData: true })
          setTimeout(() => {
            mo.disconnect()
            resolve(null)
          }, 30_000)
        }),
      description,
    )
    const { createdAt } = await registerReport(description)
    const at = await visible
    if (at === null) throw new Error(`report «${description}» not in the queue after 30 s`)
    seen.push(at - createdAt)
  }
  info(`${machine()}; ${SAMPLES} arrivals: ${seen.map(ms).join(', ')}`)
  figure('arrival visible in the queue after its 201', `median ${ms(median(seen))} · max ${ms(Math.max(...seen))} (${seen.length} arrivals)`, Math.max(...seen), 2000, '< 2 s (max)')
} finally {
  await browser.close()
}
done()

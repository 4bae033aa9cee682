// Shared by the console's benchmarks (bench/*.bench.mjs, run by bench/run.mjs and
// deploy/local/console-bench.sh): percentiles and the figure lines. The browser, the Keycloak login
// and the API tokens are the end-to-end test's own helpers (e2e/support.mjs), reused as they are.
import { loadavg, cpus } from 'node:os'

/** p-th percentile (nearest rank) of numbers. */
export function percentile(values, p) {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

export const median = (values) => percentile(values, 50)

export const ms = (v) => `${Math.round(v)} ms`
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

const results = []

/**
 * Prints one figure with its goal and PASS/MISS (`measured` is what is compared with `goal`, both
 * in the same unit; `shown` is how the measurement is written, e.g. "p50 40 ms · p95 90 ms").
 * Line format, read by bench/run.mjs: `FIGURE <name> | <shown> | goal <goalText> | PASS|MISS`.
 */
export function figure(name, shown, measured, goal, goalText) {
  const pass = measured < goal
  results.push({ name, pass })
  console.log(`FIGURE ${name} | ${shown} | goal ${goalText} | ${pass ? 'PASS' : 'MISS'}`)
  return pass
}

/** Informative line (no goal). */
export function info(text) {
  console.log(`  ${text}`)
}

/** The machine's load when a figure was taken: on a shared 2-core machine it explains spread. */
export function machine() {
  const [l1] = loadavg()
  return `${cpus().length} cores, load average ${l1.toFixed(1)}`
}

/** Exit code for the calling bench: 1 when a goal was missed. */
export function done() {
  process.exitCode = results.some((r) => !r.pass) ? 1 : process.exitCode ?? 0
}

/** Waits ms milliseconds. */
export const sleep = (t) => new Promise((r) => setTimeout(r, t))

/** Long tasks (PerformanceObserver 'longtask', ≥ 50 ms of main thread) collected from the first script on. */
export const LONGTASK_INIT = () => {
  window.__longtasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask' })
  // the moment of the last click (capture phase: before any handler of the page runs)
  window.addEventListener('click', () => (window.__clickAt = performance.now()), true)
}

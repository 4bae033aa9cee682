// Fills a running stack for the list benchmarks: tops dispatch-service up to N cases awaiting
// dispatch (default 10,000), through the console's proxy with real Keycloak tokens, as the real
// clients do — collectors collector1…collector10 register patrol reports (巡查上报, R-09) around
// the county seat, operator1 files each (立案, R-05) with a category of the filing standard in
// force, and dispatch-service opens the case from intake's event. One report in ten is a phone
// call or a visit (来电/来访) registered by operator1 and left unfiled, so the queue's filters have
// something to tell apart. Idempotent in the sense that it only adds what is missing.
//   node bench/seed-cases.mjs [N]          (CONSOLE_URL as for the e2e tests)
import { CONSOLE_URL, PASSWORD } from '../e2e/support.mjs'

const TARGET = Number(process.argv[2] ?? 10_000)
const WORKERS = Number(process.env.SZCG_SEED_WORKERS ?? 8)
const cfg = await (await fetch(`${CONSOLE_URL}/config.json`)).json()

// one token request per user at a time (Keycloak answers 400 to a burst of parallel password
// grants of one user), renewed after a minute (the local realm's tokens live 5 minutes)
const tokens = {}
function bearer(user) {
  const t = tokens[user]
  if (t && Date.now() - t.at < 60_000) return t.value
  const value = (async () => {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${cfg.oidcAuthority}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'szcg-web', username: user, password: PASSWORD }),
      })
      if (res.status === 200) return (await res.json()).access_token
      if (attempt >= 5) throw new Error(`token for ${user}: ${res.status} ${await res.text()}`)
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)))
    }
  })()
  tokens[user] = { value, at: Date.now() }
  value.catch(() => delete tokens[user])
  return value
}
async function call(user, method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${CONSOLE_URL}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await bearer(user)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status < 300) return text ? JSON.parse(text) : null
    if (res.status >= 500 && attempt < 3) continue
    throw new Error(`${method} ${path}: ${res.status} ${text}`)
  }
}

const awaiting = async () => (await call('dispatcher1', 'GET', '/api/dispatch/v1/cases?state=AWAITING_DISPATCH&size=1')).total
const standard = await call('operator1', 'GET', '/api/intake/v1/filing-standard')
const categories = (standard.categories ?? standard.items ?? standard)
  .filter((c) => (c.code ?? c.categoryCode))
  .map((c) => c.code ?? c.categoryCode)
  .filter((code) => /^E-\d{4}$/.test(code)) // events (事件): no component to name
  .slice(0, 40)
if (!categories.length) throw new Error('no category in the filing standard')

const have = await awaiting()
const missing = Math.max(0, TARGET - have)
console.log(`[seed] ${CONSOLE_URL}: ${have} cases awaiting dispatch, adding ${missing} (${categories.length} categories, ${WORKERS} workers)`)
let next = 0
let filed = 0
let unfiled = 0
const started = Date.now()
const jitter = () => (Math.random() - 0.5) * 0.03

let errors = 0
async function worker() {
  while (next < missing) {
    const i = next++
    try {
      await one(i)
    } catch (e) {
      // one refused or failed call is reported, not fatal; many are
      console.error(`[seed] #${i}: ${e.message}`)
      if (++errors > 50) throw e
    }
  }
}

async function one(i) {
  const n = (i % 10) + 1
  const categoryCode = categories[i % categories.length]
  const location = { lon: 118.863 + jitter(), lat: 26.223 + jitter() }
  const report = await call(`collector${n}`, 'POST', '/api/intake/v1/reports', {
    channel: 'PATROL',
    kind: 'REPORT',
    categoryCode,
    location,
    description: `基准测试 巡查上报 #${i}`,
    collectorId: `C${String(n).padStart(4, '0')}`,
  })
  await call('operator1', 'POST', `/api/intake/v1/reports/${report.id}/filing`, { categoryCode })
  filed++
  if (i % 10 === 0) {
    await call('operator1', 'POST', '/api/intake/v1/reports', {
      channel: i % 20 === 0 ? 'PHONE' : 'WALK_IN',
      kind: 'REPORT',
      location,
      address: '梅城镇',
      description: `基准测试 来电来访 #${i}`,
      reporter: { name: '基准', phone: '13800000000' },
    })
    unfiled++
  }
  if (filed % 500 === 0) console.log(`[seed] ${filed} filed, ${unfiled} calls/visits, ${((filed * 1000) / (Date.now() - started)).toFixed(0)}/s`)
}
await Promise.all(Array.from({ length: WORKERS }, worker))
// dispatch-service opens the cases from intake's events: wait until they are all there
for (let i = 0; i < 300; i++) {
  const n = await awaiting()
  if (n >= TARGET) {
    console.log(`[seed] ${n} cases awaiting dispatch (${Math.round((Date.now() - started) / 1000)} s)`)
    process.exit(0)
  }
  await new Promise((r) => setTimeout(r, 2000))
}
throw new Error(`dispatch-service has ${await awaiting()} cases awaiting dispatch, not ${TARGET}`)

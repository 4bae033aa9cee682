/**
 * Helpers of the component tests (Vitest + @vue/test-utils in happy-dom): the app's plugins as
 * main.ts installs them, and a fetch that answers the console's /api paths from a table — the
 * components run their real api.ts (token, problem+json), only the network is replaced.
 */
import ElementPlus from 'element-plus'
import { vi } from 'vitest'
import { i18n } from '../i18n'

export const plugins = [ElementPlus, i18n]

export interface Answer {
  status: number
  body?: unknown
  problem?: boolean
}

/** Replaces fetch: each call is recorded, the first route whose key is a prefix of "METHOD path" answers. */
export function fakeFetch(routes: Record<string, Answer | ((body: unknown) => Answer)>) {
  const calls: { method: string; path: string; body: unknown }[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://console.test')
    const method = (init?.method ?? 'GET').toUpperCase()
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, path: url.pathname + url.search, body })
    const key = Object.keys(routes).find((k) => `${method} ${url.pathname}${url.search}`.startsWith(k))
    if (!key) return new Response(JSON.stringify({ status: 404, title: 'no route in the test' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } })
    const r = routes[key]
    const a = typeof r === 'function' ? r(body) : r
    const type = a.problem ? 'application/problem+json' : 'application/json'
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': type } })
  })
  vi.stubGlobal('fetch', fetch)
  return calls
}

/** Waits until pending promises and Vue's re-render have run. */
export async function settle(times = 5) {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0))
}

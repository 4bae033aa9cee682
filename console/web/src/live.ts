import { getCurrentScope, onScopeDispose, ref } from 'vue'
import { auth, currentUser } from './auth'
import { backoffMs, coalescer, parseChange, SseParser, type LiveChange } from './lib/live'

/**
 * The push channel in the browser (实时推送, docs/console.md): one stream per tab,
 * GET /live/events read with fetch and the person's bearer token in the Authorization header (not
 * EventSource: that would need the token in the URL). Each screen says which changes concern it
 * (`useLive`); a change re-reads the screen through the owning service, coalesced (~250 ms), so a
 * burst costs a few reads. After a broken stream: reconnect with back-off (1 s … 30 s) and every
 * screen re-reads everything (what happened meanwhile was not pushed). A slow poll (30 s) stays
 * as a safety net. The stream ends with the token it was opened with (`event: reauth`): the next
 * one is opened at once with the renewed token.
 */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'down'

/** The header's indicator: 实时 while the stream is open, 连接中断 while it is not. */
export const liveStatus = ref<LiveStatus>('off')

interface Listener {
  filter: (c: LiveChange) => boolean
  change: (c: LiveChange) => void
  reconnected: () => void
}

const listeners = new Set<Listener>()
/** no bytes (not even the 15 s heartbeat) for this long: the stream is taken for dead */
const SILENCE_MS = 45_000
let started = false
let current: AbortController | null = null
let everLive = false

function start() {
  if (started) return
  started = true
  void run()
}

/** Stops the stream (logout). */
export function stopLive() {
  started = false
  current?.abort()
  liveStatus.value = 'off'
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function run() {
  let attempt = 0
  while (started) {
    liveStatus.value = everLive ? 'down' : 'connecting'
    const ctrl = new AbortController()
    current = ctrl
    let again = false // reauth: reconnect at once
    try {
      const user = await currentUser()
      if (!user) throw new Error('no session')
      const res = await fetch('/live/events', {
        headers: { Authorization: `Bearer ${user.access_token}`, Accept: 'text/event-stream' },
        signal: ctrl.signal,
        credentials: 'omit',
        cache: 'no-store',
      })
      if (res.status === 403) {
        // not a center role: no stream for this person (the screens keep their slow poll)
        liveStatus.value = 'off'
        started = false
        return
      }
      if (res.status === 401) {
        await auth().signinSilent().catch(() => null)
        throw new Error('401')
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`)
      everLive = true
      attempt = 0
      liveStatus.value = 'live'
      // what changed while there was no stream was not pushed: every screen re-reads
      listeners.forEach((l) => l.reconnected())
      again = await read(res.body, ctrl)
    } catch {
      /* counted as a break below */
    } finally {
      if (current === ctrl) current = null
    }
    if (!started) break
    if (again) continue
    liveStatus.value = 'down'
    await sleep(backoffMs(attempt++))
  }
}

/** Reads the stream until it ends; true if it ended because the token did (reconnect at once). */
async function read(body: ReadableStream<Uint8Array>, ctrl: AbortController): Promise<boolean> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const parser = new SseParser()
  let silence = window.setTimeout(() => ctrl.abort(), SILENCE_MS)
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return false
      window.clearTimeout(silence)
      silence = window.setTimeout(() => ctrl.abort(), SILENCE_MS)
      for (const ev of parser.push(decoder.decode(value, { stream: true }))) {
        if (ev.event === 'reauth') return true
        const c = parseChange(ev.data)
        if (c) listeners.forEach((l) => l.filter(c) && l.change(c))
      }
    }
  } finally {
    window.clearTimeout(silence)
    reader.cancel().catch(() => {})
  }
}

export interface LiveOptions {
  /** coalescing window (ms) */
  coalesceMs?: number
  /** the safety-net poll (ms) */
  fallbackMs?: number
}

/**
 * A screen's part of the push channel: `onChange` runs (coalesced, one at a time) when a change
 * passing `filter` arrives, after every reconnect, and every `fallbackMs` (30 s) as a safety net;
 * not while the tab is hidden (it runs once when the tab is shown again). Stopped with the
 * component. `onChange` gets the changes of the window (empty for a reconnect or the poll) and
 * should re-read through the owning service.
 */
export function useLive(
  filter: (c: LiveChange) => boolean,
  onChange: (changes: LiveChange[]) => unknown,
  opts: LiveOptions = {},
) {
  let dirty = false
  const batcher = coalescer<LiveChange | null>((batch) => {
    if (document.hidden) {
      dirty = true
      return
    }
    return onChange(batch.filter((c): c is LiveChange => c !== null))
  }, opts.coalesceMs ?? 250)
  const listener: Listener = {
    filter,
    change: (c) => batcher.add(c),
    reconnected: () => batcher.add(null),
  }
  listeners.add(listener)
  const poll = window.setInterval(() => batcher.add(null), opts.fallbackMs ?? 30_000)
  const shown = () => {
    if (!document.hidden && dirty) {
      dirty = false
      batcher.add(null)
    }
  }
  document.addEventListener('visibilitychange', shown)
  start()
  const stop = () => {
    listeners.delete(listener)
    window.clearInterval(poll)
    document.removeEventListener('visibilitychange', shown)
    batcher.close()
  }
  if (getCurrentScope()) onScopeDispose(stop)
  return stop
}

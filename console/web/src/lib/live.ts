/**
 * The push channel's pure parts (实时推送, docs/console.md): reading server-sent-event frames
 * from a fetch body, recognising a change, coalescing bursts, and the reconnect back-off. A change
 * says only WHAT changed — {kind, id, change, at} — never data: the screen re-reads through the
 * owning service, so every read stays scoped by that service.
 */

/** `notification`: a notification to this person (通知; only the recipient's stream gets it) */
export type LiveKind = 'report' | 'case' | 'clock' | 'notification'

export interface LiveChange {
  kind: LiveKind
  /** the case id (intake's report and dispatch's case share it) */
  id: string
  /** the event (report-registered, case-filed, clock-warned …) or dispatch's transition (DISPATCH …) */
  change: string
  /** when it happened (ISO-8601) */
  at: string
}

/** One server-sent event: its name ('message' unless the frame says `event:`) and data. */
export interface SseEvent {
  event: string
  data: string
}

/**
 * An incremental SSE parser (the text/event-stream format of the HTML standard): feed it the
 * decoded chunks as they come, it returns the complete events. Lines end with \n, \r\n or \r; a
 * blank line ends an event; `data:` lines are joined with \n; comment lines (`:` — the heartbeat)
 * only count as activity; an event without data is not dispatched.
 */
export class SseParser {
  private buffer = ''
  private data: string[] = []
  private event = ''
  /** comment lines seen (heartbeats) */
  comments = 0

  push(chunk: string): SseEvent[] {
    this.buffer += chunk
    const out: SseEvent[] = []
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer)
      if (!m) break
      // a lone \r at the very end may be the first half of \r\n: wait for the next chunk
      if (m[0] === '\r' && m.index === this.buffer.length - 1) break
      const line = this.buffer.slice(0, m.index)
      this.buffer = this.buffer.slice(m.index + m[0].length)
      this.line(line, out)
    }
    return out
  }

  private line(line: string, out: SseEvent[]) {
    if (line === '') {
      if (this.data.length) out.push({ event: this.event || 'message', data: this.data.join('\n') })
      this.data = []
      this.event = ''
      return
    }
    if (line.startsWith(':')) {
      this.comments++
      return
    }
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') this.data.push(value)
    else if (field === 'event') this.event = value
    // id and retry are not used: after a reconnect the screen re-reads everything
  }
}

const KINDS: readonly string[] = ['report', 'case', 'clock', 'notification']

/** The change of a data line, or null if it is not one (never trusted beyond its four fields). */
export function parseChange(data: string): LiveChange | null {
  let v: unknown
  try {
    v = JSON.parse(data)
  } catch {
    return null
  }
  if (!v || typeof v !== 'object') return null
  const o = v as Record<string, unknown>
  if (typeof o.kind !== 'string' || !KINDS.includes(o.kind)) return null
  if (typeof o.id !== 'string' || !o.id || typeof o.change !== 'string' || typeof o.at !== 'string') return null
  return { kind: o.kind as LiveKind, id: o.id, change: o.change, at: o.at }
}

export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

/**
 * Coalesces a burst: the first change opens a window of `ms`; at its end `run` gets every change
 * of the window at once (a re-read of the screen, whatever number of changes). One run at a time:
 * changes that come while a run is busy wait for the next window, started when it ends — so 50
 * changes in a second cause a few reads, not 50, and no read is lost to one in flight.
 */
export function coalescer<T>(run: (batch: T[]) => unknown, ms = 250, timers: Timers = realTimers) {
  let batch: T[] = []
  let handle: unknown = null
  let busy = false
  let closed = false

  const arm = () => {
    if (handle === null && !busy && !closed && batch.length) handle = timers.set(fire, ms)
  }
  const fire = async () => {
    handle = null
    const items = batch
    batch = []
    busy = true
    try {
      await run(items)
    } catch {
      /* the screen shows its own error */
    } finally {
      busy = false
      arm()
    }
  }
  return {
    add(item: T) {
      if (closed) return
      batch.push(item)
      arm()
    },
    close() {
      closed = true
      if (handle !== null) timers.clear(handle)
      handle = null
      batch = []
    },
  }
}

/** Wait before reconnect attempt `n` (0-based): 1 s, 2 s, 4 s … at most 30 s, ±20 % jitter. */
export function backoffMs(n: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, n))
  return Math.round(base * (0.8 + 0.4 * random()))
}

import { describe, expect, it } from 'vitest'
import { backoffMs, coalescer, parseChange, SseParser, type Timers } from './live'

describe('SseParser', () => {
  it('reads data frames, joins data lines and counts heartbeats', () => {
    const p = new SseParser()
    expect(p.push(': 实时 live\n\ndata: {"a":1}\n\n')).toEqual([{ event: 'message', data: '{"a":1}' }])
    expect(p.push(': heartbeat\n\nevent: reauth\ndata: x\ndata: y\n\n')).toEqual([{ event: 'reauth', data: 'x\ny' }])
    expect(p.comments).toBe(2)
  })

  it('keeps a frame split anywhere across chunks, \\r\\n included', () => {
    const p = new SseParser()
    const text = 'data: {"kind":"report"}\r\n\r\ndata:second\r\n\r\n'
    const out = []
    for (const ch of text) out.push(...p.push(ch))
    expect(out).toEqual([
      { event: 'message', data: '{"kind":"report"}' },
      { event: 'message', data: 'second' },
    ])
  })

  it('does not take a \\r\\n split between chunks for two line ends', () => {
    const p = new SseParser()
    expect(p.push('data: a\r')).toEqual([])
    expect(p.push('\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }])
  })

  it('does not dispatch an event without data and ignores id and retry', () => {
    const p = new SseParser()
    expect(p.push('event: x\n\nid: 3\nretry: 10\n\n')).toEqual([])
    expect(p.push('data: unfinished\n')).toEqual([])
    expect(p.push('\n')).toEqual([{ event: 'message', data: 'unfinished' }])
  })
})

describe('parseChange', () => {
  it('takes the four fields and nothing else', () => {
    expect(parseChange('{"kind":"case","id":"c1","change":"DISPATCH","at":"2026-03-02T01:02:03Z","extra":"x"}')).toEqual({
      kind: 'case',
      id: 'c1',
      change: 'DISPATCH',
      at: '2026-03-02T01:02:03Z',
    })
  })
  it('refuses what is not a change', () => {
    // a notification to this person (通知): its id and kind, the bell re-reads the inbox
    expect(parseChange('{"kind":"notification","id":"n1","change":"CLOCK_BREACH","at":"2026-03-02T01:02:03Z"}')?.kind).toBe('notification')
    expect(parseChange('not json')).toBeNull()
    expect(parseChange('{"kind":"other","id":"c1","change":"x","at":"t"}')).toBeNull()
    expect(parseChange('{"kind":"report","id":"","change":"x","at":"t"}')).toBeNull()
    expect(parseChange('null')).toBeNull()
  })
})

/** Timers run by hand: now() advances with tick(). */
function manualTimers() {
  let now = 0
  let seq = 0
  const due = new Map<number, { at: number; fn: () => void }>()
  const timers: Timers = {
    set: (fn, ms) => {
      due.set(++seq, { at: now + ms, fn })
      return seq
    },
    clear: (h) => void due.delete(h as number),
  }
  async function tick(ms: number) {
    const end = now + ms
    for (;;) {
      const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
      if (!next) break
      due.delete(next[0])
      now = next[1].at
      next[1].fn()
      await Promise.resolve()
      await Promise.resolve()
    }
    now = end
  }
  return { timers, tick, pending: () => due.size }
}

describe('coalescer', () => {
  it('turns a burst of 50 changes into one read 250 ms after the first', async () => {
    const t = manualTimers()
    const runs: number[][] = []
    const c = coalescer<number>((b) => void runs.push(b), 250, t.timers)
    for (let i = 0; i < 50; i++) c.add(i)
    await t.tick(249)
    expect(runs).toEqual([])
    await t.tick(1)
    expect(runs.length).toBe(1)
    expect(runs[0].length).toBe(50)
  })

  it('runs one read at a time: changes during a read get the next window, none is lost', async () => {
    const t = manualTimers()
    const runs: number[][] = []
    let release: () => void = () => {}
    const c = coalescer<number>(
      (b) => {
        runs.push(b)
        return new Promise<void>((r) => (release = r))
      },
      250,
      t.timers,
    )
    c.add(1)
    await t.tick(250)
    c.add(2)
    c.add(3)
    await t.tick(1000)
    expect(runs).toEqual([[1]]) // the first read is still busy
    release()
    await Promise.resolve()
    await Promise.resolve()
    await t.tick(250)
    expect(runs).toEqual([[1], [2, 3]])
  })

  it('after close nothing runs', async () => {
    const t = manualTimers()
    const runs: number[][] = []
    const c = coalescer<number>((b) => void runs.push(b), 250, t.timers)
    c.add(1)
    c.close()
    c.add(2)
    await t.tick(1000)
    expect(runs).toEqual([])
    expect(t.pending()).toBe(0)
  })
})

describe('backoffMs', () => {
  it('doubles from 1 s to at most 30 s, with jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(backoffMs(0, () => 0)).toBe(800)
    expect(backoffMs(0, () => 1)).toBe(1200)
  })
})

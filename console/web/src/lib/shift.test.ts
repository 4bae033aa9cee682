import { describe, expect, it } from 'vitest'
import { beijingDay, currentShift, metres, shiftsOfDay, shouldSend, type Shift } from './shift'

const at = (iso: string) => Date.parse(iso)
const shift = (id: string, start: string, end: string, cancelled = false): Shift => ({ id, collectorId: 'C0001', gridCodes: ['3501240010010001'], start, end, cancelled })

describe('shift: today on the phone', () => {
  const shifts = [shift('a', '2026-12-07T00:00:00Z', '2026-12-07T04:00:00Z'), shift('b', '2026-12-07T04:00:00Z', '2026-12-07T10:00:00Z'), shift('x', '2026-12-07T05:00:00Z', '2026-12-07T06:00:00Z', true)]

  it('the running shift: start inclusive, end exclusive, a cancelled one never', () => {
    expect(currentShift(shifts, at('2026-12-07T04:00:00Z'))?.id).toBe('b')
    expect(currentShift(shifts, at('2026-12-07T03:59:59Z'))?.id).toBe('a')
    expect(currentShift(shifts, at('2026-12-07T10:00:00Z'))).toBeUndefined()
  })

  it('the Beijing day: 16:00 UTC is already the next day in Minqing', () => {
    expect(beijingDay(at('2026-12-07T15:59:59Z'))).toEqual({ from: at('2026-12-06T16:00:00Z'), to: at('2026-12-07T16:00:00Z') })
    expect(beijingDay(at('2026-12-07T16:00:00Z')).from).toBe(at('2026-12-07T16:00:00Z'))
    expect(shiftsOfDay(shifts, at('2026-12-07T12:00:00Z')).map((s) => s.id)).toEqual(['a', 'b'])
    expect(shiftsOfDay(shifts, at('2026-12-07T17:00:00Z'))).toEqual([])
  })
})

describe('shift: the own position, battery-friendly', () => {
  const p = (lon: number, lat: number, s: number) => ({ lon, lat, at: s * 1000 })
  it('never off duty', () => {
    expect(shouldSend(false, undefined, p(118.86, 26.22, 0))).toBe(false)
  })
  it('the first fix on duty; then at most once a minute, after 30 m or 5 minutes', () => {
    expect(shouldSend(true, undefined, p(118.86, 26.22, 0))).toBe(true)
    const last = p(118.86, 26.22, 0)
    expect(shouldSend(true, last, p(118.861, 26.22, 30))).toBe(false) // 100 m but within the minute
    expect(shouldSend(true, last, p(118.861, 26.22, 61))).toBe(true)
    expect(shouldSend(true, last, p(118.86005, 26.22, 120))).toBe(false) // 5 m
    expect(shouldSend(true, last, p(118.86005, 26.22, 300))).toBe(true)
  })
  it('measures metres on the spheroid well enough', () => {
    expect(metres({ lon: 118.86, lat: 26.22 }, { lon: 118.861, lat: 26.22 })).toBeCloseTo(99.8, 0)
  })
})

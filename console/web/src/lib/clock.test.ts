import { describe, expect, it } from 'vitest'
import { durationSeconds, formatRemaining, trafficLight } from './clock'

describe('traffic light (R-22): green, yellow from the warning, red at the breach', () => {
  const clock = { warningAt: '2026-12-07T09:45:00+08:00', deadline: '2026-12-07T10:00:00+08:00' }
  const at = (iso: string) => new Date(iso)

  it('is green before the warning', () => {
    expect(trafficLight(clock, at('2026-12-07T09:44:59+08:00'))).toBe('green')
  })
  it('turns yellow at the warning itself', () => {
    expect(trafficLight(clock, at('2026-12-07T09:45:00+08:00'))).toBe('yellow')
    expect(trafficLight(clock, at('2026-12-07T09:59:59+08:00'))).toBe('yellow')
  })
  it('turns red at the breach itself and stays red', () => {
    expect(trafficLight(clock, at('2026-12-07T10:00:00+08:00'))).toBe('red')
    expect(trafficLight(clock, at('2026-12-08T10:00:00+08:00'))).toBe('red')
  })
  it('judges a stopped clock at its stop', () => {
    expect(trafficLight({ ...clock, stoppedAt: '2026-12-07T09:30:00+08:00' }, at('2026-12-09T00:00:00Z'))).toBe('green')
    expect(trafficLight({ ...clock, stoppedAt: '2026-12-07T10:05:00+08:00' }, at('2026-12-09T00:00:00Z'))).toBe('red')
  })
  it('takes epoch milliseconds too', () => {
    expect(trafficLight(clock, Date.parse('2026-12-07T01:50:00Z'))).toBe('yellow')
  })
})

describe('remaining working time', () => {
  it('says hours and minutes left in Chinese and English', () => {
    expect(formatRemaining(3900, 'zh')).toBe('剩余 1小时05分')
    expect(formatRemaining(3900, 'en')).toBe('1 h 05 min left')
    expect(formatRemaining(45 * 60 + 59, 'zh')).toBe('剩余 45分')
    expect(formatRemaining(30 * 3600, 'zh')).toBe('剩余 30小时00分')
  })
  it('says how long overdue, never "0 min"', () => {
    expect(formatRemaining(-1200, 'zh')).toBe('超时 20分')
    expect(formatRemaining(-30, 'en')).toBe('1 min overdue')
    expect(formatRemaining(-3 * 3600 - 60, 'zh')).toBe('超时 3小时01分')
  })
  it('says when less than a minute is left or it is due', () => {
    expect(formatRemaining(59, 'zh')).toBe('剩余不足1分钟')
    expect(formatRemaining(0, 'en')).toBe('due now')
    expect(formatRemaining(Number.NaN, 'zh')).toBe('—')
  })
  it('reads the durations sla-service sends', () => {
    expect(durationSeconds('PT1H5M')).toBe(3900)
    expect(durationSeconds('-PT20M')).toBe(-1200)
    expect(durationSeconds('PT-20M')).toBe(-1200)
    expect(durationSeconds('P1DT2H')).toBe(93600)
    expect(durationSeconds('PT0.5S')).toBe(0.5)
    expect(durationSeconds(2700)).toBe(2700)
    expect(durationSeconds('soon')).toBeNaN()
  })
})

import { describe, expect, test } from 'vitest'
import { boundedMap, countsByUnitAndStage, supervisionRows, type CaseLine, type SlaClock } from './supervision'

const now = Date.parse('2026-12-07T03:00:00Z')
const cases: CaseLine[] = [
  { caseId: 'a', reportNo: 'R-A', state: 'DISPATCHED', stateLabel: '已派遣', responsibleUnitId: 'U-WATER' },
  { caseId: 'b', reportNo: 'R-B', state: 'AWAITING_DISPATCH', stateLabel: '待派遣' },
]
const clock = (id: string, warningAt: string, deadline: string, extra: Partial<SlaClock> = {}): SlaClock => ({
  id,
  stage: 'HANDLING',
  stageName: '处置',
  warningAt,
  deadline,
  remaining: 'PT10M',
  ...extra,
})

describe('supervisionRows (督办, R-22)', () => {
  const clocks = new Map<string, SlaClock[]>([
    [
      'a',
      [
        clock('green', '2026-12-07T04:00:00Z', '2026-12-07T05:00:00Z'),
        clock('yellow', '2026-12-07T02:30:00Z', '2026-12-07T03:30:00Z', { unitId: 'U-WATER' }),
        clock('stopped', '2026-12-07T01:00:00Z', '2026-12-07T02:00:00Z', { stoppedAt: '2026-12-07T02:10:00Z' }),
        clock('paused', '2026-12-07T01:00:00Z', '2026-12-07T02:00:00Z', { stateNow: 'PAUSED' }),
      ],
    ],
    ['b', [clock('red', '2026-12-07T02:00:00Z', '2026-12-07T02:45:00Z', { stage: 'REGISTRATION_TO_DISPATCH', stageName: '立案派遣' })]],
  ])

  test('only running yellow and red clocks, oldest warning or breach first', () => {
    const rows = supervisionRows(cases, clocks, now)
    expect(rows.map((r) => r.clockId)).toEqual(['yellow', 'red'])
    expect(rows.map((r) => r.since)).toEqual(['2026-12-07T02:30:00Z', '2026-12-07T02:45:00Z'])
    expect(rows[1]).toMatchObject({ light: 'red', reportNo: 'R-B', unitId: '', stage: 'REGISTRATION_TO_DISPATCH' })
  })

  test("the clock's unit, else the case's responsible unit", () => {
    const only = new Map([['a', [clock('x', '2026-12-07T02:00:00Z', '2026-12-07T05:00:00Z')]]])
    expect(supervisionRows(cases, only, now)[0].unitId).toBe('U-WATER')
  })

  test('the light turns at the warning (inclusive) and at the deadline (inclusive)', () => {
    const at = new Map([['b', [clock('w', '2026-12-07T03:00:00Z', '2026-12-07T04:00:00Z'), clock('d', '2026-12-07T02:00:00Z', '2026-12-07T03:00:00Z')]]])
    const rows = supervisionRows(cases, at, now)
    expect(rows.map((r) => [r.clockId, r.light])).toEqual([
      ['w', 'yellow'],
      ['d', 'red'],
    ])
  })

  test('counts by unit and stage, most breaches first', () => {
    const rows = supervisionRows(cases, clocks, now)
    expect(countsByUnitAndStage(rows)).toEqual([
      { unitId: '', stage: 'REGISTRATION_TO_DISPATCH', stageName: '立案派遣', yellow: 0, red: 1 },
      { unitId: 'U-WATER', stage: 'HANDLING', stageName: '处置', yellow: 1, red: 0 },
    ])
  })
})

describe('boundedMap', () => {
  test('never more than the limit at once, results in order, failures undefined', async () => {
    let running = 0
    let peak = 0
    const out = await boundedMap([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, 5))
      running--
      if (n === 4) throw new Error('x')
      return n * 10
    })
    expect(peak).toBe(3)
    expect(out).toEqual([10, 20, 30, undefined, 50, 60, 70])
  })
})

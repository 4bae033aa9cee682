import { describe, expect, test } from 'vitest'
import { mergeHistory } from './history'

describe('mergeHistory: the whole history across intake and dispatch', () => {
  const registration = { at: '2026-12-07T01:00:00Z', collectorId: 'C0001', channel: 'PATROL' }
  const intake = [
    { from: 'REGISTERED', to: 'FILED', action: 'FILE', actorId: 'operator1', actorRole: 'OPERATOR', at: '2026-12-07T01:05:00Z', note: '先行立案' },
  ]
  const dispatch = [
    { sequence: 2, transition: 'DISPATCH', label: '派遣', toState: 'DISPATCHED', actorUserId: 'dispatcher1', actorRole: 'DISPATCHER', at: '2026-12-07T01:10:00.000Z', unitId: 'U-WATER', reason: '改派' },
    { sequence: 1, transition: 'OPEN', label: '接收立案', toState: 'AWAITING_DISPATCH', actorUserId: 'system', actorRole: 'SYSTEM', at: '2026-12-07T01:05:00Z' },
  ]

  test('time order; at the same instant intake first, then dispatch by sequence', () => {
    const lines = mergeHistory(intake, dispatch, registration)
    expect(lines.map((l) => l.action)).toEqual(['REGISTER', 'FILE', 'OPEN', 'DISPATCH'])
    expect(lines[0]).toMatchObject({ source: 'intake', who: 'C0001', role: 'COLLECTOR', why: 'PATROL' })
  })

  test('who, role, unit and why are kept from both services', () => {
    const lines = mergeHistory(intake, dispatch, registration)
    expect(lines[1]).toMatchObject({ source: 'intake', who: 'operator1', role: 'OPERATOR', why: '先行立案', toState: 'FILED' })
    expect(lines[3]).toMatchObject({ source: 'dispatch', who: 'dispatcher1', targetUnit: 'U-WATER', why: '改派', label: '派遣' })
  })

  test('either side may be empty (a unit user cannot read intake history)', () => {
    expect(mergeHistory([], dispatch).map((l) => l.action)).toEqual(['OPEN', 'DISPATCH'])
    expect(mergeHistory(intake, [])).toHaveLength(1)
    expect(mergeHistory([], [], registration).map((l) => l.action)).toEqual(['REGISTER'])
  })
})

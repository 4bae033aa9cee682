import { describe, expect, it } from 'vitest'
import { acknowledgeUrl, MY_WARNINGS_URL, refusalText, sortWarnings, unacknowledged, withAcknowledged, type EfficiencyWarning } from './warnings'

const w = (id: string, issuedAt: string, acknowledgedAt: string | null = null): EfficiencyWarning => ({
  warningId: id,
  noticeActionId: `${id}:LATE_SIGN_FOR:1:EFFICIENCY_OFFICE_NOTICE`,
  unitId: 'U-WATER',
  caseId: 'C1',
  personId: 'water-leader',
  personName: '水务领导',
  reasonZh: '本月三次超时签收',
  issuedBy: 'efficiency1',
  issuedAt,
  acknowledgedAt,
})

describe('我的效能告诫', () => {
  it('reads and acknowledges through the console proxy of assessment-service', () => {
    expect(MY_WARNINGS_URL).toBe('/api/assessment/v1/efficiency-warnings/mine?limit=50')
    expect(acknowledgeUrl('W 1')).toBe('/api/assessment/v1/efficiency-warnings/W%201/acknowledgement')
  })

  it('lists the ones waiting for 签收 first, longest waiting first, then the acknowledged newest first', () => {
    const list = [
      w('A', '2026-12-01T01:00:00Z', '2026-12-01T02:00:00Z'),
      w('B', '2026-12-03T01:00:00Z'),
      w('C', '2026-12-02T01:00:00Z'),
      w('D', '2026-12-04T01:00:00Z', '2026-12-04T02:00:00Z'),
    ]
    expect(sortWarnings(list).map((x) => x.warningId)).toEqual(['C', 'B', 'D', 'A'])
    expect(unacknowledged(list)).toBe(2)
  })

  it("puts the service's acknowledgement in place of the warning (the count drops by one)", () => {
    const list = [w('A', '2026-12-01T01:00:00Z'), w('B', '2026-12-02T01:00:00Z')]
    const after = withAcknowledged(list, { ...list[0], acknowledgedAt: '2026-12-05T00:00:00Z' })
    expect(after[0].acknowledgedAt).toBe('2026-12-05T00:00:00Z')
    expect(after[1]).toBe(list[1])
    expect(unacknowledged(after)).toBe(1)
  })

  it('says what a refusal means', () => {
    expect(refusalText(404, 'zh')).toMatch(/不是发给您的/)
    expect(refusalText(403, 'en')).toMatch(/may not/)
    expect(refusalText(500, 'zh')).toBeNull()
  })
})

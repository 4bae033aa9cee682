import { describe, expect, test } from 'vitest'
import { CENTER, supervisionCounts, supervisionRows, supervisionUrl, type SupervisionPage } from './supervision'

const page: SupervisionPage = {
  now: '2026-12-07T03:00:00Z',
  total: 2,
  page: 0,
  size: 50,
  items: [
    {
      clockId: 'k1',
      caseId: 'a',
      reportNo: 'MQ1',
      categoryName: '井盖破损',
      unitId: 'U-WATER',
      stage: 'HANDLING',
      stageName: '处置',
      light: 'BREACHED',
      since: '2026-12-07T01:00:00Z',
      warningAt: '2026-12-07T00:00:00Z',
      deadline: '2026-12-07T01:00:00Z',
      remaining: '-PT2H',
    },
    {
      clockId: 'k2',
      caseId: 'b',
      reportNo: null,
      unitId: null,
      stage: 'REGISTRATION_TO_DISPATCH',
      stageName: '立案派遣',
      light: 'WARNING',
      since: '2026-12-07T02:00:00Z',
      warningAt: '2026-12-07T02:00:00Z',
      deadline: '2026-12-07T04:00:00Z',
      remaining: 'PT1H',
    },
  ],
  counts: [
    { unitId: '', stage: 'REGISTRATION_TO_DISPATCH', stageName: '立案派遣', warning: 3, breached: 0 },
    { unitId: 'U-WATER', stage: 'HANDLING', stageName: '处置', warning: 1, breached: 2 },
  ],
}

describe('督办 from sla-service (R-22)', () => {
  test('one call: both lights, the filters and the page', () => {
    expect(supervisionUrl({})).toBe('/api/sla/v1/clocks?state=WARNING%2CBREACHED&page=0&size=50')
    expect(supervisionUrl({ unitId: CENTER, stage: 'HANDLING', page: 2, size: 20 })).toBe(
      '/api/sla/v1/clocks?state=WARNING%2CBREACHED&stage=HANDLING&unitId=CENTER&page=2&size=20',
    )
  })

  test("rows keep sla-service's order; lights, the center, a missing number, 过期未处置", () => {
    const rows = supervisionRows(page)
    expect(rows.map((r) => [r.clockId, r.light, r.unitId, r.reportNo, r.overdueHandling])).toEqual([
      ['k1', 'red', 'U-WATER', 'MQ1', true],
      ['k2', 'yellow', CENTER, 'b', false],
    ])
    expect(rows[0]).toMatchObject({ categoryName: '井盖破损', since: '2026-12-07T01:00:00Z', remaining: '-PT2H' })
  })

  test("counts by unit and stage from the server, most breaches first, the center's as CENTER", () => {
    expect(supervisionCounts(page.counts)).toEqual([
      { unitId: 'U-WATER', stage: 'HANDLING', stageName: '处置', yellow: 1, red: 2 },
      { unitId: CENTER, stage: 'REGISTRATION_TO_DISPATCH', stageName: '立案派遣', yellow: 3, red: 0 },
    ])
  })
})

import { describe, expect, test } from 'vitest'
import {
  emptyWarningValues,
  formatFigure,
  lastClosedMonth,
  mayWarn,
  monthChoices,
  rankingChartOption,
  rankingRows,
  reportFileName,
  reportFileUrl,
  warningBody,
  warningErrors,
  type EfficiencyWarning,
  type Notice,
} from './assessment'

const notice: Notice = {
  actionId: 'o1:LATE_SIGN_FOR:1:CENTER_NOTICE',
  type: 'CENTER_NOTICE',
  level: 'CENTER',
  unitId: 'U-WATER',
  unitName: '闽清县自来水公司',
  kind: 'LATE_SIGN_FOR',
  month: '2026-11',
  ordinal: 1,
  incidentId: 'o1:LATE_SIGN_FOR:1',
  caseId: 'c1',
  personId: 'water-receiver',
  personName: '张值班',
  personMissing: false,
  titleZh: '超时签收',
  titleEn: 'Late sign-for',
  issuedAt: '2026-11-20T02:00:00Z',
}

const warning = (personId: string): EfficiencyWarning => ({
  warningId: 'EW-1',
  noticeActionId: notice.actionId,
  unitId: 'U-WATER',
  caseId: 'c1',
  personId,
  personName: null,
  reasonZh: '本月三次超时签收',
  issuedBy: 'efficiency1',
  issuedAt: '2026-12-02T02:00:00Z',
  acknowledgedAt: null,
})

describe('the month the ranking opens on (Asia/Shanghai)', () => {
  test('the last closed month is the one before the running month in Minqing', () => {
    expect(lastClosedMonth(new Date('2026-12-07T18:40:00Z'))).toBe('2026-11')
  })
  test('just after midnight of the 1st in Shanghai (still the 30th in UTC) the month has closed', () => {
    // 2026-12-01T00:30+08:00: December in Minqing, so November is closed
    expect(lastClosedMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-11')
    // one hour earlier it is still November 30th in Shanghai
    expect(lastClosedMonth(new Date('2026-11-30T15:30:00Z'))).toBe('2026-10')
  })
  test('January looks back to December of the year before', () => {
    expect(lastClosedMonth(new Date('2027-01-15T04:00:00Z'))).toBe('2026-12')
  })
  test('the choices start at the running month, newest first', () => {
    expect(monthChoices(new Date('2027-01-15T04:00:00Z'), 3)).toEqual(['2027-01', '2026-12', '2026-11'])
  })
})

describe('通报 files', () => {
  test('named after the county and the period', () => {
    expect(reportFileName('MONTH-2026-11', 'pdf')).toBe('闽清县数字城管考核通报-2026-11.pdf')
    expect(reportFileName('QUARTER-2026-Q4', 'xlsx')).toBe('闽清县数字城管考核通报-2026-Q4.xlsx')
    expect(reportFileName('YEAR-2026', 'pdf')).toBe('闽清县数字城管考核通报-2026.pdf')
  })
  test('fetched from assessment-service through the gateway', () => {
    expect(reportFileUrl('MONTH-2026-11', 'xlsx')).toBe('/api/assessment/v1/periodic-reports/MONTH-2026-11/xlsx')
  })
})

describe('the ranking', () => {
  const api = [
    { rank: 1, unitId: 'U-A', unitName: '城管甲队', score: 100, grade: 'A', received: 1, toHandle: 1, handled: 1, handledOnTime: 1, handlingRate: 100, onTimeHandlingRate: 100, onTimeSignForRate: 100 },
    { rank: 2, unitId: 'U-B', unitName: '乙镇', score: 50, grade: 'D', received: 3, toHandle: 1, expiredUnhandled: 1, handlingRate: 0, signedLate: 3 },
    { rank: null, unitId: 'U-C', unitName: null, score: null, grade: null, received: 0, handlingRate: null },
  ]
  test('rows are typed; an ungraded unit has rank 0 and no score; an unnamed unit shows its id', () => {
    const rows = rankingRows(api)
    expect(rows.map((r) => [r.rank, r.unitName, r.score, r.grade])).toEqual([
      [1, '城管甲队', 100, 'A'],
      [2, '乙镇', 50, 'D'],
      [0, 'U-C', null, null],
    ])
    expect(rows[1].expiredUnhandled).toBe(1)
    expect(rows[1].signedLate).toBe(3)
    expect(rows[2].handlingRate).toBeNull()
  })
  test('an undefined rate prints as a dash, a defined one with two decimals', () => {
    expect(formatFigure(null)).toBe('—')
    expect(formatFigure(87.5)).toBe('87.50')
  })
  test('the chart draws the graded units in ranking order, coloured by grade, 0–100', () => {
    const o = rankingChartOption(rankingRows(api), 'zh', '2026-11')
    expect(o.xAxis.data).toEqual(['城管甲队', '乙镇'])
    expect(o.series[0].data.map((d) => d.value)).toEqual([100, 50])
    expect(o.series[0].data[0].itemStyle.color).toBe('#2e7d32')
    expect(o.yAxis.max).toBe(100)
    expect(o.title.text).toContain('2026-11')
    expect(rankingChartOption([], 'en', '2026-11').title.text).toBe('Composite score by unit, 2026-11')
  })
})

describe('效能告诫', () => {
  test('offered to the efficiency office only', () => {
    expect(mayWarn(['efficiency-office'], notice, [])).toBe(true)
    expect(mayWarn(['supervision-office', 'admin'], notice, [])).toBe(false)
  })
  test('not offered again once the person responsible has one from this notice', () => {
    expect(mayWarn(['efficiency-office'], notice, [warning('water-receiver')])).toBe(false)
    expect(mayWarn(['efficiency-office'], notice, [warning('water-leader')])).toBe(true)
  })
  test('a reason is required; a person too when the notice names no one', () => {
    expect(warningErrors(emptyWarningValues(), notice, 'zh')).toEqual({ reasonZh: '须填写告诫事由' })
    const nobody = { ...notice, personId: null, personName: null, personMissing: true }
    expect(Object.keys(warningErrors({ reasonZh: '超时', personId: ' ', personName: '' }, nobody, 'en'))).toEqual(['personId'])
    expect(warningErrors({ reasonZh: 'x'.repeat(2001), personId: '', personName: '' }, notice, 'zh').reasonZh).toContain('2000')
    expect(warningErrors({ reasonZh: '本月三次超时签收', personId: '', personName: '' }, notice, 'zh')).toEqual({})
  })
  test('the body names a person only when the office gives one', () => {
    expect(warningBody({ reasonZh: ' 本月三次超时签收 ', personId: '', personName: '李分管' })).toEqual({ reasonZh: '本月三次超时签收' })
    expect(warningBody({ reasonZh: '事由', personId: 'water-leader', personName: '李分管' })).toEqual({
      reasonZh: '事由',
      personId: 'water-leader',
      personName: '李分管',
    })
  })
})

describe('who opens 考核', () => {
  test('the efficiency office, the supervision office and admin; not the center desks nor the units', async () => {
    const { menuFor, mayOpen } = await import('./roles')
    expect(menuFor(['efficiency-office'])).toContain('assessment')
    expect(menuFor(['supervision-office'])).toContain('assessment')
    expect(mayOpen('assessment', ['admin'])).toBe(true)
    for (const r of ['operator', 'dispatcher', 'shift-lead', 'unit-leader', 'collector']) expect(mayOpen('assessment', [r])).toBe(false)
  })
})

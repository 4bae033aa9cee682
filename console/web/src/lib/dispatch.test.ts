import { describe, expect, test } from 'vitest'
import { dispatchBody, dispatchProblems, explanation, isOverride, loadLabel, loadOf, loadsByUnit, maintainerText, plainExplanation, type Proposal } from './dispatch'

const proposal: Proposal = {
  caseId: 'c1',
  proposedUnitId: 'U-WATER',
  proposedUnitName: '县水务局',
  ruleId: 'R1',
  explanationZh: '部件 WS-1 的养护单位为县水务局',
  explanationEn: 'The maintainer of WS-1 is the water bureau',
  tiedUnitIds: [],
  excludedUnitIds: [],
  componentId: 'WS-1',
  maintainerStatus: 'FOUND',
  maintainerName: '县水务局',
  maintainerUnitId: 'U-WATER',
}
const none: Proposal = { ...proposal, proposedUnitId: null, tiedUnitIds: ['U-A', 'U-B'], maintainerStatus: 'NOT_A_COMPONENT' }

describe('dispatchBody (R-12)', () => {
  test('one click confirms the proposal: no unitId, so dispatch-service records a confirmation', () => {
    expect(dispatchBody(proposal, {})).toEqual({})
    expect(dispatchBody(proposal, { unitId: 'U-WATER', overrideReason: 'x' })).toEqual({})
  })
  test('another unit is an override and carries the reason', () => {
    expect(dispatchBody(proposal, { unitId: 'U-SANITATION', overrideReason: ' 属地管辖 ' })).toEqual({
      unitId: 'U-SANITATION',
      overrideReason: '属地管辖',
    })
  })
  test('requirements go along, trimmed; blank ones are left out', () => {
    expect(dispatchBody(proposal, { requirements: ' 今日处理 ' })).toEqual({ requirements: '今日处理' })
    expect(dispatchBody(proposal, { requirements: '  ' })).toEqual({})
  })
})

describe('dispatchProblems', () => {
  test('confirming a proposal needs nothing', () => {
    expect(dispatchProblems(proposal, {}, 'zh')).toEqual({})
  })
  test('an override without a reason is refused before sending, the field named', () => {
    expect(Object.keys(dispatchProblems(proposal, { unitId: 'U-X' }, 'zh'))).toEqual(['overrideReason'])
    expect(dispatchProblems(proposal, { unitId: 'U-X', overrideReason: '  ' }, 'en').overrideReason).toMatch(/reason/)
    expect(dispatchProblems(proposal, { unitId: 'U-X', overrideReason: '协调结果' }, 'zh')).toEqual({})
  })
  test('no proposal (a tie): a unit must be chosen, and that is an override with a reason', () => {
    expect(Object.keys(dispatchProblems(none, {}, 'zh'))).toEqual(['unitId'])
    expect(isOverride(none, 'U-A')).toBe(true)
    expect(Object.keys(dispatchProblems(none, { unitId: 'U-A' }, 'zh'))).toEqual(['overrideReason'])
  })
})

describe('cooperating units (协同单位)', () => {
  test('sent with the dispatch, trimmed, without blanks and duplicates; none: left out', () => {
    expect(dispatchBody(proposal, { unitId: 'U-B', overrideReason: '属地', cooperatingUnitIds: [' U-C ', '', 'U-C', 'U-D'] })).toEqual({
      unitId: 'U-B',
      overrideReason: '属地',
      cooperatingUnitIds: ['U-C', 'U-D'],
    })
    expect(dispatchBody(proposal, { cooperatingUnitIds: [] })).toEqual({})
  })
  test('the unit dispatched to cannot also cooperate', () => {
    expect(dispatchProblems(proposal, { unitId: 'U-B', overrideReason: 'x', cooperatingUnitIds: ['U-B'] }, 'zh')).toHaveProperty('cooperatingUnitIds')
    expect(dispatchProblems(proposal, { cooperatingUnitIds: [proposal.proposedUnitId as string] }, 'en')).toHaveProperty('cooperatingUnitIds')
    expect(dispatchProblems(proposal, { unitId: 'U-B', overrideReason: 'x', cooperatingUnitIds: ['U-C'] }, 'zh')).toEqual({})
  })
})

describe("every unit's open load (GET /units/open-load)", () => {
  const loads = loadsByUnit({ units: [{ unitId: 'U-A', open: 3, unsigned: 1, inHandling: 2, overdue: 1 }] })
  test('by unit; a unit not listed has no open order', () => {
    expect(loadOf(loads, 'U-A').open).toBe(3)
    expect(loadOf(loads, 'U-Z')).toEqual({ unitId: 'U-Z', open: 0, unsigned: 0, inHandling: 0, overdue: 0 })
  })
  test('the label beside the unit, in both languages', () => {
    expect(loadLabel(loadOf(loads, 'U-A'), 'zh')).toBe('在办 3（待签收 1，处置中 2，超期 1）')
    expect(loadLabel(loadOf(loads, 'U-A'), 'en')).toBe('3 open (1 not signed for, 2 in handling, 1 overdue)')
  })
})

describe('proposal in plain words', () => {
  test('explanation in the person language', () => {
    expect(explanation(proposal, 'zh')).toBe('部件 WS-1 的养护单位为县水务局')
    expect(explanation(proposal, 'en')).toBe('The maintainer of WS-1 is the water bureau')
  })
  test('maintainer status', () => {
    expect(maintainerText(proposal, 'zh')).toBe('部件养护单位：县水务局（U-WATER）')
    expect(maintainerText(none, 'en')).toMatch(/event case/)
    expect(maintainerText({ ...proposal, maintainerStatus: 'GIS_UNAVAILABLE' }, 'zh')).toMatch(/不可用/)
  })
})

describe('plainExplanation', () => {
  test('a matrix rule in plain words, the unit by name', () => {
    const p = { ...proposal, maintainerStatus: 'NOT_A_COMPONENT', maintainerUnitId: null, ruleId: 'E-01-350124100', proposedUnitName: '县城市管理局（环卫）' }
    expect(plainExplanation(p, 'zh')).toBe('按责任矩阵（规则 E-01-350124100），该类问题在该区域由「县城市管理局（环卫）」负责，建议派遣该单位。')
  })
  test('a component goes to its maintainer', () => {
    expect(plainExplanation(proposal, 'zh')).toMatch(/部件 WS-1.*养护单位是「县水务局」/)
    expect(plainExplanation(proposal, 'en')).toMatch(/maintained by “县水务局”/)
  })
  test('a tie names the tied units; no rule says so', () => {
    expect(plainExplanation(none, 'zh', (id) => ({ 'U-A': '甲局' })[id] ?? '')).toBe(
      '责任矩阵中 2 个单位同等匹配（甲局、U-B），无法自动确定；请选定单位并说明理由，或发起协调。',
    )
    expect(plainExplanation({ ...none, tiedUnitIds: [] }, 'en')).toMatch(/No rule/)
  })
})

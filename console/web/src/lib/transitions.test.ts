import { describe, expect, test } from 'vitest'
import { ACTIONS, beijingToInstant, commandBody, missingFields, partitionAllowed } from './transitions'

describe('the case page buttons', () => {
  test('allowed transitions with a dialog here, the others named as done elsewhere', () => {
    const { here, elsewhere } = partitionAllowed([{ transition: 'ORDER_CHECK' }, { transition: 'SIGN_FOR' }, { transition: 'CANCEL' }])
    expect(here.map((a) => a.transition)).toEqual(['ORDER_CHECK', 'CANCEL'])
    expect(elsewhere).toEqual(['SIGN_FOR'])
  })

  test('order check needs a collector; close needs nothing', () => {
    expect(missingFields(ACTIONS.ORDER_CHECK, {}, 'zh')).toEqual({ collectorId: '必填' })
    expect(missingFields(ACTIONS.ORDER_CHECK, { collectorId: 'C0001' }, 'zh')).toEqual({})
    expect(missingFields(ACTIONS.CLOSE, {}, 'en')).toEqual({})
    expect(missingFields(ACTIONS.CANCEL, { reason: '  ' }, 'en')).toEqual({ reason: 'required' })
  })

  test('the body: trimmed, blanks left out', () => {
    expect(commandBody(ACTIONS.ORDER_CHECK, { collectorId: ' C0001 ', note: '' })).toEqual({ collectorId: 'C0001' })
    expect(commandBody(ACTIONS.REFUSE_RETURN, { reason: '属本单位职责' })).toEqual({ reason: '属本单位职责' })
  })

  test('a granted deadline picked in Beijing time goes as the UTC instant', () => {
    expect(beijingToInstant('2026-12-08T17:30:00')).toBe('2026-12-08T09:30:00.000Z')
    expect(commandBody(ACTIONS.GRANT_EXTENSION, { grantedDeadline: '2026-12-08T08:00:00' })).toEqual({ grantedDeadline: '2026-12-08T00:00:00.000Z' })
    expect(() => beijingToInstant('tomorrow')).toThrow(RangeError)
  })
})

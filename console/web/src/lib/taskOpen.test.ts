import { describe, expect, test } from 'vitest'
import { closedTask } from './taskOpen'

describe('a task that no longer takes an answer says why', () => {
  test('a pending verification and an ordered check are open', () => {
    expect(closedTask('verification', { status: 'PENDING' })).toBeNull()
    expect(closedTask('check', { state: 'CHECK_ORDERED', stateLabel: '待核查' })).toBeNull()
    expect(closedTask('verification', null)).toBeNull()
  })
  test('a verification cancelled because the report was rejected names the cause', () => {
    expect(closedTask('verification', { status: 'CANCELLED', note: '不予立案 rejected' })).toEqual({ status: 'CANCELLED', why: '不予立案 rejected' })
    expect(closedTask('verification', { status: 'CONFIRMED' })).toEqual({ status: 'CONFIRMED', why: undefined })
  })
  test('a check whose case moved on names the case state', () => {
    expect(closedTask('check', { state: 'CLOSED', stateLabel: '已结案' })).toEqual({ status: 'CLOSED', why: '已结案' })
  })
})

import { describe, expect, it } from 'vitest'
import { outcome, tone } from './outcome'

describe('outcome: what became of an own report', () => {
  it('follows intake before filing and dispatch after it', () => {
    expect(outcome({ status: 'REGISTERED' })).toBe('registered')
    expect(outcome({ status: 'FILED' })).toBe('filed')
    expect(outcome({ status: 'FILED', caseState: 'AWAITING_DISPATCH' })).toBe('filed')
    expect(outcome({ status: 'FILED', caseState: 'DISPATCHED' })).toBe('dispatched')
    expect(outcome({ status: 'FILED', caseState: 'IN_HANDLING' })).toBe('handling')
    expect(outcome({ status: 'FILED', caseState: 'CHECK_ORDERED' })).toBe('checking')
    expect(outcome({ status: 'FILED', caseState: 'CLOSED' })).toBe('closed')
    expect(outcome({ status: 'REJECTED', rejectionReason: '不属实' })).toBe('rejected')
    expect(outcome({ status: 'MERGED' })).toBe('merged')
  })
  it('colours: closed green, rejected red', () => {
    expect(tone('closed')).toBe('success')
    expect(tone('rejected')).toBe('danger')
  })
})

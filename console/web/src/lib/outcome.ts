/**
 * A collector's own report and what became of it (我的上报), from intake-service's report view:
 * its intake status (登记 → 立案 / 不予立案 / 合并) and, once filed, the case's state in
 * dispatch-service as intake follows it (`caseState`, from the szcg.cases events).
 */
export type Outcome = 'registered' | 'verifying' | 'filed' | 'dispatched' | 'handling' | 'checking' | 'closed' | 'rejected' | 'merged' | 'cancelled' | 'other'

export interface OwnReport {
  status: string
  caseState?: string | null
  rejectionReason?: string | null
}

/** dispatch-service's CaseState → what the collector is told */
const CASE: Record<string, Outcome> = {
  AWAITING_DISPATCH: 'filed',
  DISPATCHED: 'dispatched',
  SIGNED_FOR: 'handling',
  IN_HANDLING: 'handling',
  RETURN_REQUESTED: 'handling',
  EXTENSION_REQUESTED: 'handling',
  SUSPENDED: 'handling',
  FEEDBACK_SUBMITTED: 'handling',
  COORDINATING: 'handling',
  ESCALATED_TO_COUNTY_GOVERNMENT: 'handling',
  EMERGENCY_ARRANGEMENT: 'handling',
  CHECK_ORDERED: 'checking',
  CHECK_PASSED: 'checking',
  CLOSED: 'closed',
  TRANSFERRED_TO_LAW_ENFORCEMENT: 'closed',
  CANCELLED: 'cancelled',
}

export function outcome(r: OwnReport): Outcome {
  switch (r.status) {
    case 'REGISTERED':
      return 'registered'
    case 'VERIFICATION_PENDING':
    case 'VERIFIED':
    case 'REFUTED':
      return 'verifying'
    case 'REJECTED':
      return 'rejected'
    case 'MERGED':
      return 'merged'
    case 'FILED':
      if (!r.caseState) return 'filed'
      return CASE[r.caseState] ?? 'handling'
    default:
      return 'other'
  }
}

/** The tag colour of an outcome. */
export function tone(o: Outcome): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  if (o === 'closed') return 'success'
  if (o === 'rejected' || o === 'cancelled') return 'danger'
  if (o === 'registered' || o === 'verifying') return 'info'
  if (o === 'merged') return 'info'
  return 'primary'
}

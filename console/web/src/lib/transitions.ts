import type { Lang } from './lang'

/**
 * The case page's buttons: for each transition dispatch-service lists as allowed
 * (CaseDetail.allowedTransitions, computed from the person's roles and the case's state), the
 * command endpoint and the fields of its dialog (CaseRequests). Transitions done elsewhere (a
 * unit's sign-for and feedback in 处置通, a collector's check in the field app) have no dialog here.
 */
export type FieldKind = 'text' | 'textarea' | 'collector' | 'unit' | 'datetime' | 'suspension'

export interface FieldSpec {
  name: string
  kind: FieldKind
  required: boolean
}

export interface ActionSpec {
  transition: string
  /** the path after /api/dispatch/v1/cases/{id} */
  path: string
  fields: FieldSpec[]
  /** an irreversible or refusing step: a red button */
  danger?: boolean
  /** the dispatch desk does this one (with the proposal) */
  desk?: boolean
}

const f = (name: string, kind: FieldKind, required = false): FieldSpec => ({ name, kind, required })

export const ACTIONS: Record<string, ActionSpec> = {
  DISPATCH: { transition: 'DISPATCH', path: '/dispatch', fields: [], desk: true },
  ORDER_CHECK: { transition: 'ORDER_CHECK', path: '/check-orders', fields: [f('collectorId', 'collector', true), f('note', 'textarea')] },
  CLOSE: { transition: 'CLOSE', path: '/close', fields: [f('note', 'textarea')] },
  APPROVE_RETURN: { transition: 'APPROVE_RETURN', path: '/return-requests/approve', fields: [f('note', 'textarea')] },
  REFUSE_RETURN: { transition: 'REFUSE_RETURN', path: '/return-requests/refuse', fields: [f('reason', 'textarea', true)], danger: true },
  GRANT_EXTENSION: {
    transition: 'GRANT_EXTENSION',
    path: '/extension-requests/approve',
    fields: [f('grantedDeadline', 'datetime', true), f('note', 'textarea')],
  },
  REFUSE_EXTENSION: { transition: 'REFUSE_EXTENSION', path: '/extension-requests/refuse', fields: [f('reason', 'textarea', true)], danger: true },
  SUSPEND: { transition: 'SUSPEND', path: '/suspension', fields: [f('reasonCode', 'suspension', true), f('reason', 'textarea', true)] },
  RESUME: { transition: 'RESUME', path: '/resumption', fields: [f('note', 'textarea')] },
  START_COORDINATION: { transition: 'START_COORDINATION', path: '/coordination', fields: [f('reason', 'textarea', true)] },
  ESCALATE_TO_COUNTY_GOVERNMENT: { transition: 'ESCALATE_TO_COUNTY_GOVERNMENT', path: '/escalation-to-county-government', fields: [f('reason', 'textarea', true)] },
  DESIGNATE_UNIT: {
    transition: 'DESIGNATE_UNIT',
    path: '/designation',
    fields: [f('unitId', 'unit', true), f('decisionReference', 'text'), f('requirements', 'textarea')],
  },
  START_EMERGENCY_ARRANGEMENT: { transition: 'START_EMERGENCY_ARRANGEMENT', path: '/emergency-arrangement', fields: [f('reason', 'textarea', true)] },
  RECORD_EMERGENCY_MEASURES: { transition: 'RECORD_EMERGENCY_MEASURES', path: '/emergency-arrangement/measures', fields: [f('measures', 'textarea', true)] },
  TRANSFER_TO_LAW_ENFORCEMENT: {
    transition: 'TRANSFER_TO_LAW_ENFORCEMENT',
    path: '/law-enforcement-transfer',
    fields: [f('enforcementBody', 'text', true), f('reason', 'textarea', true)],
    danger: true,
  },
  CANCEL: { transition: 'CANCEL', path: '/cancel', fields: [f('reason', 'textarea', true)], danger: true },
}

/** The allowed transitions split into those with a button here and those done elsewhere. */
export function partitionAllowed(allowed: readonly { transition: string }[]): { here: ActionSpec[]; elsewhere: string[] } {
  const here: ActionSpec[] = []
  const elsewhere: string[] = []
  for (const a of allowed) {
    const spec = ACTIONS[a.transition]
    if (spec) here.push(spec)
    else elsewhere.push(a.transition)
  }
  return { here, elsewhere }
}

/** Beijing wall-clock "YYYY-MM-DDTHH:mm:ss" (the date picker's value) as a UTC instant. */
export function beijingToInstant(wall: string): string {
  const d = new Date(`${wall}+08:00`)
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date-time: ${wall}`)
  return d.toISOString()
}

/** Required fields left empty: field → message (the service checks again and names the field). */
export function missingFields(spec: ActionSpec, values: Record<string, string>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field of spec.fields) {
    if (field.required && !(values[field.name] ?? '').trim()) out[field.name] = lang === 'zh' ? '必填' : 'required'
  }
  return out
}

/** The JSON body of the command: trimmed texts, blanks left out, a deadline as an instant. */
export function commandBody(spec: ActionSpec, values: Record<string, string>): Record<string, string> {
  const body: Record<string, string> = {}
  for (const field of spec.fields) {
    const v = (values[field.name] ?? '').trim()
    if (!v) continue
    body[field.name] = field.kind === 'datetime' ? beijingToInstant(v) : v
  }
  return body
}

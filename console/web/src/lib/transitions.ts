import type { Lang } from './lang'

/**
 * The case page's buttons: for each transition dispatch-service lists as allowed
 * (CaseDetail.allowedTransitions, computed from the person's roles and the case's state), the
 * command endpoint and the fields of its dialog (CaseRequests). Transitions done elsewhere (a
 * unit's sign-for and feedback in 处置通, a collector's check in the field app) have no dialog here;
 * every transition of dispatch's vocabulary (CaseTransition) is in exactly one of ACTIONS and
 * DONE_ELSEWHERE (transitions.test.ts reads the enum and fails on a new one).
 */
export type FieldKind = 'text' | 'textarea' | 'collector' | 'unit' | 'units' | 'datetime' | 'suspension' | 'satisfaction'

/** A dialog's values: texts, and lists for the 'units' fields. */
export type FieldValues = Record<string, string | string[] | undefined>

/** 满意度回访 levels (dispatch's SatisfactionLevel, R-25). */
export const SATISFACTION_LEVELS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const

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
  // 协调一致: the binding agreement, the agreed unit gets the order (AgreementBody)
  RECORD_COORDINATION_AGREEMENT: {
    transition: 'RECORD_COORDINATION_AGREEMENT',
    path: '/coordination/agreement',
    fields: [f('agreedUnitId', 'unit', true), f('participatingUnitIds', 'units'), f('agreementText', 'textarea', true), f('requirements', 'textarea')],
  },
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
  // 满意度回访: the reporter's satisfaction after closing (SatisfactionBody); the center's
  // operator records it (the 12345 platform for its own HOTLINE tickets through its client)
  RECORD_SATISFACTION: {
    transition: 'RECORD_SATISFACTION',
    path: '/satisfaction',
    fields: [f('level', 'satisfaction', true), f('comment', 'textarea')],
  },
}

/**
 * The transitions of dispatch's vocabulary that are not the center's to do on this page, and who
 * does them where: the system (接收立案 from intake's event), the unit in 处置通 (sign-for,
 * approval, requests, sub-orders, feedback), the collector in the field app (the check's result).
 */
export const DONE_ELSEWHERE: Record<string, 'system' | 'unit' | 'collector'> = {
  OPEN: 'system',
  SIGN_FOR: 'unit',
  APPROVE_BY_LEADER: 'unit',
  REQUEST_RETURN: 'unit',
  REQUEST_EXTENSION: 'unit',
  REDISPATCH_TO_SUB_UNIT: 'unit',
  SIGN_FOR_SUB_ORDER: 'unit',
  SUBMIT_SUB_FEEDBACK: 'unit',
  REQUEST_SUB_ORDER_RETURN: 'unit',
  APPROVE_SUB_ORDER_RETURN: 'unit',
  REFUSE_SUB_ORDER_RETURN: 'unit',
  SUBMIT_FEEDBACK: 'unit',
  PASS_CHECK: 'collector',
  FAIL_CHECK: 'collector',
}

/**
 * The allowed transitions split into those with a button here, those done elsewhere (by a unit or
 * a collector), and unknown ones (a transition newer than this console: named, never hidden).
 */
export function partitionAllowed(allowed: readonly { transition: string }[]): { here: ActionSpec[]; elsewhere: string[]; unknown: string[] } {
  const here: ActionSpec[] = []
  const elsewhere: string[] = []
  const unknown: string[] = []
  for (const a of allowed) {
    const spec = ACTIONS[a.transition]
    if (spec) here.push(spec)
    else if (DONE_ELSEWHERE[a.transition]) elsewhere.push(a.transition)
    else unknown.push(a.transition)
  }
  return { here, elsewhere, unknown }
}

const text = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join(',') : (v ?? '')).trim()

/** Beijing wall-clock "YYYY-MM-DDTHH:mm:ss" (the date picker's value) as a UTC instant. */
export function beijingToInstant(wall: string): string {
  const d = new Date(`${wall}+08:00`)
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date-time: ${wall}`)
  return d.toISOString()
}

/** Required fields left empty: field → message (the service checks again and names the field). */
export function missingFields(spec: ActionSpec, values: FieldValues, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field of spec.fields) {
    if (field.required && !text(values[field.name])) out[field.name] = lang === 'zh' ? '必填' : 'required'
  }
  return out
}

/** The JSON body of the command: trimmed texts, blanks left out, a deadline as an instant. */
export function commandBody(spec: ActionSpec, values: FieldValues): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {}
  for (const field of spec.fields) {
    const raw = values[field.name]
    if (field.kind === 'units') {
      const list = [...new Set((Array.isArray(raw) ? raw : text(raw).split(',')).map((u) => u.trim()).filter(Boolean))]
      if (list.length) body[field.name] = list
      continue
    }
    const v = text(raw)
    if (!v) continue
    body[field.name] = field.kind === 'datetime' ? beijingToInstant(v) : v
  }
  return body
}

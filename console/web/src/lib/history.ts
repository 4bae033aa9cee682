/** intake-service's report history line (GET /reports/{id}/history). */
export interface IntakeStep {
  from?: string | null
  to?: string | null
  action: string
  actorId?: string | null
  actorRole?: string | null
  at: string
  note?: string | null
}

/** dispatch-service's StepView (GET /cases/{id}/history). */
export interface DispatchStep {
  sequence: number
  transition: string
  label?: string | null
  fromState?: string | null
  toState?: string | null
  actorUserId?: string | null
  actorRole?: string | null
  actorUnitId?: string | null
  at: string
  reason?: string | null
  orderId?: string | null
  unitId?: string | null
}

/** One line of the case's whole history, across intake and dispatch: who, role, unit, when, why. */
export interface HistoryLine {
  source: 'intake' | 'dispatch'
  at: string
  /** the step's code (intake action or dispatch transition), for a translated label */
  action: string
  /** dispatch's own Chinese label when it gave one */
  label: string
  who: string
  role: string
  /** the acting person's unit; for dispatch steps on an order, the order's unit after "→" */
  unit: string
  targetUnit: string
  toState: string
  why: string
}

/** The report's registration (登记): not a step of intake's history, read from the report itself. */
export interface Registration {
  at: string
  /** the collector who reported, if any */
  collectorId?: string | null
  channel?: string | null
}

/**
 * The report's registration and its steps at intake (登记, 核实, 立案 …) and the case's steps at dispatch (派遣, 签收 …),
 * one list in time order; at the same instant intake's step comes first (a case is filed before
 * dispatch opens it), then dispatch's by sequence.
 */
export function mergeHistory(
  intake: readonly IntakeStep[],
  dispatch: readonly DispatchStep[],
  registration?: Registration | null,
): HistoryLine[] {
  const lines: (HistoryLine & { order: number })[] = []
  if (registration) {
    lines.push({
      source: 'intake',
      at: registration.at,
      action: 'REGISTER',
      label: '',
      who: registration.collectorId ?? '',
      role: registration.collectorId ? 'COLLECTOR' : '',
      unit: '',
      targetUnit: '',
      toState: 'REGISTERED',
      why: registration.channel ?? '',
      order: -1,
    })
  }
  intake.forEach((s, i) =>
    lines.push({
      source: 'intake',
      at: s.at,
      action: s.action,
      label: '',
      who: s.actorId ?? '',
      role: s.actorRole ?? '',
      unit: '',
      targetUnit: '',
      toState: s.to ?? '',
      why: s.note ?? '',
      order: i,
    }),
  )
  dispatch.forEach((s) =>
    lines.push({
      source: 'dispatch',
      at: s.at,
      action: s.transition,
      label: s.label ?? '',
      who: s.actorUserId ?? '',
      role: s.actorRole ?? '',
      unit: s.actorUnitId ?? '',
      targetUnit: s.unitId ?? '',
      toState: s.toState ?? '',
      why: s.reason ?? '',
      order: 1_000_000 + s.sequence,
    }),
  )
  return lines
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
    .map(({ order: _o, ...line }) => line)
}

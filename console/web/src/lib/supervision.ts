import { trafficLight, type Light } from './clock'

/** The parts of sla-service's ClockView the supervision list uses. */
export interface SlaClock {
  id: string
  stage: string
  stageName: string
  unitId?: string | null
  orderId?: string | null
  warningAt: string
  deadline: string
  stoppedAt?: string | null
  stateNow?: string | null
  remaining: string | number
}

/** The parts of dispatch-service's CaseSummary it uses. */
export interface CaseLine {
  caseId: string
  reportNo: string
  categoryName?: string | null
  state: string
  stateLabel?: string | null
  responsibleUnitId?: string | null
  overdueHandling?: boolean
}

/** One 督办 line: a running clock that is yellow (预警) or red (超时). */
export interface SupervisionRow {
  caseId: string
  reportNo: string
  categoryName: string
  caseState: string
  caseStateLabel: string
  /** the clock's unit, else the case's responsible unit; '' for the center's own stages */
  unitId: string
  stage: string
  stageName: string
  light: Exclude<Light, 'green'>
  /** when the light turned: the deadline for red, the warning for yellow */
  since: string
  deadline: string
  remaining: string | number
  clockId: string
}

/** Clocks that no longer run (stopped, paused, not yet started) are not supervised. */
const NOT_RUNNING = new Set(['PAUSED', 'NOT_STARTED', 'STOPPED_ON_TIME', 'STOPPED_LATE'])

/**
 * The 督办 list: every running clock of the given cases that is yellow or red at `now`,
 * the oldest warning or breach first (the one waiting longest for the shift lead).
 */
export function supervisionRows(
  cases: readonly CaseLine[],
  clocksByCase: ReadonlyMap<string, readonly SlaClock[]>,
  now: Date | number = Date.now(),
): SupervisionRow[] {
  const rows: SupervisionRow[] = []
  for (const c of cases) {
    for (const k of clocksByCase.get(c.caseId) ?? []) {
      if (k.stoppedAt || (k.stateNow && NOT_RUNNING.has(k.stateNow))) continue
      const light = trafficLight(k, now)
      if (light === 'green') continue
      rows.push({
        caseId: c.caseId,
        reportNo: c.reportNo,
        categoryName: c.categoryName ?? '',
        caseState: c.state,
        caseStateLabel: c.stateLabel ?? c.state,
        unitId: k.unitId ?? c.responsibleUnitId ?? '',
        stage: k.stage,
        stageName: k.stageName,
        light,
        since: light === 'red' ? k.deadline : k.warningAt,
        deadline: k.deadline,
        remaining: k.remaining,
        clockId: k.id,
      })
    }
  }
  return rows.sort((a, b) => Date.parse(a.since) - Date.parse(b.since) || a.reportNo.localeCompare(b.reportNo))
}

/** Counts by unit and stage (the heads of the 督办 list), most breaches first. */
export interface SupervisionCount {
  unitId: string
  stage: string
  stageName: string
  yellow: number
  red: number
}

export function countsByUnitAndStage(rows: readonly SupervisionRow[]): SupervisionCount[] {
  const m = new Map<string, SupervisionCount>()
  for (const r of rows) {
    const key = `${r.unitId}\u0000${r.stage}`
    const c = m.get(key) ?? { unitId: r.unitId, stage: r.stage, stageName: r.stageName, yellow: 0, red: 0 }
    c[r.light] += 1
    m.set(key, c)
  }
  return [...m.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.unitId.localeCompare(b.unitId) || a.stage.localeCompare(b.stage))
}

/** The states in which a case has a running clock somebody answers for (not terminal). */
export const OPEN_STATES = [
  'AWAITING_DISPATCH',
  'DISPATCHED',
  'SIGNED_FOR',
  'IN_HANDLING',
  'RETURN_REQUESTED',
  'EXTENSION_REQUESTED',
  'FEEDBACK_SUBMITTED',
  'CHECK_ORDERED',
  'CHECK_PASSED',
  'COORDINATING',
  'ESCALATED_TO_COUNTY_GOVERNMENT',
  'EMERGENCY_ARRANGEMENT',
] as const

/**
 * Runs `task` over `items` with at most `limit` at a time (bounded fan-out: the supervision list
 * reads one clock list per case and must not flood sla-service). Results keep the input order;
 * a failed task gives undefined.
 */
export async function boundedMap<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<(R | undefined)[]> {
  const out: (R | undefined)[] = new Array(items.length)
  let next = 0
  async function worker() {
    while (next < items.length) {
      const i = next++
      try {
        out[i] = await task(items[i])
      } catch {
        out[i] = undefined
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return out
}

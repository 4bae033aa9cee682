import type { Light } from './clock'

/**
 * 督办 supervision from sla-service's list of clocks by state,
 * `GET /api/sla/v1/clocks?state=WARNING,BREACHED&stage=&unitId=&page=&size=` (docs/sla-clocks.md
 * §4a): the running clocks in warning (yellow) or breached (red), oldest first by the moment the
 * light turned, with the case's number and category, and the counts by unit and stage — one call
 * per refresh, scoped by sla-service as the clocks of a case are.
 */

/** One line of sla-service's list (SupervisedClock). */
export interface SupervisedClock {
  clockId: string
  caseId: string
  reportNo?: string | null
  categoryCode?: string | null
  categoryName?: string | null
  orderId?: string | null
  unitId?: string | null
  parentUnitId?: string | null
  stage: string
  stageName: string
  emergency?: boolean
  light: 'WARNING' | 'BREACHED'
  since: string
  warningAt: string
  deadline: string
  remaining: string | number
}

/** sla-service's count of one unit and stage (over the whole list, not the page). */
export interface StageUnitCount {
  unitId: string
  stage: string
  stageName: string
  warning: number
  breached: number
}

export interface SupervisionPage {
  now: string
  total: number
  page: number
  size: number
  items: SupervisedClock[]
  counts: StageUnitCount[]
}

/** The filter value (and sla-service's `unitId`) of the center's own clocks (no unit). */
export const CENTER = 'CENTER'

/** The stages whose red light means 过期未处置 (a unit's handling past its deadline). */
const HANDLING_STAGES = new Set(['HANDLING', 'SUB_HANDLING'])

/** One 督办 line: a running clock that is yellow (预警) or red (超时). */
export interface SupervisionRow {
  caseId: string
  reportNo: string
  categoryName: string
  /** the clock's unit; CENTER for the center's own stages (立案派遣, 核查) */
  unitId: string
  stage: string
  stageName: string
  light: Exclude<Light, 'green'>
  /** when the light turned: the deadline for red, the warning for yellow */
  since: string
  deadline: string
  remaining: string | number
  clockId: string
  /** 过期未处置: the handling clock of a unit is red */
  overdueHandling: boolean
}

export interface SupervisionFilter {
  unitId?: string
  stage?: string
  page?: number
  size?: number
}

/** The address of one page of the list (both lights, the filters, the page). */
export function supervisionUrl(f: SupervisionFilter): string {
  const q = new URLSearchParams({ state: 'WARNING,BREACHED' })
  if (f.stage) q.set('stage', f.stage)
  if (f.unitId) q.set('unitId', f.unitId)
  q.set('page', String(f.page ?? 0))
  q.set('size', String(f.size ?? 50))
  return `/api/sla/v1/clocks?${q}`
}

/** The lines of a page, in sla-service's order (oldest first). */
export function supervisionRows(page: SupervisionPage): SupervisionRow[] {
  return page.items.map((k) => {
    const light = k.light === 'BREACHED' ? 'red' : 'yellow'
    return {
      caseId: k.caseId,
      reportNo: k.reportNo || k.caseId,
      categoryName: k.categoryName ?? '',
      unitId: k.unitId || CENTER,
      stage: k.stage,
      stageName: k.stageName,
      light,
      since: k.since,
      deadline: k.deadline,
      remaining: k.remaining,
      clockId: k.clockId,
      overdueHandling: light === 'red' && HANDLING_STAGES.has(k.stage),
    }
  })
}

/** Counts by unit and stage (the heads of the 督办 list), most breaches first. */
export interface SupervisionCount {
  unitId: string
  stage: string
  stageName: string
  yellow: number
  red: number
}

export function supervisionCounts(counts: readonly StageUnitCount[]): SupervisionCount[] {
  return counts
    .map((c) => ({ unitId: c.unitId || CENTER, stage: c.stage, stageName: c.stageName, yellow: c.warning, red: c.breached }))
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.unitId.localeCompare(b.unitId) || a.stage.localeCompare(b.stage))
}

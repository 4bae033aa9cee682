import { durationSeconds, trafficLight, type Light } from './clock'
import type { Lang } from './lang'
import { beijingToInstant } from './transitions'

/**
 * 处置通, the unit's terminal: the pure rules of its inbox and of its steps.
 * The inbox lists dispatch-service's orders and sub-orders of the person's unit (批办件,
 * `GET /units/{unitId}/orders`), each with the clock sla-service keeps for that order's current
 * stage; the steps are the unit's transitions dispatch-service offers this person
 * (`allowedTransitions`), each a dialog whose fields are its request body (CaseRequests).
 */

/** dispatch-service's UnitOrder (one line of the unit's work list). */
export interface UnitOrder {
  orderId: string
  caseId: string
  parentOrderId?: string | null
  round: number
  origin: string
  status: string
  dispatchedAt: string
  returnDeadline?: string | null
  handlingDeadline?: string | null
  handlingExpired: boolean
  categoryCode: string
  categoryName?: string | null
  gridCode?: string | null
  emergency: boolean
  caseState: string
}

/** One clock of sla-service's GET /cases/{id}/clocks (the fields the inbox reads). */
export interface OrderClock {
  stage: string
  stageName?: string
  orderId?: string | null
  unitId?: string | null
  warningAt: string
  deadline: string
  stoppedAt?: string | null
  remaining: string | number
}

/** The order's clock that matters now: signing for while not signed, else handling. */
export function orderClock(order: Pick<UnitOrder, 'orderId' | 'status' | 'parentOrderId'>, clocks: readonly OrderClock[]): OrderClock | null {
  const sub = !!order.parentOrderId
  const wanted =
    order.status === 'DISPATCHED' ? (sub ? 'SUB_DISPATCH_TO_SIGN_FOR' : 'DISPATCH_TO_SIGN_FOR') : sub ? 'SUB_HANDLING' : 'HANDLING'
  const mine = clocks.filter((c) => c.orderId === order.orderId)
  return (
    mine.find((c) => c.stage === wanted && !c.stoppedAt) ??
    mine.find((c) => c.stage === wanted) ??
    // any running clock of the order (the earliest deadline first)
    [...mine].filter((c) => !c.stoppedAt && c.stage !== 'RETURN_WINDOW').sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))[0] ??
    null
  )
}

/** A line of the inbox: the order, its clock's light and working time left (seconds). */
export interface InboxRow {
  order: UnitOrder
  clock: OrderClock | null
  light: Light | null
  /** working time left as sla-service computed it; NaN without a clock */
  remaining: number
}

export function inboxRow(order: UnitOrder, clocks: readonly OrderClock[] | null, now: number = Date.now()): InboxRow {
  const clock = clocks ? orderClock(order, clocks) : null
  if (!clock) {
    // no clock read (yet): the handling deadline dispatch knows, else nothing
    if (order.handlingDeadline) {
      const left = (Date.parse(order.handlingDeadline) - now) / 1000
      return { order, clock: null, light: order.handlingExpired || left <= 0 ? 'red' : null, remaining: left }
    }
    return { order, clock: null, light: order.handlingExpired ? 'red' : null, remaining: Number.NaN }
  }
  return { order, clock, light: trafficLight(clock, now), remaining: durationSeconds(clock.remaining) }
}

export type InboxSort = 'urgent' | 'newest'

const SEVERITY: Record<string, number> = { red: 0, yellow: 1, green: 2 }

/**
 * 'urgent' (the default): red, then yellow, then green, then those without a clock; within a light
 * the least working time left first; then the newest dispatch first. 'newest': the newest dispatch
 * first. Emergencies (突发事件) go before the rest of their light.
 */
export function sortInbox(rows: readonly InboxRow[], sort: InboxSort = 'urgent'): InboxRow[] {
  const newest = (a: InboxRow, b: InboxRow) => Date.parse(b.order.dispatchedAt) - Date.parse(a.order.dispatchedAt) || a.order.orderId.localeCompare(b.order.orderId)
  if (sort === 'newest') return [...rows].sort(newest)
  const sev = (r: InboxRow) => (r.light ? SEVERITY[r.light] : 3)
  const left = (r: InboxRow) => (Number.isFinite(r.remaining) ? r.remaining : Number.POSITIVE_INFINITY)
  return [...rows].sort(
    (a, b) =>
      sev(a) - sev(b) ||
      Number(b.order.emergency) - Number(a.order.emergency) ||
      (left(a) === left(b) ? 0 : left(a) < left(b) ? -1 : 1) ||
      newest(a, b),
  )
}

// ------------------------------------------------------------------------------ the steps

export type UnitFieldKind = 'text' | 'textarea' | 'unit' | 'subUnit' | 'datetime' | 'photos'

export interface UnitField {
  name: string
  kind: UnitFieldKind
  required: boolean
}

export interface UnitActionSpec {
  transition: string
  /** the path after /api/dispatch/v1/cases/{id}; {sub} is the sub-order's id */
  path: string
  fields: UnitField[]
  /** the photos' purpose for dispatch's evidence store (AFTER, SUB_AFTER) */
  photoPurpose?: 'AFTER' | 'SUB_AFTER'
  /** a step on a sub-order: needs the sub-order's id */
  subOrder?: boolean
}

const uf = (name: string, kind: UnitFieldKind, required = false): UnitField => ({ name, kind, required })

/** The unit's steps (dispatch's CaseTransition → CaseResource endpoint and body). */
export const UNIT_ACTIONS: Record<string, UnitActionSpec> = {
  SIGN_FOR: { transition: 'SIGN_FOR', path: '/sign-for', fields: [uf('note', 'textarea')] },
  APPROVE_BY_LEADER: { transition: 'APPROVE_BY_LEADER', path: '/leader-approval', fields: [uf('instructions', 'textarea')] },
  SUBMIT_FEEDBACK: {
    transition: 'SUBMIT_FEEDBACK',
    path: '/feedback',
    fields: [uf('description', 'textarea', true), uf('photoIds', 'photos', true)],
    photoPurpose: 'AFTER',
  },
  REQUEST_RETURN: { transition: 'REQUEST_RETURN', path: '/return-requests', fields: [uf('reason', 'textarea', true), uf('proposedUnitId', 'unit', true)] },
  REQUEST_EXTENSION: {
    transition: 'REQUEST_EXTENSION',
    path: '/extension-requests',
    fields: [uf('reason', 'textarea', true), uf('requestedDeadline', 'datetime', true)],
  },
  REDISPATCH_TO_SUB_UNIT: { transition: 'REDISPATCH_TO_SUB_UNIT', path: '/sub-orders', fields: [uf('subUnitId', 'subUnit', true), uf('requirements', 'textarea')] },
  SIGN_FOR_SUB_ORDER: { transition: 'SIGN_FOR_SUB_ORDER', path: '/sub-orders/{sub}/sign-for', fields: [uf('note', 'textarea')], subOrder: true },
  SUBMIT_SUB_FEEDBACK: {
    transition: 'SUBMIT_SUB_FEEDBACK',
    path: '/sub-orders/{sub}/feedback',
    fields: [uf('description', 'textarea', true), uf('photoIds', 'photos', true)],
    photoPurpose: 'SUB_AFTER',
    subOrder: true,
  },
  REQUEST_SUB_ORDER_RETURN: {
    transition: 'REQUEST_SUB_ORDER_RETURN',
    path: '/sub-orders/{sub}/return-requests',
    fields: [uf('reason', 'textarea', true), uf('suggestedUnitId', 'unit', true)],
    subOrder: true,
  },
  APPROVE_SUB_ORDER_RETURN: { transition: 'APPROVE_SUB_ORDER_RETURN', path: '/sub-orders/{sub}/return-requests/approve', fields: [uf('note', 'textarea')], subOrder: true },
  REFUSE_SUB_ORDER_RETURN: {
    transition: 'REFUSE_SUB_ORDER_RETURN',
    path: '/sub-orders/{sub}/return-requests/refuse',
    fields: [uf('reason', 'textarea', true)],
    subOrder: true,
  },
}

/** The order of the buttons: the main step of each stage first. */
const BUTTON_ORDER = [
  'SIGN_FOR',
  'APPROVE_BY_LEADER',
  'SIGN_FOR_SUB_ORDER',
  'SUBMIT_FEEDBACK',
  'SUBMIT_SUB_FEEDBACK',
  'REDISPATCH_TO_SUB_UNIT',
  'APPROVE_SUB_ORDER_RETURN',
  'REFUSE_SUB_ORDER_RETURN',
  'REQUEST_EXTENSION',
  'REQUEST_RETURN',
  'REQUEST_SUB_ORDER_RETURN',
]

/** The parts of a case the steps need. */
export interface CaseForSteps {
  currentOrderId?: string | null
  orders: { orderId: string; unitId: string; parentOrderId?: string | null; status: string }[]
  returns: { orderId?: string | null; decision?: string | null }[]
  allowedTransitions: { transition: string }[]
}

const OPEN = ['DISPATCHED', 'SIGNED_FOR', 'IN_HANDLING']

/** A request the center (or the township body) has not decided yet: dispatch's Decision PENDING. */
export function isPending(decision: string | null | undefined): boolean {
  return !decision || decision === 'PENDING'
}

/**
 * The buttons of the unit's terminal: the unit steps dispatch-service allows this person now, in
 * button order, each with the sub-order it acts on — the open sub-order of the current order held
 * by the person's unit (a department signing for, reporting on or asking to return it), or, for
 * the township body's decision on a return, the sub-order whose return awaits it. A sub-order step
 * without such a sub-order is left out (dispatch would refuse it).
 */
export function unitButtons(c: CaseForSteps, unitId: string): { spec: UnitActionSpec; subOrderId?: string }[] {
  const allowed = new Set(c.allowedTransitions.map((a) => a.transition))
  const subs = c.orders.filter((o) => o.parentOrderId && o.parentOrderId === c.currentOrderId)
  const pendingReturn = (orderId: string) => c.returns.some((r) => r.orderId === orderId && isPending(r.decision))
  const out: { spec: UnitActionSpec; subOrderId?: string }[] = []
  for (const t of BUTTON_ORDER) {
    if (!allowed.has(t)) continue
    const spec = UNIT_ACTIONS[t]
    if (!spec.subOrder) {
      out.push({ spec })
      continue
    }
    const sub =
      t === 'APPROVE_SUB_ORDER_RETURN' || t === 'REFUSE_SUB_ORDER_RETURN'
        ? subs.find((o) => OPEN.includes(o.status) && pendingReturn(o.orderId))
        : subs.find((o) => o.unitId === unitId && OPEN.includes(o.status))
    if (sub) out.push({ spec, subOrderId: sub.orderId })
  }
  return out
}

/** The command's address: /api/dispatch/v1/cases/{id}{path} with the sub-order filled in. */
export function unitActionPath(spec: UnitActionSpec, caseId: string, subOrderId?: string): string {
  if (spec.subOrder && !subOrderId) throw new Error(`${spec.transition} needs a sub-order`)
  return `/api/dispatch/v1/cases/${encodeURIComponent(caseId)}${spec.path.replace('{sub}', encodeURIComponent(subOrderId ?? ''))}`
}

export type UnitValues = Record<string, string | undefined>

/** Required fields left empty (photos: none uploaded): field → message. */
export function unitErrors(spec: UnitActionSpec, values: UnitValues, photoIds: readonly string[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of spec.fields) {
    if (!f.required) continue
    const empty = f.kind === 'photos' ? photoIds.length === 0 : !(values[f.name] ?? '').trim()
    if (empty) out[f.name] = f.kind === 'photos' ? (lang === 'zh' ? '请至少拍摄一张处置后照片' : 'take at least one after-photo') : lang === 'zh' ? '必填' : 'required'
  }
  return out
}

/** The JSON body: trimmed texts, blanks left out, a deadline as a UTC instant, the photo ids. */
export function unitBody(spec: UnitActionSpec, values: UnitValues, photoIds: readonly string[]): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {}
  for (const f of spec.fields) {
    if (f.kind === 'photos') {
      if (photoIds.length) body[f.name] = [...photoIds]
      continue
    }
    const v = (values[f.name] ?? '').trim()
    if (!v) continue
    body[f.name] = f.kind === 'datetime' ? beijingToInstant(v) : v
  }
  return body
}

/** The upload's address (dispatch's evidence store): purpose, file name and the device's time. */
export function photoUploadPath(caseId: string, purpose: string, fileName: string, takenAt?: Date | null): string {
  const q = new URLSearchParams({ purpose, fileName: fileName.slice(0, 200) })
  if (takenAt && !Number.isNaN(takenAt.getTime())) q.set('takenAt', takenAt.toISOString())
  return `/api/dispatch/v1/cases/${encodeURIComponent(caseId)}/photos?${q}`
}

/** SHA-256 of the bytes, lower-case hex (what dispatch stores and answers as `sha256`). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const buf: ArrayBuffer = bytes instanceof Uint8Array ? (bytes.slice().buffer as ArrayBuffer) : bytes
  const digest = await crypto.subtle.digest('SHA-256', buf)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The image types dispatch accepts (CasePhotoResource: JPEG, PNG, WebP; ≤ 10 MiB). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024

/** Why a picked file cannot be sent as it is, or null. */
export function photoProblem(type: string, size: number, lang: Lang): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(type)) return lang === 'zh' ? `不支持的图片格式（${type || '未知'}），请使用JPEG、PNG或WebP` : `unsupported image type (${type || 'unknown'}): JPEG, PNG or WebP`
  if (size > PHOTO_MAX_BYTES) return lang === 'zh' ? '照片超过10 MB' : 'photo larger than 10 MB'
  return null
}

/** The latest check's result (核查, R-15): passed or not, its round and note; null before any. */
export function checkOutcome(checks: readonly { passed: boolean; round: number; note?: string | null; at: string }[]): { passed: boolean; round: number; note?: string | null; at: string } | null {
  if (!checks.length) return null
  return [...checks].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]
}

// ------------------------------------------------------------------- 二级回退 (R-02, R-16, Art 25)

/** The register's entry the choices need (dispatch-service's UnitSummary). */
export interface UnitChoice {
  unitId: string
  name: string
  kind: string
  parentUnitId?: string | null
  active: boolean
}

/**
 * The units a return may suggest (回退申请 `proposedUnitId`, 二级回退申请 `suggestedUnitId`), never
 * the asking unit itself (dispatch refuses it). A return to the center suggests a unit the center
 * dispatches to: no township department. A department returning a sub-order to its township body
 * suggests, first, the township's other departments (the township re-dispatches within itself, R-02),
 * then the units the center dispatches to; in register order within each group.
 */
export function returnSuggestions<U extends UnitChoice>(units: readonly U[], transition: string, ownUnitId: string): U[] {
  const active = units.filter((u) => u.active && u.unitId !== ownUnitId)
  const central = active.filter((u) => u.kind !== 'SUB_DEPARTMENT')
  if (transition !== 'REQUEST_SUB_ORDER_RETURN') return central
  const parent = units.find((u) => u.unitId === ownUnitId)?.parentUnitId
  const siblings = parent ? active.filter((u) => u.kind === 'SUB_DEPARTMENT' && u.parentUnitId === parent) : []
  return [...siblings, ...central]
}

/**
 * The departments that returned a sub-order of the current order (已回退): dispatch gives them no
 * new sub-order of that order (SUB_UNIT_RETURNED), so the township's re-dispatch does not offer them.
 */
export function returnedDepartments(c: Pick<CaseForSteps, 'currentOrderId' | 'orders'>): string[] {
  return [...new Set(c.orders.filter((o) => o.parentOrderId && o.parentOrderId === c.currentOrderId && o.status === 'RETURNED').map((o) => o.unitId))]
}

/**
 * A return request as the unit's terminal reads it: a 二级回退 (of a sub-order) names its department;
 * the suggested unit by name with its id.
 */
export function returnOf(
  r: { orderId?: string | null; unitId?: string | null; proposedUnitId?: string | null },
  orders: readonly { orderId: string; unitId: string; unitName?: string | null; parentOrderId?: string | null }[],
  names: Readonly<Record<string, string>>,
): { subOrder: boolean; from: string; proposed: string } {
  const o = orders.find((x) => x.orderId === r.orderId)
  const unit = r.unitId ?? o?.unitId ?? ''
  const name = (id: string | null | undefined) => (id ? names[id] ?? orders.find((x) => x.unitId === id && x.unitName)?.unitName ?? id : '—')
  // the suggestion by name and register id (the id is what the center's dispatch dialog shows)
  const proposed = r.proposedUnitId && name(r.proposedUnitId) !== r.proposedUnitId ? `${name(r.proposedUnitId)}（${r.proposedUnitId}）` : name(r.proposedUnitId)
  return { subOrder: !!o?.parentOrderId, from: name(unit), proposed }
}

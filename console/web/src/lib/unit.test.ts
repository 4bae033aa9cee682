import { describe, expect, test } from 'vitest'
// dispatch-service's own sources, read as text at test time (Vite's ?raw import)
import caseTransitionJava from '../../../../dispatch-service/src/main/java/cn/szcg/dispatch/domain/CaseTransition.java?raw'
import caseRequestsJava from '../../../../dispatch-service/src/main/java/cn/szcg/dispatch/api/CaseRequests.java?raw'
import caseResourceJava from '../../../../dispatch-service/src/main/java/cn/szcg/dispatch/api/CaseResource.java?raw'
import { DONE_ELSEWHERE } from './transitions'
import {
  inboxRow,
  orderClock,
  photoProblem,
  photoUploadPath,
  returnedDepartments,
  returnOf,
  returnSuggestions,
  sha256Hex,
  sortInbox,
  UNIT_ACTIONS,
  unitActionPath,
  unitBody,
  unitButtons,
  unitErrors,
  type OrderClock,
  type UnitOrder,
} from './unit'

const T0 = Date.parse('2026-12-07T02:00:00Z')
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

function order(id: string, over: Partial<UnitOrder> = {}): UnitOrder {
  return {
    orderId: id,
    caseId: 'case-' + id,
    round: 1,
    origin: 'DISPATCH',
    status: 'DISPATCHED',
    dispatchedAt: iso(-10),
    handlingExpired: false,
    categoryCode: 'E-0101',
    emergency: false,
    caseState: 'DISPATCHED',
    ...over,
  }
}

function clock(orderId: string, stage: string, warnIn: number, dueIn: number, over: Partial<OrderClock> = {}): OrderClock {
  return { orderId, stage, warningAt: iso(warnIn), deadline: iso(dueIn), remaining: `PT${Math.max(dueIn, 0)}M`, ...over }
}

describe('处置通 inbox', () => {
  test("the clock of the order's stage: signing for until signed, then handling; a sub-order's own stages", () => {
    const clocks = [clock('o1', 'DISPATCH_TO_SIGN_FOR', 30, 60), clock('o1', 'HANDLING', 600, 1200), clock('o2', 'HANDLING', 5, 10)]
    expect(orderClock(order('o1'), clocks)?.stage).toBe('DISPATCH_TO_SIGN_FOR')
    expect(orderClock(order('o1', { status: 'IN_HANDLING' }), clocks)?.stage).toBe('HANDLING')
    const sub = [clock('o1-S1', 'SUB_DISPATCH_TO_SIGN_FOR', 10, 60), clock('o1-S1', 'SUB_HANDLING', 100, 200)]
    expect(orderClock(order('o1-S1', { parentOrderId: 'o1' }), sub)?.stage).toBe('SUB_DISPATCH_TO_SIGN_FOR')
    expect(orderClock(order('o1-S1', { parentOrderId: 'o1', status: 'SIGNED_FOR' }), sub)?.stage).toBe('SUB_HANDLING')
    // another order's clock is never taken
    expect(orderClock(order('o3'), clocks)).toBeNull()
  })

  test('the traffic light and the working time left come from the clock (R-22)', () => {
    const r = inboxRow(order('o1'), [clock('o1', 'DISPATCH_TO_SIGN_FOR', -5, 55, { remaining: 'PT55M' })], T0)
    expect(r.light).toBe('yellow')
    expect(r.remaining).toBe(55 * 60)
    expect(inboxRow(order('o1'), [clock('o1', 'DISPATCH_TO_SIGN_FOR', -60, -1, { remaining: '-PT1M' })], T0).light).toBe('red')
    // no clock read: none, or red when dispatch says the handling is overdue
    expect(inboxRow(order('o9'), null, T0).light).toBeNull()
    expect(inboxRow(order('o9', { handlingExpired: true }), [], T0).light).toBe('red')
  })

  test('most urgent first: red, yellow, green, no clock; least time left first; then the newest', () => {
    const rows = [
      inboxRow(order('green-new', { dispatchedAt: iso(-1) }), [clock('green-new', 'DISPATCH_TO_SIGN_FOR', 30, 60)], T0),
      inboxRow(order('none'), [], T0),
      inboxRow(order('red'), [clock('red', 'DISPATCH_TO_SIGN_FOR', -30, -5, { remaining: '-PT5M' })], T0),
      inboxRow(order('yellow-less', { dispatchedAt: iso(-50) }), [clock('yellow-less', 'DISPATCH_TO_SIGN_FOR', -5, 10, { remaining: 'PT10M' })], T0),
      inboxRow(order('yellow-more'), [clock('yellow-more', 'DISPATCH_TO_SIGN_FOR', -5, 20, { remaining: 'PT20M' })], T0),
      inboxRow(order('green-old', { dispatchedAt: iso(-40) }), [clock('green-old', 'DISPATCH_TO_SIGN_FOR', 30, 60)], T0),
    ]
    expect(sortInbox(rows).map((r) => r.order.orderId)).toEqual(['red', 'yellow-less', 'yellow-more', 'green-new', 'green-old', 'none'])
    expect(sortInbox(rows, 'newest').map((r) => r.order.orderId)).toEqual(['green-new', 'none', 'red', 'yellow-more', 'green-old', 'yellow-less'])
  })

  test('an emergency goes before the rest of its light', () => {
    const rows = [
      inboxRow(order('a'), [clock('a', 'DISPATCH_TO_SIGN_FOR', 30, 40, { remaining: 'PT40M' })], T0),
      inboxRow(order('b', { emergency: true }), [clock('b', 'DISPATCH_TO_SIGN_FOR', 30, 60, { remaining: 'PT60M' })], T0),
    ]
    expect(sortInbox(rows).map((r) => r.order.orderId)).toEqual(['b', 'a'])
  })
})

describe('处置通 steps', () => {
  test("every unit step of dispatch's vocabulary has its dialog here (the case page names them as done in 处置通)", () => {
    const unitSteps = Object.entries(DONE_ELSEWHERE)
      .filter(([, who]) => who === 'unit')
      .map(([t]) => t)
      .sort()
    expect(Object.keys(UNIT_ACTIONS).sort()).toEqual(unitSteps)
    const src: string = caseTransitionJava
    for (const t of unitSteps) expect(src).toMatch(new RegExp(`^\\s{2}${t}\\(`, 'm'))
  })

  test("each step's path is an endpoint of dispatch's CaseResource and its fields are the body's", () => {
    const resource: string = caseResourceJava
    const requests: string = caseRequestsJava
    for (const spec of Object.values(UNIT_ACTIONS)) {
      const path = spec.path.replace('{sub}', '{subOrderId}')
      expect(resource, spec.transition).toContain(`@Path("/{caseId}${path}")`)
      for (const f of spec.fields) expect(requests, `${spec.transition}.${f.name}`).toMatch(new RegExp(`\\b${f.name}\\b`))
    }
  })

  const detail = {
    currentOrderId: 'O1',
    orders: [
      { orderId: 'O1', unitId: 'U-TOWN', status: 'IN_HANDLING' },
      { orderId: 'O1-S1', unitId: 'U-D1', parentOrderId: 'O1', status: 'DISPATCHED' },
      { orderId: 'O1-S2', unitId: 'U-D2', parentOrderId: 'O1', status: 'IN_HANDLING' },
    ],
    returns: [{ orderId: 'O1-S2', decision: 'PENDING' }, { orderId: 'O1-S1', decision: 'REFUSED' }],
    allowedTransitions: [
      { transition: 'REQUEST_RETURN' },
      { transition: 'SUBMIT_FEEDBACK' },
      { transition: 'SIGN_FOR_SUB_ORDER' },
      { transition: 'APPROVE_SUB_ORDER_RETURN' },
      { transition: 'CLOSE' },
    ],
  }

  test('the buttons: the allowed unit steps, main step first; a sub-order step with its sub-order', () => {
    // the department U-D1 signs for its own sub-order
    const d1 = unitButtons(detail, 'U-D1')
    expect(d1.map((b) => [b.spec.transition, b.subOrderId])).toEqual([
      ['SIGN_FOR_SUB_ORDER', 'O1-S1'],
      ['SUBMIT_FEEDBACK', undefined],
      ['APPROVE_SUB_ORDER_RETURN', 'O1-S2'],
      ['REQUEST_RETURN', undefined],
    ])
    // a unit holding no sub-order gets no sub-order step; CLOSE is never a unit's button
    const town = unitButtons({ ...detail, returns: [] }, 'U-TOWN')
    expect(town.map((b) => b.spec.transition)).toEqual(['SUBMIT_FEEDBACK', 'REQUEST_RETURN'])
  })

  test('the address of a step, with the sub-order filled in', () => {
    expect(unitActionPath(UNIT_ACTIONS.SIGN_FOR, 'c1')).toBe('/api/dispatch/v1/cases/c1/sign-for')
    expect(unitActionPath(UNIT_ACTIONS.SUBMIT_SUB_FEEDBACK, 'c1', 'O1-S1')).toBe('/api/dispatch/v1/cases/c1/sub-orders/O1-S1/feedback')
    expect(() => unitActionPath(UNIT_ACTIONS.SIGN_FOR_SUB_ORDER, 'c1')).toThrow()
  })

  test('required fields are checked before sending: the feedback needs its description and an after-photo', () => {
    const spec = UNIT_ACTIONS.SUBMIT_FEEDBACK
    expect(unitErrors(spec, {}, [], 'zh')).toEqual({ description: '必填', photoIds: '请至少拍摄一张处置后照片' })
    expect(unitErrors(spec, { description: '  ' }, ['p1'], 'en')).toEqual({ description: 'required' })
    expect(unitErrors(spec, { description: '已清理' }, ['p1'], 'zh')).toEqual({})
    expect(unitErrors(UNIT_ACTIONS.REQUEST_RETURN, { reason: '非本单位职责' }, [], 'zh')).toEqual({ proposedUnitId: '必填' })
    expect(unitErrors(UNIT_ACTIONS.SIGN_FOR, {}, [], 'zh')).toEqual({})
  })

  test('the bodies: trimmed, blanks left out, photo ids, a Beijing deadline as a UTC instant', () => {
    expect(unitBody(UNIT_ACTIONS.SUBMIT_FEEDBACK, { description: ' 已清理 ' }, ['p1', 'p2'])).toEqual({ description: '已清理', photoIds: ['p1', 'p2'] })
    expect(unitBody(UNIT_ACTIONS.SIGN_FOR, { note: '' }, [])).toEqual({})
    expect(unitBody(UNIT_ACTIONS.REQUEST_EXTENSION, { reason: '需采购配件', requestedDeadline: '2026-12-10T17:30:00' }, [])).toEqual({
      reason: '需采购配件',
      requestedDeadline: '2026-12-10T09:30:00.000Z',
    })
    expect(unitBody(UNIT_ACTIONS.REQUEST_RETURN, { reason: '非本单位职责', proposedUnitId: 'U-SANITATION' }, [])).toEqual({
      reason: '非本单位职责',
      proposedUnitId: 'U-SANITATION',
    })
  })
})

describe('处置通 photos', () => {
  test('SHA-256 of the bytes as dispatch answers it', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  test('the upload address names the purpose, the file and the time the device took it', () => {
    expect(photoUploadPath('c1', 'AFTER', 'IMG_0001.jpg', new Date('2026-12-07T02:00:00Z'))).toBe(
      '/api/dispatch/v1/cases/c1/photos?purpose=AFTER&fileName=IMG_0001.jpg&takenAt=2026-12-07T02%3A00%3A00.000Z',
    )
    expect(photoUploadPath('c1', 'SUB_AFTER', 'a.png')).toBe('/api/dispatch/v1/cases/c1/photos?purpose=SUB_AFTER&fileName=a.png')
  })

  test('only what dispatch accepts is sent: JPEG, PNG, WebP up to 10 MB', () => {
    expect(photoProblem('image/jpeg', 3_000_000, 'zh')).toBeNull()
    expect(photoProblem('image/heic', 3_000_000, 'zh')).toContain('不支持')
    expect(photoProblem('image/png', 11 * 1024 * 1024, 'en')).toBe('photo larger than 10 MB')
  })
})

describe('二级回退: what the department may suggest, what the township may re-dispatch to', () => {
  const U = (unitId: string, kind: string, parentUnitId: string | null = null, active = true) => ({ unitId, name: unitId + '名', kind, parentUnitId, active })
  const register = [
    U('T-1', 'TOWNSHIP_BODY'),
    U('T-1-ENV', 'SUB_DEPARTMENT', 'T-1'),
    U('T-1-PLAN', 'SUB_DEPARTMENT', 'T-1'),
    U('T-1-OLD', 'SUB_DEPARTMENT', 'T-1', false),
    U('T-2-ENV', 'SUB_DEPARTMENT', 'T-2'),
    U('U-WATER', 'FUNCTIONAL_DEPARTMENT'),
  ]

  test("a department's sub-order return suggests the township's other departments first, never itself", () => {
    expect(returnSuggestions(register, 'REQUEST_SUB_ORDER_RETURN', 'T-1-ENV').map((u) => u.unitId)).toEqual(['T-1-PLAN', 'T-1', 'U-WATER'])
  })

  test('a return to the center suggests no township department and not the unit itself', () => {
    expect(returnSuggestions(register, 'REQUEST_RETURN', 'U-WATER').map((u) => u.unitId)).toEqual(['T-1'])
  })

  test('the departments that returned a sub-order of the current order are left out of the re-dispatch', () => {
    const c = {
      currentOrderId: 'O2',
      orders: [
        { orderId: 'O1-S1', unitId: 'T-1-OLD', parentOrderId: 'O1', status: 'RETURNED' },
        { orderId: 'O2', unitId: 'T-1', parentOrderId: null, status: 'IN_HANDLING' },
        { orderId: 'O2-S1', unitId: 'T-1-ENV', parentOrderId: 'O2', status: 'RETURNED' },
        { orderId: 'O2-S2', unitId: 'T-1-PLAN', parentOrderId: 'O2', status: 'DISPATCHED' },
      ],
    }
    expect(returnedDepartments(c)).toEqual(['T-1-ENV'])
  })

  test('a sub-order return names its department and the suggested unit by name', () => {
    const orders = [
      { orderId: 'O2', unitId: 'T-1', unitName: '梅城镇人民政府', parentOrderId: null },
      { orderId: 'O2-S1', unitId: 'T-1-ENV', unitName: '梅城镇环境卫生管理站', parentOrderId: 'O2' },
    ]
    expect(returnOf({ orderId: 'O2-S1', unitId: 'T-1-ENV', proposedUnitId: 'T-1-PLAN' }, orders, { 'T-1-PLAN': '梅城镇村镇规划建设办公室' })).toEqual({
      subOrder: true,
      from: '梅城镇环境卫生管理站',
      proposed: '梅城镇村镇规划建设办公室（T-1-PLAN）',
    })
    expect(returnOf({ orderId: 'O2', unitId: 'T-1', proposedUnitId: 'U-X' }, orders, {})).toEqual({ subOrder: false, from: '梅城镇人民政府', proposed: 'U-X' })
  })
})

import { describe, expect, test } from 'vitest'
// dispatch-service's own sources, read as text at test time (Vite's ?raw import)
import caseTransitionJava from '../../../../dispatch-service/src/main/java/cn/szcg/dispatch/domain/CaseTransition.java?raw'
import satisfactionLevelJava from '../../../../dispatch-service/src/main/java/cn/szcg/dispatch/domain/SatisfactionLevel.java?raw'
import { ACTIONS, beijingToInstant, commandBody, DONE_ELSEWHERE, missingFields, partitionAllowed, SATISFACTION_LEVELS } from './transitions'

/** dispatch-service's vocabulary, read from its enum (CaseTransition.java) with each one's roles. */
function dispatchVocabulary(): Map<string, string[]> {
  const src: string = caseTransitionJava
  const body = src.slice(src.indexOf('public enum CaseTransition {'), src.indexOf('private final String labelZh;'))
  const out = new Map<string, string[]>()
  const re = /^\s{2}([A-Z][A-Z_]+)\(/gm
  const hits = [...body.matchAll(re)]
  hits.forEach((m, i) => {
    const chunk = body.slice(m.index, i + 1 < hits.length ? hits[i + 1].index : body.length)
    const roles = /roles\(([^)]*)\)/.exec(chunk)?.[1] ?? ''
    out.set(m[1], roles.split(',').map((r) => r.trim()).filter(Boolean))
  })
  return out
}

const SATISFACTION_JAVA: string = satisfactionLevelJava

describe('the case page buttons', () => {
  test('allowed transitions with a dialog here, the others named as done elsewhere', () => {
    const { here, elsewhere } = partitionAllowed([{ transition: 'ORDER_CHECK' }, { transition: 'SIGN_FOR' }, { transition: 'CANCEL' }])
    expect(here.map((a) => a.transition)).toEqual(['ORDER_CHECK', 'CANCEL'])
    expect(elsewhere).toEqual(['SIGN_FOR'])
  })

  test('协调一致 and 满意度回访 have a dialog; a transition unknown to the console is named apart, never as done elsewhere', () => {
    const { here, elsewhere, unknown } = partitionAllowed([
      { transition: 'RECORD_COORDINATION_AGREEMENT' },
      { transition: 'RECORD_SATISFACTION' },
      { transition: 'SOMETHING_NEW' },
    ])
    expect(here.map((a) => a.path)).toEqual(['/coordination/agreement', '/satisfaction'])
    expect(elsewhere).toEqual([])
    expect(unknown).toEqual(['SOMETHING_NEW'])
  })

  test("every transition of dispatch's enum has a dialog here or is genuinely done elsewhere by a unit, a collector or the system", () => {
    const vocabulary = dispatchVocabulary()
    expect(vocabulary.size).toBe(32)
    expect([...vocabulary.keys()].sort()).toEqual([...Object.keys(ACTIONS), ...Object.keys(DONE_ELSEWHERE)].sort())
    const center = ['OPERATOR', 'SHIFT_LEAD', 'DISPATCHER', 'COUNTY_GOVERNMENT', 'ADMIN']
    for (const [name, roles] of vocabulary) {
      const here = name in ACTIONS
      const elsewhere = name in DONE_ELSEWHERE
      expect([name, here !== elsewhere]).toEqual([name, true])
      if (elsewhere) {
        // nobody at the center may do it: it belongs to a unit, a collector or the system
        expect([name, roles.filter((r) => center.includes(r))]).toEqual([name, []])
      } else {
        expect([name, roles.some((r) => center.includes(r))]).toEqual([name, true])
      }
    }
    // and nothing here that dispatch does not know
    for (const name of [...Object.keys(ACTIONS), ...Object.keys(DONE_ELSEWHERE)]) expect([name, vocabulary.has(name)]).toEqual([name, true])
  })

  test('协调一致: agreed unit and agreement required; participating units as a list', () => {
    const spec = ACTIONS.RECORD_COORDINATION_AGREEMENT
    expect(missingFields(spec, { participatingUnitIds: [] }, 'zh')).toEqual({ agreedUnitId: '必填', agreementText: '必填' })
    expect(
      commandBody(spec, { agreedUnitId: 'U-A', participatingUnitIds: ['U-A', ' U-B ', 'U-B', ''], agreementText: ' 由U-A处置 ', requirements: '' }),
    ).toEqual({ agreedUnitId: 'U-A', participatingUnitIds: ['U-A', 'U-B'], agreementText: '由U-A处置' })
    expect(commandBody(spec, { agreedUnitId: 'U-A', participatingUnitIds: [], agreementText: 'x' })).toEqual({ agreedUnitId: 'U-A', agreementText: 'x' })
  })

  test("满意度回访: a level of dispatch's SatisfactionLevel is required, the comment optional", () => {
    const spec = ACTIONS.RECORD_SATISFACTION
    expect(missingFields(spec, {}, 'en')).toEqual({ level: 'required' })
    expect(commandBody(spec, { level: 'SATISFIED', comment: ' 已回访 ' })).toEqual({ level: 'SATISFIED', comment: '已回访' })
    const javaLevels = [...SATISFACTION_JAVA.matchAll(/^\s{2}([A-Z_]+)\(/gm)].map((m) => m[1])
    expect([...SATISFACTION_LEVELS]).toEqual(javaLevels)
  })

  test('order check needs a collector; close needs nothing', () => {
    expect(missingFields(ACTIONS.ORDER_CHECK, {}, 'zh')).toEqual({ collectorId: '必填' })
    expect(missingFields(ACTIONS.ORDER_CHECK, { collectorId: 'C0001' }, 'zh')).toEqual({})
    expect(missingFields(ACTIONS.CLOSE, {}, 'en')).toEqual({})
    expect(missingFields(ACTIONS.CANCEL, { reason: '  ' }, 'en')).toEqual({ reason: 'required' })
  })

  test('the body: trimmed, blanks left out', () => {
    expect(commandBody(ACTIONS.ORDER_CHECK, { collectorId: ' C0001 ', note: '' })).toEqual({ collectorId: 'C0001' })
    expect(commandBody(ACTIONS.REFUSE_RETURN, { reason: '属本单位职责' })).toEqual({ reason: '属本单位职责' })
  })

  test('a granted deadline picked in Beijing time goes as the UTC instant', () => {
    expect(beijingToInstant('2026-12-08T17:30:00')).toBe('2026-12-08T09:30:00.000Z')
    expect(commandBody(ACTIONS.GRANT_EXTENSION, { grantedDeadline: '2026-12-08T08:00:00' })).toEqual({ grantedDeadline: '2026-12-08T00:00:00.000Z' })
    expect(() => beijingToInstant('tomorrow')).toThrow(RangeError)
  })
})

import { describe, expect, it } from 'vitest'
import {
  areaOptions,
  callBody,
  callErrors,
  collectorsByDistance,
  deskBody,
  deskButtons,
  deskErrors,
  distanceMetres,
  emptyCallForm,
  emptyDeskValues,
  formatDistance,
  categoryLabel,
  queueQuery,
} from './desk'

const ID = '0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e'

describe('queueQuery', () => {
  it('sends township and category beside channel, status and Beijing times', () => {
    const q = new URLSearchParams(
      queueQuery({ channel: 'PHONE', status: '', townshipCode: '350124100', categoryCode: 'E-0101', range: ['2026-12-07T08:00:00', ''] as never }, 0, 20),
    )
    expect(q.get('townshipCode')).toBe('350124100')
    expect(q.get('categoryCode')).toBe('E-0101')
    expect(q.get('channel')).toBe('PHONE')
    expect(q.has('status')).toBe(false)
    expect(q.get('from')).toBe('2026-12-07T08:00:00+08:00')
    expect(q.has('to')).toBe(false)
    expect(q.get('page')).toBe('0')
  })
  it('sends the community within the township (社区（村）)', () => {
    const q = new URLSearchParams(
      queueQuery({ channel: '', status: '', townshipCode: '350124100', communityCode: '350124100001', categoryCode: '', range: null }, 0, 20),
    )
    expect(q.get('townshipCode')).toBe('350124100')
    expect(q.get('communityCode')).toBe('350124100001')
  })
  it('leaves blank filters out', () => {
    expect(queueQuery({ channel: '', status: '', townshipCode: '', categoryCode: '', range: null }, 2, 50)).toBe('page=2&size=50')
  })
})

describe('areaOptions', () => {
  it('reads gis-service features, ordered by code, skipping ones without a code', () => {
    const fc = { features: [{ properties: { code: '350124101', name: '白樟镇' } }, { properties: { code: '350124100', name: '梅城镇' } }, { properties: {} }] }
    expect(areaOptions(fc)).toEqual([
      { code: '350124100', name: '梅城镇' },
      { code: '350124101', name: '白樟镇' },
    ])
    expect(areaOptions(null)).toEqual([])
  })
})

describe('deskButtons', () => {
  it('offers what intake allows now', () => {
    expect(deskButtons(['FILE', 'MERGE', 'REJECT', 'REQUEST_VERIFICATION'], 0)).toEqual(['VERIFY', 'REJECT', 'MERGE'])
  })
  it('offers 保持独立 only beside duplicate proposals', () => {
    expect(deskButtons(['MERGE'], 2)).toEqual(['MERGE', 'KEEP_SEPARATE'])
    // decided already: merging stays possible, keeping separate is done
    expect(deskButtons(['MERGE'], 2, true)).toEqual(['MERGE'])
  })
  it('a consultation: answer or reject', () => {
    expect(deskButtons(['ANSWER', 'REJECT'], 3)).toEqual(['REJECT', 'ANSWER'])
  })
  it('nothing for a closed report or a person who may not decide', () => {
    expect(deskButtons([], 1)).toEqual([])
    expect(deskButtons(undefined, 1)).toEqual([])
  })
})

describe('deskErrors and deskBody', () => {
  it('a rejection needs a reason (不予立案)', () => {
    const v = { ...emptyDeskValues(), reason: '  ' }
    expect(deskErrors('REJECT', v, ID, 'zh')).toEqual({ reason: '必填' })
    expect(deskErrors('REJECT', { ...v, reason: 'x'.repeat(501) }, ID, 'en')).toEqual({ reason: 'at most 500 characters' })
    expect(deskErrors('REJECT', { ...v, reason: '重复举报' }, ID, 'zh')).toEqual({})
    expect(deskBody('REJECT', { ...v, reason: ' 重复举报 ' })).toEqual({ reason: '重复举报' })
    expect(deskBody('REJECT', { ...v, reason: '虚报', unfounded: true })).toEqual({ reason: '虚报', unfounded: true })
  })
  it('a merge needs another case id', () => {
    const v = emptyDeskValues()
    expect(deskErrors('MERGE', v, ID, 'en')).toEqual({ intoCaseId: 'required' })
    expect(deskErrors('MERGE', { ...v, intoCaseId: 'R-1' }, ID, 'zh').intoCaseId).toContain('UUID')
    expect(deskErrors('MERGE', { ...v, intoCaseId: ID.toUpperCase() }, ID, 'zh')).toEqual({ intoCaseId: '不能合并到自身' })
    const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
    expect(deskErrors('MERGE', { ...v, intoCaseId: other }, ID, 'zh')).toEqual({})
    expect(deskBody('MERGE', { ...v, intoCaseId: ` ${other} ` })).toEqual({ intoCaseId: other })
  })
  it('an answer needs text (咨询答复)', () => {
    expect(deskErrors('ANSWER', emptyDeskValues(), ID, 'zh')).toEqual({ answer: '必填' })
    expect(deskBody('ANSWER', { ...emptyDeskValues(), answer: ' 请拨打 12345 ' })).toEqual({ answer: '请拨打 12345' })
  })
  it('a verification may name a collector, or leave it to intake (nearest on duty)', () => {
    expect(deskErrors('VERIFY', emptyDeskValues(), ID, 'zh')).toEqual({})
    expect(deskBody('VERIFY', emptyDeskValues())).toEqual({})
    expect(deskBody('VERIFY', { ...emptyDeskValues(), collectorId: 'C0001' })).toEqual({ collectorId: 'C0001' })
    expect(deskBody('KEEP_SEPARATE', emptyDeskValues())).toBeUndefined()
  })
})

describe('collectors by distance', () => {
  it('measures metres on the sphere', () => {
    // 0.001° of latitude ≈ 111 m
    expect(Math.round(distanceMetres(118.8632, 26.2231, 118.8632, 26.2241))).toBe(111)
  })
  it('active collectors, nearest first, those without a position last', () => {
    const cs = [
      { id: 'C3', name: 'c', lon: null, lat: null },
      { id: 'C2', name: 'b', lon: 118.87, lat: 26.23 },
      { id: 'C1', name: 'a', lon: 118.8632, lat: 26.2232 },
      { id: 'C4', name: 'd', lon: 118.8632, lat: 26.2231, deactivated: true },
    ]
    const out = collectorsByDistance(cs, 118.8632, 26.2231)
    expect(out.map((c) => c.id)).toEqual(['C1', 'C2', 'C3'])
    expect(out[0].distanceM).toBe(11)
    expect(out[2].distanceM).toBeNull()
    // a report without a position: by id
    expect(collectorsByDistance(cs, null, null).map((c) => c.id)).toEqual(['C1', 'C2', 'C3'])
  })
  it('formats distances', () => {
    expect(formatDistance(850)).toBe('850 m')
    expect(formatDistance(2430)).toBe('2.4 km')
    expect(formatDistance(null)).toBe('—')
  })
})

describe('登记来电/来访', () => {
  const ok = { ...emptyCallForm(), description: '来电反映台山路井盖缺失' }
  it('a description is required; the rest optional', () => {
    expect(callErrors(emptyCallForm(), 'zh')).toEqual({ description: '必填' })
    expect(callErrors(ok, 'zh')).toEqual({})
  })
  it('checks the phone as intake does (mobile or landline with area code)', () => {
    expect(callErrors({ ...ok, reporterPhone: '12345' }, 'en').reporterPhone).toContain('mobile')
    expect(callErrors({ ...ok, reporterPhone: '139 5555 6666' }, 'zh')).toEqual({})
    expect(callErrors({ ...ok, reporterPhone: '0591-22334455' }, 'zh')).toEqual({})
    expect(callErrors({ ...ok, reporterPhone: '+8613955556666' }, 'zh')).toEqual({})
  })
  it('a position must be whole and in the county', () => {
    expect(callErrors({ ...ok, lon: 118.86, lat: null }, 'zh').location).toBeTruthy()
    expect(callErrors({ ...ok, lon: 116.4, lat: 39.9 }, 'en')).toEqual({ location: 'outside the county' })
    expect(callErrors({ ...ok, lon: 118.8632, lat: 26.2231 }, 'zh')).toEqual({})
  })
  it('limits lengths', () => {
    expect(callErrors({ ...ok, address: 'x'.repeat(201) }, 'zh').address).toBe('不超过 200 字')
    expect(callErrors({ ...ok, reporterName: 'x'.repeat(51) }, 'zh').reporterName).toBeTruthy()
  })
  it('builds the registration body, blanks left out', () => {
    expect(
      callBody({
        ...ok,
        channel: 'WALK_IN',
        kind: 'COMPLAINT',
        address: ' 梅城镇台山路 ',
        lon: 118.86321234,
        lat: 26.2231,
        reporterName: '王五',
        reporterPhone: '139 5555 6666',
        categoryCode: 'C-0101',
      }),
    ).toEqual({
      channel: 'WALK_IN',
      kind: 'COMPLAINT',
      description: '来电反映台山路井盖缺失',
      address: '梅城镇台山路',
      location: { lon: 118.863212, lat: 26.2231 },
      categoryCode: 'C-0101',
      reporter: { name: '王五', phone: '13955556666' },
    })
    expect(callBody(ok)).toEqual({ channel: 'PHONE', kind: 'REPORT', description: '来电反映台山路井盖缺失' })
  })
})

describe('categoryLabel', () => {
  const cats = [{ code: 'E-0101', nameZh: '暴露垃圾', nameEn: 'Exposed rubbish' }]
  it('shows the name stored at filing', () => {
    expect(categoryLabel('E-0101', '暴露垃圾（立案时）', cats, 'zh')).toBe('暴露垃圾（立案时）')
  })
  it('names an unfiled report\'s code from the filing standard in force', () => {
    expect(categoryLabel('E-0101', null, cats, 'zh')).toBe('暴露垃圾')
    expect(categoryLabel('E-0101', '', cats, 'en')).toBe('Exposed rubbish')
  })
  it('falls back to the code, or a dash when there is none', () => {
    expect(categoryLabel('X-9999', null, cats, 'zh')).toBe('X-9999')
    expect(categoryLabel(null, null, cats, 'zh')).toBe('—')
  })
})

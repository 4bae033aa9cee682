import { describe, expect, it } from 'vitest'
import { formatDateTime, shanghaiIso } from './time'
import { menuFor, mayOpen, rolesOfToken } from './roles'

describe('times in Asia/Shanghai', () => {
  it('shows an instant in Beijing time whatever the machine zone', () => {
    expect(formatDateTime('2026-12-07T00:45:03Z')).toBe('2026-12-07 08:45:03')
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00')
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('not a time')).toBe('')
  })
  it('gives the services an ISO-8601 time with +08:00', () => {
    expect(shanghaiIso(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07T00:00:00+08:00')
  })
})

describe('roles decide the menu', () => {
  const token = (claims: object) =>
    'h.' + btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') + '.s'

  it('reads realm_access.roles of an access token', () => {
    expect(rolesOfToken(token({ realm_access: { roles: ['operator', 'offline_access'] } }))).toEqual([
      'operator',
      'offline_access',
    ])
    expect(rolesOfToken(token({ sub: 'x' }))).toEqual([])
    expect(rolesOfToken('garbage')).toEqual([])
    expect(rolesOfToken(undefined)).toEqual([])
  })
  it('gives 受理台 to operators and shift leads only', () => {
    expect(menuFor(['operator'])).toEqual(['home', 'intake', 'dispatch', 'map'])
    expect(menuFor(['shift-lead'])).toEqual(['home', 'intake', 'dispatch', 'supervision', 'map'])
    expect(menuFor(['collector'])).toEqual(['home'])
    expect(menuFor(['dispatcher'])).toEqual(['home', 'dispatch', 'supervision', 'map'])
    // 地图: every center role, no unit or collector (dispatch refuses them the case layer)
    expect(menuFor(['county-government'])).toContain('map')
    expect(mayOpen('map', ['unit-receiver'])).toBe(false)
    // 案卷 is opened from a list, never a menu entry; any center role may open it
    expect(mayOpen('case', ['dispatcher'])).toBe(true)
    expect(mayOpen('case', ['collector'])).toBe(false)
    expect(mayOpen('dispatch', ['unit-receiver'])).toBe(false)
    expect(mayOpen('supervision', ['operator'])).toBe(false)
    expect(mayOpen('intake', ['collector'])).toBe(false)
  })
})

/**
 * The realm roles as they appear in realm_access.roles (platform security/Roles.java) and which
 * screen each person gets. The menu follows the roles; the router refuses a forced address the
 * same way; the services decide again on every call (the console decides nothing on its own).
 */
export const Role = {
  COLLECTOR: 'collector',
  OPERATOR: 'operator',
  SHIFT_LEAD: 'shift-lead',
  DISPATCHER: 'dispatcher',
  UNIT_RECEIVER: 'unit-receiver',
  UNIT_LEADER: 'unit-leader',
  UNIT_HANDLER: 'unit-handler',
  EFFICIENCY_OFFICE: 'efficiency-office',
  SUPERVISION_OFFICE: 'supervision-office',
  COUNTY_GOVERNMENT: 'county-government',
  ADMIN: 'admin',
} as const

export type Screen = 'home' | 'intake'

/** Who may open each screen built so far (受理台: 受理员 and 值班长, R-04, R-05). */
export const SCREEN_ROLES: Record<Screen, readonly string[] | 'any'> = {
  home: 'any',
  intake: [Role.OPERATOR, Role.SHIFT_LEAD],
}

export function mayOpen(screen: Screen, roles: readonly string[]): boolean {
  const allowed = SCREEN_ROLES[screen]
  return allowed === 'any' || roles.some((r) => allowed.includes(r))
}

/** The menu entries of a person, in menu order. */
export function menuFor(roles: readonly string[]): Screen[] {
  return (Object.keys(SCREEN_ROLES) as Screen[]).filter((s) => mayOpen(s, roles))
}

/** The realm roles of an access token (its payload's realm_access.roles); [] if unreadable. */
export function rolesOfToken(accessToken: string | undefined | null): string[] {
  if (!accessToken) return []
  const payload = accessToken.split('.')[1]
  if (!payload) return []
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4)
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))
    const claims = JSON.parse(new TextDecoder().decode(bytes))
    const roles = claims?.realm_access?.roles
    return Array.isArray(roles) ? roles.filter((r: unknown) => typeof r === 'string') : []
  } catch {
    return []
  }
}
